package io.earshot.metric;

import java.time.LocalDate;
import java.util.List;

/**
 * A significant drop of NPS or CSAT in one slice from one month to the next, with what explains it.
 *
 * @param metric {@code nps} or {@code csat}
 * @param field the slice's field, or {@code null} for all signals
 * @param slice the slice's value ({@code null} for signals without one, {@link MetricQuery#ALL} when not sliced)
 * @param period the first day of the month the score dropped in
 * @param change the drop and its two-sided p-value
 * @param qValue the p-value adjusted for all the slices and months looked at (Benjamini–Hochberg)
 * @param drivers the slices inside this one that contributed most to the drop, most first
 */
public record Dip(
        String metric,
        String field,
        String slice,
        LocalDate period,
        double before,
        double after,
        long nBefore,
        long nAfter,
        Change change,
        double qValue,
        List<DipDriver> drivers) {

    public Dip {
        drivers = List.copyOf(drivers);
    }

    /** E.g. "NPS in region North, 2026-09". */
    public String title() {
        String where = field == null ? "all signals" : field + " " + (slice == null ? "(none)" : slice);
        return metric.toUpperCase(java.util.Locale.ROOT) + " in " + where + ", " + Period.MONTH.label(period);
    }
}
