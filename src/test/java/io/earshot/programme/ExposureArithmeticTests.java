package io.earshot.programme;

import static io.earshot.programme.Encounter.Kind.CLIP;
import static io.earshot.programme.Encounter.Kind.EVENT;
import static io.earshot.programme.Encounter.Kind.SESSION;
import static io.earshot.programme.Encounter.Kind.WORKSHOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.earshot.programme.Encounter.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic of a leader's exposure on hand-built calendars; the default target is 2 h every 42 days. */
class ExposureArithmeticTests {

    /** As of midnight UTC starting 30 June 2026, the default window is [19 May 2026 00:00, 30 June 2026 00:00). */
    private static final Instant AS_OF = at("2026-06-30T00:00");

    @Test
    void disjointEncountersAddUp() {
        Exposure exposure = exposure(
                on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00"),
                on(WORKSHOP, "2026-06-03T14:00", "2026-06-03T15:30"));

        assertThat(exposure.total()).isEqualTo(Duration.ofMinutes(150));
        assertThat(exposure.totalHours()).isEqualTo(2.5);
    }

    @Test
    void overlappingEncountersCountTheSharedHalfHourOnce() {
        Exposure exposure = exposure(
                on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00"), on(EVENT, "2026-06-01T10:30", "2026-06-01T12:00"));

        assertThat(exposure.total()).isEqualTo(Duration.ofHours(2));
        assertThat(exposure.byKind())
                .containsEntry(SESSION, Duration.ofHours(1))
                .containsEntry(EVENT, Duration.ofHours(1));
    }

    @Test
    void anEncounterNestedInAnotherAddsNothing() {
        Exposure exposure = exposure(
                on(WORKSHOP, "2026-06-01T09:00", "2026-06-01T13:00"),
                on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00"));

        assertThat(exposure.total()).isEqualTo(Duration.ofHours(4));
        assertThat(exposure.byKind())
                .containsEntry(SESSION, Duration.ofHours(1))
                .containsEntry(WORKSHOP, Duration.ofHours(3));
    }

    @Test
    void touchingEncountersAddUpWithoutDoubleCountingTheirCommonInstant() {
        Encounter first = on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00");
        Encounter second = on(EVENT, "2026-06-01T11:00", "2026-06-01T12:00");

        assertThat(exposure(first, second).total()).isEqualTo(Duration.ofHours(2));
        assertThat(Coverage.of(List.of(first.span(), second.span())).spans())
                .containsExactly(new Span(at("2026-06-01T10:00"), at("2026-06-01T12:00")));
    }

    @Test
    void theSameSessionRecordedTwiceCountsOnce() {
        Encounter session = on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00");

        assertThat(exposure(session, session).total()).isEqualTo(Duration.ofHours(1));
        assertThat(exposure(session, session).inWindow()).containsExactly(session, session);
    }

    @Test
    void anEncounterAcrossTheWindowStartCountsOnlyItsPartInside() {
        Encounter across = on(SESSION, "2026-05-18T23:00", "2026-05-19T01:00");
        Encounter before = on(EVENT, "2026-05-10T10:00", "2026-05-10T18:00");

        Exposure exposure = exposure(across, before);

        assertThat(exposure.windowStart()).isEqualTo(at("2026-05-19T00:00"));
        assertThat(exposure.total()).isEqualTo(Duration.ofHours(1));
        assertThat(exposure.byKind())
                .containsEntry(SESSION, Duration.ofHours(1))
                .containsEntry(EVENT, Duration.ZERO);
        assertThat(exposure.inWindow()).containsExactly(across);
    }

    @Test
    void onlyEncountersEndedByAsOfCount() {
        Encounter endsAtAsOf = on(SESSION, "2026-06-29T22:00", "2026-06-30T00:00");
        Encounter running = on(EVENT, "2026-06-29T23:30", "2026-06-30T00:30");
        Encounter scheduled = on(SESSION, "2026-07-03T10:00", "2026-07-03T12:00");

        Exposure exposure = exposure(endsAtAsOf, running, scheduled);

        assertThat(exposure.total()).isEqualTo(Duration.ofHours(2));
        assertThat(exposure.byKind())
                .containsEntry(SESSION, Duration.ofHours(2))
                .containsEntry(EVENT, Duration.ZERO);
        assertThat(exposure.inWindow()).containsExactly(endsAtAsOf);
        assertThat(exposure.lastEncounter()).contains(endsAtAsOf);
    }

    @Test
    void onlyFutureEncountersMeanNoneYet() {
        Exposure exposure = exposure(on(SESSION, "2026-07-03T10:00", "2026-07-03T12:00"));

        assertThat(exposure.total()).isZero();
        assertThat(exposure.lastEncounter()).isEmpty();
        assertThat(exposure.status()).isEqualTo(ExposureStatus.NONE);
    }

    @Test
    void clipViewsLastTheirWatchedSecondsAndOverlappingViewsCountOnce() {
        Encounter first = Encounter.clipView(at("2026-06-10T09:00"), 600, "Complaint about fees", "clip-1");
        Encounter second = Encounter.clipView(at("2026-06-10T09:05"), 600, "Complaint about fees", "clip-1");

        assertThat(first.end()).isEqualTo(at("2026-06-10T09:10"));
        assertThat(first.kind()).isEqualTo(CLIP);
        assertThat(exposure(first, second).total()).isEqualTo(Duration.ofMinutes(15));
        assertThat(exposure(first, second).totalHours()).isEqualTo(0.25);
    }

    @Test
    void sharedTimeGoesToSessionThenEventThenWorkshopThenClipSoKindsAddUpToTheTotal() {
        Exposure exposure = exposure(
                on(CLIP, "2026-06-01T12:45", "2026-06-01T13:15"),
                on(WORKSHOP, "2026-06-01T11:30", "2026-06-01T13:00"),
                on(EVENT, "2026-06-01T10:30", "2026-06-01T12:00"),
                on(SESSION, "2026-06-01T10:00", "2026-06-01T11:00"));

        assertThat(exposure.total()).isEqualTo(Duration.ofMinutes(195));
        assertThat(exposure.byKind())
                .containsExactly(
                        entry(SESSION, Duration.ofMinutes(60)),
                        entry(EVENT, Duration.ofMinutes(60)),
                        entry(WORKSHOP, Duration.ofMinutes(60)),
                        entry(CLIP, Duration.ofMinutes(15)));
    }

    @Test
    void metTargetHasNoShortfallAndAMissedOneSaysHowMuchIsMissing() {
        Exposure met = exposure(on(SESSION, "2026-06-20T10:00", "2026-06-20T12:30"));
        Exposure missed = exposure(on(SESSION, "2026-06-20T10:00", "2026-06-20T10:45"));

        assertThat(met.targetMet()).isTrue();
        assertThat(met.overdue()).isFalse();
        assertThat(met.shortfall()).isZero();
        assertThat(missed.targetMet()).isFalse();
        assertThat(missed.overdue()).isTrue();
        assertThat(missed.shortfall()).isEqualTo(Duration.ofMinutes(75));
    }

    @Test
    void statusFollowsOneSessionFromNoneToOnTrackToDueSoonToOverdue() {
        List<Encounter> calendar = List.of(on(SESSION, "2026-06-01T10:00", "2026-06-01T12:00"));

        assertThat(status(calendar, "2026-06-01T11:59")).isEqualTo(ExposureStatus.NONE);
        assertThat(status(calendar, "2026-06-01T12:00")).isEqualTo(ExposureStatus.ON_TRACK);
        assertThat(status(calendar, "2026-06-29T10:00")).isEqualTo(ExposureStatus.ON_TRACK);
        assertThat(status(calendar, "2026-06-29T10:01")).isEqualTo(ExposureStatus.DUE_SOON);
        assertThat(status(calendar, "2026-07-13T10:00")).isEqualTo(ExposureStatus.DUE_SOON);
        assertThat(status(calendar, "2026-07-13T10:01")).isEqualTo(ExposureStatus.OVERDUE);
        assertThat(Exposure.of(calendar, AS_OF, ExposureTarget.DEFAULT).dueBy()).contains(at("2026-07-13T10:00"));
    }

    @Test
    void dueSoonStartsWhenTheTargetWouldBeMissedBeforeFourteenDaysAreOut() {
        Exposure onTheEdge = exposure(on(SESSION, "2026-06-02T00:00", "2026-06-02T02:00"));
        Exposure aMinuteEarlier = exposure(on(SESSION, "2026-06-01T23:59", "2026-06-02T01:59"));

        assertThat(onTheEdge.dueBy()).contains(AS_OF.plus(Exposure.NOTICE));
        assertThat(onTheEdge.status()).isEqualTo(ExposureStatus.ON_TRACK);
        assertThat(aMinuteEarlier.status()).isEqualTo(ExposureStatus.DUE_SOON);
    }

    @Test
    void dueByIsWhenTheLatestTwoHoursStartedPlusTheWindow() {
        List<Encounter> calendar = List.of(
                on(SESSION, "2026-05-20T10:00", "2026-05-20T11:00"),
                on(CLIP, "2026-06-10T10:00", "2026-06-10T10:30"),
                on(EVENT, "2026-06-25T10:00", "2026-06-25T11:00"));

        Exposure exposure = Exposure.of(calendar, AS_OF, ExposureTarget.DEFAULT);

        assertThat(exposure.total()).isEqualTo(Duration.ofMinutes(150));
        assertThat(exposure.dueBy()).contains(at("2026-07-01T10:30"));
        assertThat(exposure.status()).isEqualTo(ExposureStatus.DUE_SOON);
        assertThat(Exposure.of(calendar, at("2026-07-01T10:30"), ExposureTarget.DEFAULT)
                        .targetMet())
                .isTrue();
        assertThat(Exposure.of(calendar, at("2026-07-01T10:31"), ExposureTarget.DEFAULT)
                        .targetMet())
                .isFalse();
    }

    @Test
    void encountersOnlyBeforeTheWindowAreOverdueWithTheirLastEncounterShown() {
        Encounter old = on(SESSION, "2026-03-02T10:00", "2026-03-02T12:00");
        Encounter older = on(EVENT, "2026-03-01T10:00", "2026-03-02T12:30");

        Exposure exposure = exposure(older, old);

        assertThat(exposure.status()).isEqualTo(ExposureStatus.OVERDUE);
        assertThat(exposure.shortfall()).isEqualTo(Duration.ofHours(2));
        assertThat(exposure.lastEncounter()).contains(older);
        assertThat(exposure.dueBy()).isEmpty();
    }

    @Test
    void noEncountersAtAllIsNoneAndOverdue() {
        Exposure exposure = Exposure.of(List.of(), AS_OF, ExposureTarget.DEFAULT);

        assertThat(exposure.status()).isEqualTo(ExposureStatus.NONE);
        assertThat(exposure.overdue()).isTrue();
        assertThat(exposure.byKind())
                .containsOnlyKeys(Kind.values())
                .allSatisfy((kind, time) -> assertThat(time).isZero());
    }

    @Test
    void weeklySeriesCountsEachWindowAsItStoodAtItsEnd() {
        ExposureTarget fourWeeks = ExposureTarget.parse("2h/4w");
        List<Encounter> calendar = List.of(
                on(SESSION, "2026-04-30T10:00", "2026-04-30T12:00"),
                on(WORKSHOP, "2026-05-28T10:00", "2026-05-28T11:00"),
                Encounter.clipView(at("2026-06-05T10:00"), 1800, "Fees", "clip-7"),
                on(SESSION, "2026-06-08T23:00", "2026-06-09T01:00"),
                on(EVENT, "2026-06-20T10:00", "2026-06-20T13:00"));

        List<ExposurePoint> series = Exposure.of(calendar, AS_OF, fourWeeks).series(Duration.ofDays(7), 6);

        assertThat(series)
                .containsExactly(
                        new ExposurePoint(at("2026-05-26T00:00"), Duration.ofMinutes(120), true),
                        new ExposurePoint(at("2026-06-02T00:00"), Duration.ofMinutes(60), false),
                        new ExposurePoint(at("2026-06-09T00:00"), Duration.ofMinutes(90), false),
                        new ExposurePoint(at("2026-06-16T00:00"), Duration.ofMinutes(210), true),
                        new ExposurePoint(at("2026-06-23T00:00"), Duration.ofMinutes(390), true),
                        new ExposurePoint(at("2026-06-30T00:00"), Duration.ofMinutes(330), true));
        assertThat(series.getLast().hours()).isEqualTo(5.5);
    }

    @Test
    void seriesRefusesNonPositiveStepsAndPointCountsOutOfRange() {
        Exposure exposure = exposure();

        assertThatThrownBy(() -> exposure.series(Duration.ZERO, 6))
                .hasMessage("Exposure series step must be more than zero, was PT0S");
        assertThatThrownBy(() -> exposure.series(Duration.ofDays(7), 0))
                .hasMessage("Exposure series must have 1 to 1000 points, was 0");
        assertThatThrownBy(() -> exposure.series(Duration.ofDays(7), 1001))
                .hasMessage("Exposure series must have 1 to 1000 points, was 1001");
    }

    @Test
    void encounterMustEndAfterItStartsAndHaveAKindAndTitle() {
        assertThatThrownBy(() -> on(SESSION, "2026-06-01T10:00", "2026-06-01T10:00"))
                .hasMessage("Encounter 'Session at 2026-06-01T10:00' must end after it starts;"
                        + " it starts 2026-06-01T10:00:00Z and ends 2026-06-01T10:00:00Z");
        assertThatThrownBy(() -> new Encounter(null, at("2026-06-01T10:00"), at("2026-06-01T11:00"), "x", null))
                .hasMessage("Encounter kind is required");
        assertThatThrownBy(() -> new Encounter(SESSION, at("2026-06-01T10:00"), at("2026-06-01T11:00"), null, null))
                .hasMessage("Encounter title is required");
        assertThatThrownBy(() -> Encounter.clipView(at("2026-06-01T10:00"), 0, "Fees", "clip-7"))
                .hasMessage("Clip view of 'Fees' must last more than zero seconds; it lasted 0");
    }

    @Test
    void kindsAndStatusesHaveLabelsForPages() {
        assertThat(Arrays.stream(Kind.values()).map(Kind::label))
                .containsExactly("Customer session", "Closeness event", "Empathy workshop", "Clip watched");
        assertThat(ExposureStatus.DUE_SOON.label()).isEqualTo("Due soon");
    }

    @Test
    void defaultTargetIsTwoHoursEverySixWeeks() {
        assertThat(ExposureTarget.DEFAULT.amount()).isEqualTo(Duration.ofHours(2));
        assertThat(ExposureTarget.DEFAULT.window()).isEqualTo(Duration.ofDays(42));
        assertThat(ExposureTarget.DEFAULT.text()).isEqualTo("2h/6w");
        assertThat(ExposureTarget.DEFAULT.label()).isEqualTo("2 hours every 6 weeks");
    }

    @Test
    void parsesTargetsInMinutesHoursDaysAndWeeks() {
        assertThat(ExposureTarget.parse("2h/6w")).isEqualTo(ExposureTarget.DEFAULT);
        assertThat(ExposureTarget.parse("90m/30d"))
                .isEqualTo(new ExposureTarget(Duration.ofMinutes(90), Duration.ofDays(30)));
        assertThat(ExposureTarget.parse(" 3H / 8W "))
                .isEqualTo(new ExposureTarget(Duration.ofHours(3), Duration.ofDays(56)));
        assertThat(ExposureTarget.parse("90m/30d").text()).isEqualTo("90m/30d");
        assertThat(ExposureTarget.parse("90m/30d").label()).isEqualTo("90 minutes every 30 days");
        assertThat(ExposureTarget.parse("60m/14d").text()).isEqualTo("1h/2w");
        assertThat(ExposureTarget.parse("1d/1w").label()).isEqualTo("1 day every 1 week");
    }

    @Test
    void refusesTargetsNotOfTheAcceptedFormNamingIt() {
        String form = "<amount>/<window> in whole numbers with a unit m (minutes), h (hours), d (days) or w (weeks),"
                + " e.g. 2h/6w or 90m/30d";
        for (String text : List.of("2 hours", "", "2h/6", "1.5h/6w", "-2h/6w", "2y/6w", "2h-6w", "2h/6w/1d")) {
            assertThatThrownBy(() -> ExposureTarget.parse(text))
                    .hasMessage("Exposure target '" + text + "' is not of the form " + form);
        }
        assertThatThrownBy(() -> ExposureTarget.parse(null))
                .hasMessage("Exposure target 'null' is not of the form " + form);
    }

    @Test
    void refusesTargetsThatCannotBeMet() {
        assertThatThrownBy(() -> ExposureTarget.parse("0h/6w"))
                .hasMessage("Exposure target '0h/6w': amount must be more than zero, was 0");
        assertThatThrownBy(() -> ExposureTarget.parse("2h/0d"))
                .hasMessage("Exposure target '2h/0d': window must be more than zero, was 0");
        assertThatThrownBy(() -> ExposureTarget.parse("8d/1w"))
                .hasMessage("Exposure target '8d/1w': amount 8d cannot be more than its window 1w");
        assertThatThrownBy(() -> new ExposureTarget(Duration.ofHours(-2), Duration.ofDays(42)))
                .hasMessage("Exposure target amount must be more than zero, was PT-2H");
        assertThatThrownBy(() -> new ExposureTarget(Duration.ofHours(2), null))
                .hasMessage("Exposure target window is required");
    }

    @Test
    void onRandomCalendarsTheTotalIsBoundedAddsUpByKindAndNeverDropsWhenAnEncounterIsAdded() {
        Random random = new Random(6);
        ExposureTarget target = ExposureTarget.parse("2h/2w");
        Instant from = AS_OF.minus(Duration.ofDays(20));
        for (int trial = 0; trial < 2_000; trial++) {
            List<Encounter> calendar = new ArrayList<>();
            for (int i = random.nextInt(10); i > 0; i--) {
                calendar.add(randomEncounter(random, from));
            }
            Exposure exposure = Exposure.of(calendar, AS_OF, target);
            Duration sumOfDurations = calendar.stream().map(Encounter::duration).reduce(Duration.ZERO, Duration::plus);

            assertThat(exposure.total()).isLessThanOrEqualTo(sumOfDurations);
            assertThat(exposure.total()).isLessThanOrEqualTo(target.window());
            assertThat(exposure.byKind().values().stream().reduce(Duration.ZERO, Duration::plus))
                    .isEqualTo(exposure.total());
            assertThat(exposure.series(Duration.ofDays(1), 3).getLast().total()).isEqualTo(exposure.total());
            calendar.add(randomEncounter(random, from));
            assertThat(Exposure.of(calendar, AS_OF, target).total()).isGreaterThanOrEqualTo(exposure.total());
        }
    }

    @Test
    void aLongEncounterCannotCountForMoreThanTheWindow() {
        Exposure exposure = exposure(on(EVENT, "2026-01-01T00:00", "2026-06-30T00:00"));

        assertThat(exposure.total()).isEqualTo(Duration.ofDays(42));
    }

    /** An encounter of a random kind starting within 25 days of {@code from}, 1 minute to 5 hours long. */
    private static Encounter randomEncounter(Random random, Instant from) {
        Instant start = from.plus(Duration.ofMinutes(random.nextInt(25 * 24 * 60)));
        Duration length = Duration.ofMinutes(1 + random.nextInt(300));
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return new Encounter(kind, start, start.plus(length), kind.label(), null);
    }

    private static ExposureStatus status(List<Encounter> calendar, String asOf) {
        return Exposure.of(calendar, at(asOf), ExposureTarget.DEFAULT).status();
    }

    private static Exposure exposure(Encounter... encounters) {
        return Exposure.of(List.of(encounters), AS_OF, ExposureTarget.DEFAULT);
    }

    private static Encounter on(Kind kind, String from, String to) {
        String name = kind.name().charAt(0) + kind.name().substring(1).toLowerCase(Locale.ROOT);
        return new Encounter(
                kind, at(from), at(to), name + " at " + from, kind.name().toLowerCase(Locale.ROOT) + "-" + from);
    }

    /** The instant of a UTC date and time written {@code 2026-06-01T10:00}. */
    private static Instant at(String dateTime) {
        return Instant.parse(dateTime + ":00Z");
    }
}
