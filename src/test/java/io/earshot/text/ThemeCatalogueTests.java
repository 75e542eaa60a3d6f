package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.access.DataScope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Stored themes on a real store of real customer messages (banking77): six intents over the last four complete months,
 * embedded by the real model; discovery, stable ids, analysts' edits surviving a recomputation, assignment on arrival,
 * the emerging flag and resuming an interrupted run.
 */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@RecordApplicationEvents
@TemporaryStore
class ThemeCatalogueTests {

    /** The intent that grows: 5 a month, then 30 in the latest complete month. */
    static final String GROWING = "card_arrival";

    static final List<String> STEADY =
            List.of("exchange_rate", "atm_support", "age_limit", "cancel_transfer", "passcode_forgotten");

    /** Days back that cover the four months stored. */
    static final int ALL_DAYS = 200;

    @Autowired
    ThemeCatalogue catalogue;

    @Autowired
    ThemeEdits edits;

    @Autowired
    StoredThemes themes;

    @Autowired
    ThemeTrends trends;

    @Autowired
    SignalEmbeddings embeddings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @BeforeEach
    void storeOnceAndForgetThemes() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) == 0) {
            store(stored());
            embeddings.embedMissing();
        }
        jdbc.update("DELETE FROM signal_theme");
        jdbc.update("DELETE FROM theme");
        jdbc.update("DELETE FROM theme_run");
        jdbc.update("DELETE FROM signal WHERE source = 'late'");
    }

    /** 245 signals: each steady intent 10 a month, the growing one 5 a month then 30, over the last 4 complete months. */
    static List<StoredSignals.Signal> stored() {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        List<StoredSignals.Signal> signals = new ArrayList<>();
        for (int back = 4; back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            int offset = (4 - back) * 10;
            for (String intent : STEADY) {
                add(signals, intent, BankingTexts.of(intent, offset, 10), month);
            }
            add(signals, GROWING, BankingTexts.of(GROWING, (4 - back) * 5, back == 1 ? 30 : 5), month);
        }
        return signals;
    }

    static void add(List<StoredSignals.Signal> signals, String intent, List<String> texts, YearMonth month) {
        for (int i = 0; i < texts.size(); i++) {
            LocalDate day = month.atDay(1 + i % month.lengthOfMonth());
            signals.add(signal().text(texts.get(i)).at(day.toString()).attribute("intent", intent));
        }
    }

    void store(List<StoredSignals.Signal> signals) {
        StoredSignals.insert(jdbc, signals);
    }

    @Test
    void discoversThemesThatFollowTheIntentsAndNamesThem() {
        ThemeRun run = catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(run.status()).isEqualTo("done");
        assertThat(run.signals()).isEqualTo(245);
        assertThat(run.themes()).isEqualTo(6);
        assertThat(active()).hasSize(6);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_theme", Long.class))
                .isEqualTo(245);
        assertThat(purity())
                .as("share of signals in their intent's majority theme")
                .isGreaterThan(0.9);
        StoredTheme growing = themes.get(majorityTheme(GROWING));
        assertThat(growing.label()).contains("card");
        assertThat(growing.keyPhrases()).hasSize(3);
        assertThat(growing.centroid()).hasSize(384);
        assertThat(events.stream(ThemesChanged.class).flatMap(change -> change.signalIds().stream()))
                .as("every signal got a theme, so the index re-reads each")
                .hasSize(245)
                .doesNotHaveDuplicates();
    }

    @Test
    void aRecomputationThatMovesNoSignalAsksTheIndexToReadNone() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        events.clear();

        ThemeRun again = catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(again.status()).isEqualTo("done");
        assertThat(events.stream(ThemesChanged.class)).isEmpty();
    }

    @Test
    void aRecomputationNamesTheSignalsWhoseThemeChanged() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        Map<UUID, Long> before = assignments();
        events.clear();

        catalogue.discoverNow(3, ALL_DAYS, "test", p -> {});

        Map<UUID, Long> after = assignments();
        List<UUID> moved = before.keySet().stream()
                .filter(id -> !Objects.equals(before.get(id), after.get(id)))
                .toList();
        assertThat(moved).isNotEmpty();
        assertThat(events.stream(ThemesChanged.class).flatMap(change -> change.signalIds().stream()))
                .containsExactlyInAnyOrderElementsOf(moved);
    }

    private Map<UUID, Long> assignments() {
        Map<UUID, Long> themeOf = new HashMap<>();
        jdbc.query("SELECT signal_id, theme_id FROM signal_theme", rs -> {
            themeOf.put(rs.getObject(1, UUID.class), rs.getLong(2));
        });
        return themeOf;
    }

    @Test
    void choosesTheNumberOfThemesWhenNotGiven() {
        ThemeRun run = catalogue.discoverNow(0, ALL_DAYS, "test", p -> {});

        assertThat(run.k()).isZero();
        assertThat(run.themes()).isBetween(4, 12);
        assertThat(purity()).isGreaterThan(0.85);
    }

    @Test
    void themesOlderThanTheSelectionAreAssignedToTheNearestTheme() {
        ThemeRun run = catalogue.discoverNow(6, 40, "test", p -> {});

        long recent = jdbc.queryForObject(
                "SELECT count(*) FROM signal WHERE occurred_at >= now()::TIMESTAMP - INTERVAL 40 DAY", Long.class);
        assertThat(run.signals()).isEqualTo((int) recent);
        long older = jdbc.queryForObject(
                "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                        + " WHERE s.occurred_at < now()::TIMESTAMP - INTERVAL 40 DAY",
                Long.class);
        assertThat(older).as("older signals near a theme join it").isGreaterThan((245 - recent) / 2);
    }

    @Test
    void keepsThemeIdsWhenRecomputedOnMoreSignals() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        Map<String, Integer> before = majorityThemes();
        System.out.println(
                "DEBUG0 "
                        + jdbc.queryForList(
                                "SELECT json_extract_string(s.attributes, '$.intent') i, st.theme_id, count(*) n FROM signal_theme st JOIN signal s ON s.id = st.signal_id GROUP BY ALL ORDER BY 1,2"));

        List<StoredSignals.Signal> late = new ArrayList<>();
        for (String intent : STEADY) {
            for (String text : BankingTexts.of(intent, 40, 5)) {
                late.add(signal().source("late")
                        .text(text)
                        .at(LocalDate.now(ZoneOffset.UTC).toString())
                        .attribute("intent", intent));
            }
        }
        store(late);
        embeddings.embedMissing();
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        System.out.println(
                "DEBUG "
                        + jdbc.queryForList(
                                "SELECT json_extract_string(s.attributes, '$.intent') i, st.theme_id, count(*) n FROM signal_theme st JOIN signal s ON s.id = st.signal_id GROUP BY ALL ORDER BY 1,2"));

        assertThat(majorityThemes()).isEqualTo(before);
        assertThat(active()).extracting(StoredTheme::id).containsExactlyInAnyOrderElementsOf(before.values());
    }

    @Test
    void aRenameSurvivesRecomputation() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int id = majorityTheme("age_limit");

        edits.rename(id, "  Too young   to open an account ", "ana@example.com");
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        StoredTheme theme = themes.get(id);
        assertThat(theme.label()).isEqualTo("Too young to open an account");
        assertThat(theme.renamed()).isTrue();
        assertThat(theme.editedBy()).isEqualTo("ana@example.com");
        assertThat(theme.status()).isEqualTo(ThemeStatus.ACTIVE);
        assertThat(majorityTheme("age_limit")).isEqualTo(id);
    }

    @Test
    void aMergeSurvivesRecomputation() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int from = majorityTheme("atm_support");
        int into = majorityTheme("passcode_forgotten");
        long moved = themes.members(from).size();
        long kept = themes.members(into).size();

        edits.merge(from, into, "ana@example.com");

        assertThat(themes.get(from).status()).isEqualTo(ThemeStatus.MERGED);
        assertThat(themes.get(from).mergedInto()).isEqualTo(into);
        assertThat(themes.members(from)).isEmpty();
        assertThat(themes.members(into)).hasSize((int) (moved + kept));

        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(themes.get(from).status()).isEqualTo(ThemeStatus.MERGED);
        assertThat(themes.members(from)).isEmpty();
        assertThat(majorityTheme("atm_support")).isEqualTo(into);
        assertThat(majorityTheme("passcode_forgotten")).isEqualTo(into);
    }

    @Test
    void aSplitSurvivesRecomputation() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int exchange = majorityTheme("exchange_rate");
        int cancel = majorityTheme("cancel_transfer");
        edits.merge(cancel, exchange, "ana@example.com");

        List<Integer> parts = edits.split(exchange, 2, "ana@example.com");

        assertThat(parts).hasSize(2).doesNotContain(exchange);
        assertThat(themes.get(exchange).status()).isEqualTo(ThemeStatus.SPLIT);
        assertThat(themes.get(parts.getFirst()).splitFrom()).isEqualTo(exchange);
        assertThat(Map.of(majorityTheme("exchange_rate"), 1, majorityTheme("cancel_transfer"), 1))
                .as("the split separates the two intents again")
                .hasSize(2)
                .containsOnlyKeys(parts);

        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(themes.get(exchange).status()).isEqualTo(ThemeStatus.SPLIT);
        assertThat(themes.members(exchange)).isEmpty();
        assertThat(List.of(majorityTheme("exchange_rate"), majorityTheme("cancel_transfer")))
                .containsExactlyInAnyOrderElementsOf(parts);
    }

    @Test
    void aDeletedThemeIsNotRecreatedAndItsSignalsStayWithoutTheme() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int id = majorityTheme("age_limit");

        edits.delete(id, "ana@example.com");
        assertThat(themes.members(id)).isEmpty();
        assertThat(themed("age_limit")).isZero();

        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(themes.get(id).status()).isEqualTo(ThemeStatus.DELETED);
        assertThat(themed("age_limit"))
                .as("age_limit signals themed after recomputation")
                .isLessThan(4);
        assertThat(active()).hasSize(5);
    }

    @Test
    void aRestoredThemeTakesBackItsSignalsAndIsFoundAgain() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int id = majorityTheme("age_limit");
        List<UUID> before = themes.members(id);
        long othersThemed =
                jdbc.queryForObject("SELECT count(*) FROM signal_theme WHERE theme_id <> ?", Long.class, id);
        edits.delete(id, "ana@example.com");

        int restored = edits.restore(id, "ana@example.com");

        assertThat(themes.get(id).status()).isEqualTo(ThemeStatus.ACTIVE);
        assertThat(themes.get(id).editedBy()).isEqualTo("ana@example.com");
        List<UUID> after = themes.members(id);
        assertThat(restored).isEqualTo(after.size());
        assertThat(after.stream().filter(before::contains).count())
                .as("former members back, of %d", before.size())
                .isGreaterThanOrEqualTo(before.size() * 9L / 10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_theme WHERE theme_id <> ?", Long.class, id))
                .as("no signal of another theme moved")
                .isEqualTo(othersThemed);
        assertThat(events.stream(ThemesChanged.class).flatMap(change -> change.signalIds().stream()))
                .containsAll(after);
        assertThatThrownBy(() -> edits.restore(id, "ana"))
                .hasMessage("Theme " + id + " is active, not deleted: only a deleted theme can be restored");

        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        assertThat(themes.get(id).status()).isEqualTo(ThemeStatus.ACTIVE);
        assertThat(majorityTheme("age_limit")).isEqualTo(id);
        assertThat(active()).hasSize(6);
    }

    @Test
    void refusesEditsThatCannotBeDoneAndSaysWhy() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        int id = majorityTheme("age_limit");
        int other = majorityTheme("exchange_rate");

        assertThatThrownBy(() -> edits.merge(id, id, "ana"))
                .hasMessage("A theme cannot be merged into itself: choose another theme");
        assertThatThrownBy(() -> edits.merge(id, 999, "ana"))
                .hasMessage("There is no theme 999: pick one from the list of themes");
        assertThatThrownBy(() -> edits.rename(id, "   ", "ana"))
                .hasMessage("A theme's name cannot be empty: write a few words");
        assertThatThrownBy(() -> edits.split(id, 1, "ana")).hasMessage("A theme splits into 2 to 10 parts, not 1");
        edits.merge(id, other, "ana");
        assertThatThrownBy(() -> edits.rename(id, "Age", "ana"))
                .hasMessage("Theme " + id + " was merged into theme " + other + " and cannot be renamed: edit theme "
                        + other);
        assertThatThrownBy(() -> catalogue.discoverNow(1, 90, "ana", p -> {}))
                .hasMessage("The number of themes must be between 2 and 500 (or empty to choose it), not 1");
    }

    @Test
    void assignsArrivingSignalsToTheNearestTheme() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        store(List.of(
                signal().source("late").text("My new card still has not arrived, where is it?"),
                signal().source("late").text("What is the minimum age to open an account?"),
                signal().source("late").text("The weather in Lisbon is lovely this week")));
        events.clear();

        embeddings.embedMissing();

        Map<String, Integer> assigned = new HashMap<>();
        jdbc.query(
                "SELECT s.text, st.theme_id FROM signal s JOIN signal_theme st ON st.signal_id = s.id WHERE s.source = 'late'",
                r -> {
                    assigned.put(r.getString(1), r.getInt(2));
                });
        assertThat(assigned)
                .containsEntry("My new card still has not arrived, where is it?", majorityTheme(GROWING))
                .containsEntry("What is the minimum age to open an account?", majorityTheme("age_limit"))
                .doesNotContainKey("The weather in Lisbon is lovely this week");
        assertThat(events.stream(ThemesChanged.class).flatMap(e -> e.signalIds().stream()))
                .hasSize(2);
    }

    @Test
    void anErasedCustomersSignalsLoseTheirTheme() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});
        store(List.of(signal().source("late").customer("C-9").text("When will my new card arrive?")));
        embeddings.embedMissing();
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                                + " WHERE s.customer_id = 'C-9'",
                        Long.class))
                .isEqualTo(1);

        context.getBean(io.earshot.signal.CustomerErasure.class).erase("C-9");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_theme", Long.class))
                .as("only the 245 stored signals keep a theme")
                .isEqualTo(245);
    }

    @Test
    void flagsTheGrowingThemeAsEmerging() {
        catalogue.discoverNow(6, ALL_DAYS, "test", p -> {});

        Map<Integer, ThemeTrend> trend =
                trends.of(active().stream().map(StoredTheme::id).toList(), DataScope.EVERYTHING);

        ThemeTrend growing = trend.get(majorityTheme(GROWING));
        assertThat(growing.emerging()).isTrue();
        assertThat(growing.qValue()).isLessThan(0.001);
        assertThat(growing.counts().subList(6, 12)).containsExactly(0L, 5L, 5L, 5L, 30L, 0L);
        assertThat(trend.values().stream().filter(ThemeTrend::emerging)).hasSize(1);
        assertThat(growing.latestTotal()).isEqualTo(80);
        assertThat(growing.baselineTotal()).isEqualTo(165);
    }

    @Test
    void runsAgainADiscoveryInterruptedByAStop() throws InterruptedException {
        jdbc.update("INSERT INTO theme_run (id, status, k, days, requested_by, requested_at)"
                + " VALUES (7, 'running', 6, " + ALL_DAYS + ", 'ana', now())");

        Optional<Integer> resumed = catalogue.resumeInterrupted();

        assertThat(resumed).contains(7);
        for (int i = 0; i < 600 && catalogue.busy(); i++) {
            Thread.sleep(100);
        }
        assertThat(catalogue.run(7).orElseThrow().status()).isEqualTo("done");
        assertThat(active()).hasSize(6);
        assertThat(catalogue.resumeInterrupted()).isEmpty();
    }

    private List<StoredTheme> active() {
        return themes.all().stream().filter(StoredTheme::isActive).toList();
    }

    private long themed(String intent) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                        + " WHERE json_extract_string(s.attributes, '$.intent') = ?",
                Long.class,
                intent);
    }

    /** Intent to the theme holding most of its signals. */
    private Map<String, Integer> majorityThemes() {
        Map<String, Integer> majority = new HashMap<>();
        for (String intent : intentList()) {
            majority.put(intent, majorityTheme(intent));
        }
        return majority;
    }

    private static List<String> intentList() {
        List<String> all = new ArrayList<>(STEADY);
        all.add(GROWING);
        return all;
    }

    private int majorityTheme(String intent) {
        return jdbc.queryForObject(
                "SELECT st.theme_id FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                        + " WHERE json_extract_string(s.attributes, '$.intent') = ? AND s.source <> 'late'"
                        + " GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1",
                Integer.class,
                intent);
    }

    /** The share of signals that are in their intent's majority theme. */
    private double purity() {
        long inMajority = 0;
        for (String intent : intentList()) {
            inMajority += jdbc.queryForObject(
                    "SELECT count(*) FROM signal_theme st JOIN signal s ON s.id = st.signal_id"
                            + " WHERE json_extract_string(s.attributes, '$.intent') = ? AND st.theme_id = ?",
                    Long.class,
                    intent,
                    majorityTheme(intent));
        }
        return (double) inMajority / 245;
    }
}
