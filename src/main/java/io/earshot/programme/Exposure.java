package io.earshot.programme;

import io.earshot.programme.Encounter.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A leader's time with customers in the rolling window {@code [asOf − window, asOf)} of an {@link ExposureTarget}, and
 * where that leaves them against the target.
 *
 * <p>Rules: only encounters that have ended by {@code asOf} count, so a scheduled or running session does not; an
 * encounter across the window's start counts only its part inside; time covered by several encounters (overlapping,
 * nested, duplicated) counts once. Where encounters of different kinds overlap, the shared time goes to the kind
 * declared first in {@link Kind} (session, event, workshop, clip), so the hours by kind add up to the total.
 */
public final class Exposure {

    /** How far ahead {@link ExposureStatus#DUE_SOON} warns that the target would stop being met. */
    public static final Duration NOTICE = Duration.ofDays(14);

    private static final int MAX_POINTS = 1000;

    private final List<Encounter> encounters;
    private final Instant asOf;
    private final ExposureTarget target;
    private final List<Encounter> inWindow;
    private final Map<Kind, Duration> byKind;
    private final Duration total;
    private final Instant dueBy;
    private final Encounter lastEncounter;

    private Exposure(Collection<Encounter> encounters, Instant asOf, ExposureTarget target) {
        this.encounters = List.copyOf(encounters);
        this.asOf = Objects.requireNonNull(asOf, "Exposure needs the instant it is computed as of");
        this.target = Objects.requireNonNull(target, "Exposure needs a target");
        List<Encounter> ended = this.encounters.stream()
                .filter(encounter -> !encounter.end().isAfter(asOf))
                .toList();
        Instant windowStart = windowStart();
        this.inWindow = ended.stream()
                .filter(encounter -> encounter.end().isAfter(windowStart))
                .sorted(Comparator.comparing(Encounter::start)
                        .thenComparing(Encounter::end)
                        .reversed())
                .toList();
        Map<Kind, Duration> hoursByKind = new EnumMap<>(Kind.class);
        Coverage claimed = Coverage.NONE;
        for (Kind kind : Kind.values()) {
            Coverage ofKind = Coverage.of(inWindow.stream()
                            .filter(encounter -> encounter.kind() == kind)
                            .map(Encounter::span)
                            .toList())
                    .clip(windowStart, asOf);
            Coverage more = claimed.plus(ofKind);
            hoursByKind.put(kind, more.length().minus(claimed.length()));
            claimed = more;
        }
        this.byKind = Collections.unmodifiableMap(hoursByKind);
        this.total = claimed.length();
        this.dueBy = claimed.startOfLatest(target.amount())
                .map(start -> start.plus(target.window()))
                .orElse(null);
        this.lastEncounter = ended.stream()
                .max(Comparator.comparing(Encounter::end).thenComparing(Encounter::start))
                .orElse(null);
    }

    /** The exposure of a leader with these {@code encounters}, in any order, as of {@code asOf}. */
    public static Exposure of(Collection<Encounter> encounters, Instant asOf, ExposureTarget target) {
        return new Exposure(Objects.requireNonNull(encounters, "Exposure needs a list of encounters"), asOf, target);
    }

    /** The instant this exposure is computed as of: the end, exclusive, of the current window. */
    public Instant asOf() {
        return asOf;
    }

    /** The target this exposure is measured against. */
    public ExposureTarget target() {
        return target;
    }

    /** The start, inclusive, of the current window: {@code asOf − window}. */
    public Instant windowStart() {
        return asOf.minus(target.window());
    }

    /** The time with customers in the current window, overlaps counted once. */
    public Duration total() {
        return total;
    }

    /** The {@link #total} in hours. */
    public double totalHours() {
        return hours(total);
    }

    /** The {@link #total} split by kind, every kind present (zero when absent); the values add up to the total. */
    public Map<Kind, Duration> byKind() {
        return byKind;
    }

    /** Whether the total reaches the target's amount. */
    public boolean targetMet() {
        return total.compareTo(target.amount()) >= 0;
    }

    /** The time still needed in the current window to meet the target; zero when it is met. */
    public Duration shortfall() {
        return targetMet() ? Duration.ZERO : target.amount().minus(total);
    }

    /** Whether the target is not met in the current window, also for a leader without any encounter. */
    public boolean overdue() {
        return !targetMet();
    }

    /**
     * The last instant at which, without further encounters, the target is still met: just after it, the oldest
     * counted time leaves the window and the total drops below the amount. Empty when the target is not met.
     */
    public Optional<Instant> dueBy() {
        return Optional.ofNullable(dueBy);
    }

    /** The encounter that ended last by {@code asOf}, in or before the window; empty if none has ended. */
    public Optional<Encounter> lastEncounter() {
        return Optional.ofNullable(lastEncounter);
    }

    /** The ended encounters with time in the current window, latest start first, with their whole intervals. */
    public List<Encounter> inWindow() {
        return inWindow;
    }

    /**
     * Where the leader stands: {@code NONE} without any ended encounter, {@code OVERDUE} when the target is not met,
     * {@code DUE_SOON} when it is met but would not be at {@code asOf + }{@link #NOTICE} without further encounters,
     * {@code ON_TRACK} otherwise.
     */
    public ExposureStatus status() {
        if (lastEncounter == null) {
            return ExposureStatus.NONE;
        }
        if (!targetMet()) {
            return ExposureStatus.OVERDUE;
        }
        return dueBy.isBefore(asOf.plus(NOTICE)) ? ExposureStatus.DUE_SOON : ExposureStatus.ON_TRACK;
    }

    /**
     * The trend of this exposure: {@code points} windows ending {@code step} apart, oldest first, the last ending at
     * {@code asOf}; each counts only encounters ended by its end, as this exposure would have been computed then.
     *
     * @param step the time between window ends, more than zero, e.g. 7 days for weekly points
     * @param points how many points, 1 to 1000, e.g. 26 for weekly points over six months
     */
    public List<ExposurePoint> series(Duration step, int points) {
        Objects.requireNonNull(step, "Exposure series step is required");
        if (!step.isPositive()) {
            throw new IllegalArgumentException("Exposure series step must be more than zero, was " + step);
        }
        if (points < 1 || points > MAX_POINTS) {
            throw new IllegalArgumentException(
                    "Exposure series must have 1 to " + MAX_POINTS + " points, was " + points);
        }
        List<ExposurePoint> series = new ArrayList<>(points);
        for (int k = points - 1; k >= 0; k--) {
            Exposure then = k == 0 ? this : new Exposure(encounters, asOf.minus(step.multipliedBy(k)), target);
            series.add(new ExposurePoint(then.asOf, then.total, then.targetMet()));
        }
        return List.copyOf(series);
    }

    /** {@code duration} in hours, with its fraction. */
    static double hours(Duration duration) {
        return duration.getSeconds() / 3600.0 + duration.getNano() / 3.6e12;
    }
}
