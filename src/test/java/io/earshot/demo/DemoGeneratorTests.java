package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoGeneratorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final double Z_99 = 2.576; // |z| above this: two-sided p < 0.01

    static Utterances utterances;
    static DemoGenerator generator;
    static List<DemoSignal> signals;

    @BeforeAll
    static void generate() {
        utterances = Utterances.shipped();
        generator = new DemoGenerator(utterances, TODAY);
        signals = generator.generate();
    }

    static YearMonth month(DemoSignal signal) {
        return YearMonth.from(signal.occurredAt().atZone(DemoGenerator.ZONE));
    }

    static Nps nps(Predicate<DemoSignal> which) {
        return Nps.of(signals.stream().filter(which).toList());
    }

    static Predicate<DemoSignal> in(String region, YearMonth from, YearMonth toIncluded) {
        return s -> s.region().equals(region) && !month(s).isBefore(from) && !month(s).isAfter(toIncluded);
    }

    @Test
    void generatesTheSameSignalsEveryTime(@TempDir Path dir) throws IOException {
        List<DemoSignal> again = new DemoGenerator(Utterances.shipped(), TODAY).generate();

        assertThat(again).isEqualTo(signals);
        DemoCsv.write(signals, dir.resolve("a.csv"));
        DemoCsv.write(again, dir.resolve("b.csv"));
        assertThat(Files.mismatch(dir.resolve("a.csv"), dir.resolve("b.csv"))).isEqualTo(-1L);
    }

    @Test
    void generatesAbout50kSignalsOver18MonthsEndingYesterdayFromFourSources() {
        assertThat(signals).hasSize(50_000);
        assertThat(signals.stream().map(DemoSignal::source).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("survey", "chat", "ticket", "review");
        assertThat(signals.stream().map(DemoGeneratorTests::month).collect(Collectors.toSet()))
                .hasSize(18)
                .contains(YearMonth.of(2025, 6), YearMonth.of(2026, 11));
        assertThat(signals)
                .allSatisfy(s -> assertThat(
                                s.occurredAt().atZone(DemoGenerator.ZONE).toLocalDate())
                        .isBetween(LocalDate.of(2025, 6, 1), TODAY.minusDays(1)));
        assertThat(generator.firstMonth()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(generator.lastMonth()).isEqualTo(YearMonth.of(2026, 11));
    }

    @Test
    void externalIdsAreUniquePerSourceAndFollowTime() {
        Set<String> keys = new HashSet<>();
        signals.forEach(
                s -> assertThat(keys.add(s.source() + "/" + s.externalId())).isTrue());
        List<DemoSignal> surveys =
                signals.stream().filter(s -> s.source().equals("survey")).toList();
        assertThat(surveys.getFirst().externalId()).isEqualTo("NPS-000001");
        assertThat(surveys).isSortedAccordingTo((a, b) -> a.occurredAt().compareTo(b.occurredAt()));
    }

    @Test
    void customersBankThroughAccountsInSegmentsAndRegions() {
        Set<String> customers = signals.stream().map(DemoSignal::customerId).collect(Collectors.toSet());
        assertThat(customers).hasSizeBetween(7_000, DemoGenerator.CUSTOMERS);
        Map<String, Set<String>> customersByBusinessAccount = signals.stream()
                .filter(s -> s.segment().equals("small business"))
                .collect(Collectors.groupingBy(
                        DemoSignal::accountId, Collectors.mapping(DemoSignal::customerId, Collectors.toSet())));
        assertThat(customersByBusinessAccount.values().stream().filter(c -> c.size() >= 3))
                .hasSizeGreaterThan(100);
        assertThat(signals.stream().map(DemoSignal::segment).distinct())
                .containsExactlyInAnyOrder("retail", "premier", "small business");
        assertThat(signals.stream().map(DemoSignal::region).distinct())
                .containsExactlyInAnyOrderElementsOf(Customers.REGIONS);
        assertThat(signals.stream().map(DemoSignal::product).distinct())
                .contains("current account", "credit card", "savings", "mortgage", "business account");
        assertThat(signals.stream().map(DemoSignal::channel).distinct())
                .containsExactlyInAnyOrder("app", "web", "phone", "branch");
    }

    @Test
    void textsAreRealUtterancesFromTheShippedData() {
        Set<String> shipped = new HashSet<>();
        utterances.queries().forEach(u -> shipped.add(u.text()));
        utterances.complaints().forEach(u -> shipped.add(u.text()));

        assertThat(signals).allSatisfy(s -> assertThat(shipped).contains(s.text()));
        assertThat(signals.stream().filter(s -> s.origin().equals("cfpb"))).hasSizeGreaterThan(2_500);
        assertThat(utterances.queries()).hasSize(10_003);
    }

    @Test
    void scoresAreOnTheirScalesAndEachSourceHasItsOwn() {
        assertThat(signals.stream().filter(s -> s.source().equals("survey")))
                .allSatisfy(s -> assertThat(s.nps()).isBetween(0, 10));
        assertThat(signals.stream().filter(s -> !s.source().equals("survey")))
                .allSatisfy(s -> assertThat(s.nps()).isNull());
        assertThat(signals.stream().filter(s -> s.source().equals("review")))
                .allSatisfy(s -> assertThat(s.csat()).isBetween(1, 5));
        assertThat(signals.stream().filter(s -> s.ces() != null))
                .allSatisfy(s -> assertThat(s.ces()).isBetween(1, 7));
        assertThat(Nps.of(signals).value()).isBetween(10.0, 35.0);
    }

    @Test
    void detractorDriversHaveFarLowerNpsThanPromoterDrivers() {
        Nps bad = nps(s -> Intents.DETRACTOR_DRIVERS.contains(s.intent()));
        Nps good = nps(s -> Intents.PROMOTER_DRIVERS.contains(s.intent()));
        Nps rest = nps(
                s -> !Intents.DETRACTOR_DRIVERS.contains(s.intent()) && !Intents.PROMOTER_DRIVERS.contains(s.intent()));

        assertThat(bad.value()).isLessThan(-30);
        assertThat(good.value()).isGreaterThan(60);
        assertThat(bad.value()).isLessThan(rest.value()).isLessThan(good.value());
        for (String intent :
                List.of("card_not_working", "declined_transfer", "lost_or_stolen_card", "compromised_card")) {
            assertThat(nps(s -> s.intent().equals(intent)).value()).as(intent).isLessThan(0);
        }
        for (String intent : List.of("card_arrival", "topping_up_by_card", "automatic_top_up")) {
            assertThat(nps(s -> s.intent().equals(intent)).value()).as(intent).isGreaterThan(50);
        }
    }

    @Test
    void theNorthHasASignificantNpsDipTwoMonthsBeforeTheEnd() {
        PlantedDip dip = generator.dip();
        assertThat(dip).isEqualTo(PlantedDip.endingIn(YearMonth.of(2026, 11)));
        assertThat(dip.region()).isEqualTo("North");
        assertThat(dip.month()).isEqualTo(YearMonth.of(2026, 9));

        Nps during = nps(in(dip.region(), dip.month(), dip.month()));
        Nps before =
                nps(in(dip.region(), dip.month().minusMonths(3), dip.month().minusMonths(1)));

        assertThat(during.n()).isBetween(200L, 400L);
        assertThat(before.value() - during.value()).isGreaterThan(25);
        assertThat(during.zAgainst(before)).isLessThan(-Z_99);
    }

    @Test
    void theDipIsCausedByMoreOfTheFaultIntentsAndLowerScores() {
        PlantedDip dip = generator.dip();
        Predicate<DemoSignal> during = in(dip.region(), dip.month(), dip.month());
        Predicate<DemoSignal> before =
                in(dip.region(), dip.month().minusMonths(3), dip.month().minusMonths(1));
        Predicate<DemoSignal> fault = s -> dip.intents().contains(s.intent());

        assertThat(share(during, fault)).isGreaterThan(share(before, fault) + 0.15);
        assertThat(nps(during.and(fault.negate())).value())
                .as("lower scores beyond the intent mix")
                .isLessThan(nps(before.and(fault.negate())).value() - 3);
    }

    @Test
    void noOtherRegionDipsSignificantlyThatMonth() {
        PlantedDip dip = generator.dip();
        for (String region : Customers.REGIONS) {
            if (region.equals(dip.region())) {
                continue;
            }
            Nps during = nps(in(region, dip.month(), dip.month()));
            Nps before = nps(in(region, dip.month().minusMonths(3), dip.month().minusMonths(1)));
            assertThat(during.zAgainst(before)).as(region).isGreaterThan(-Z_99);
        }
    }

    @Test
    void theDipMovesWithTheDateOfGeneration() {
        DemoGenerator later = new DemoGenerator(utterances, LocalDate.of(2027, 3, 1));

        assertThat(later.lastMonth()).isEqualTo(YearMonth.of(2027, 2));
        assertThat(later.dip().month()).isEqualTo(YearMonth.of(2026, 12));
    }

    static double share(Predicate<DemoSignal> within, Predicate<DemoSignal> which) {
        List<DemoSignal> all = signals.stream().filter(within).toList();
        return (double) all.stream().filter(which).count() / all.size();
    }
}
