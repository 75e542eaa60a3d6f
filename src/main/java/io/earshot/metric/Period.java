package io.earshot.metric;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A time bucket metrics are trended by: calendar day, ISO week (from Monday), month or quarter. */
public enum Period {
    DAY,
    WEEK,
    MONTH,
    QUARTER;

    /** The name as users write it, e.g. {@code month}; also DuckDB's {@code date_trunc} part. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The period named {@code text}, case-insensitive, or an error that lists the accepted names. */
    public static Period parse(String text) {
        return Arrays.stream(values())
                .filter(period -> period.key().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown period '" + text + "'; use one of " + describe()));
    }

    /** The names accepted by {@link #parse}, for error messages and pickers. */
    public static String describe() {
        return String.join(", ", keys());
    }

    static List<String> keys() {
        return Arrays.stream(values()).map(Period::key).toList();
    }

    /** The SQL expression of the first day of the period a signal occurred in. */
    String sql() {
        return "CAST(date_trunc('" + key() + "', occurred_at) AS DATE)";
    }

    /** The first day of the period that {@code day} falls in. */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}: the end, exclusive, of that one. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The first day of the period before the one starting on {@code start}. */
    public LocalDate previous(LocalDate start) {
        return switch (this) {
            case DAY -> start.minusDays(1);
            case WEEK -> start.minusWeeks(1);
            case MONTH -> start.minusMonths(1);
            case QUARTER -> start.minusMonths(3);
        };
    }

    /** A short label of the period starting on {@code start}: 2025-03-05, 2025-W10, 2025-03 or 2025-Q1. */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK ->
                "%d-W%02d"
                        .formatted(start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
            case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        };
    }
}
