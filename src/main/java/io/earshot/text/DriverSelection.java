package io.earshot.text;

import io.earshot.signal.SignalFilter;
import io.earshot.signal.VerbatimLinks;
import io.earshot.signal.VerbatimScore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What the Drivers page and API are asked for: the measure ({@code metric=nps|csat}), a date range ({@code from},
 * {@code to}, yyyy-mm-dd, {@code to} excluded) and field filters ({@code f.FIELD=value}). Every mistake is an {@link
 * IllegalArgumentException} that names the parameter and says what would be accepted.
 *
 * @param nps true for NPS, false for CSAT
 */
record DriverSelection(boolean nps, SignalFilter filter) {

    static DriverSelection of(Map<String, String> parameters) {
        String metric = parameters.getOrDefault("metric", "nps").strip().toLowerCase(Locale.ROOT);
        if (!metric.equals("nps") && !metric.equals("csat")) {
            throw new IllegalArgumentException(
                    "Unknown metric '" + parameters.get("metric") + "' for drivers; use nps or csat");
        }
        SignalFilter filter = new SignalFilter(
                VerbatimLinks.fields(parameters),
                date("from", parameters.get("from")),
                date("to", parameters.get("to")),
                null,
                null);
        return new DriverSelection(metric.equals("nps"), filter);
    }

    String metric() {
        return nps ? "nps" : "csat";
    }

    VerbatimScore score() {
        return nps ? VerbatimScore.NPS : VerbatimScore.CSAT;
    }

    /** The verbatims behind a driver: a theme's page or search, or the verbatims with {@code field = value}. */
    String href(String field, String value) {
        if (value == null || value.equals(KeyDrivers.OTHER)) {
            return null;
        }
        if (field.equals(KeyDrivers.THEME)) {
            return value.isEmpty() ? null : ThemeLinks.href(Integer.parseInt(value), filter);
        }
        return VerbatimLinks.href(filter.with(field, value), score());
    }

    private static LocalDate date(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date written yyyy-mm-dd, such as 2025-01-31, not '" + text + "'");
        }
    }
}
