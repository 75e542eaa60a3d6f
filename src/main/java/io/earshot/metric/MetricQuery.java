package io.earshot.metric;

import io.earshot.signal.SignalField;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to compute: metrics of the signals a filter selects, sliced by a field and/or trended by a period.
 *
 * @param by the field to slice by ({@link SignalField} key or {@code attributes.NAME}), or {@code null} for one slice
 *     of everything
 * @param period the period to trend by, or {@code null} for none
 * @param filter the signals to compute over
 */
public record MetricQuery(String by, Period period, SignalFilter filter) {

    /** The slice name used when a query is not sliced by a field. */
    public static final String ALL = "all";

    public MetricQuery {
        by = by == null || by.isBlank() ? null : by.strip();
        if (by != null && SignalField.sql(by).isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown field '" + by + "' to slice by; use one of " + SignalField.describe());
        }
        filter = Objects.requireNonNullElse(filter, SignalFilter.ALL);
    }

    /** Everything, sliced by {@code by}, without a period. */
    public static MetricQuery by(String by) {
        return new MetricQuery(by, null, SignalFilter.ALL);
    }

    /**
     * The filter that selects exactly the signals behind one row: this query's filter narrowed to the row's slice and
     * period, so a link from a figure lists what it counts.
     */
    public SignalFilter filterOf(SliceMetrics row) {
        SignalFilter narrowed = filter;
        if (by != null) {
            narrowed = narrowed.with(by, row.slice() == null ? "" : row.slice());
        }
        if (period != null && row.period() != null) {
            LocalDate from = latest(filter.from(), row.period());
            LocalDate to = earliest(filter.to(), period.next(row.period()));
            narrowed = narrowed.between(from, to);
        }
        return narrowed;
    }

    private static LocalDate latest(LocalDate bound, LocalDate day) {
        return bound == null || day.isAfter(bound) ? day : bound;
    }

    private static LocalDate earliest(LocalDate bound, LocalDate day) {
        return bound == null || day.isBefore(bound) ? day : bound;
    }
}
