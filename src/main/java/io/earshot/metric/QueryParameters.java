package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads metric queries from the text of a request or a command line, failing with a message that names the bad
 * parameter and what would be accepted.
 */
final class QueryParameters {

    private QueryParameters() {}

    static MetricQuery query(String by, String period, Map<String, String> fields, String from, String to) {
        return new MetricQuery(by, period(period), filter(fields, date("from", from), date("to", to)));
    }

    static Period period(String value) {
        return value == null || value.isBlank() ? null : Period.parse(value);
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date written yyyy-mm-dd, such as 2025-01-31, not '" + value + "'");
        }
    }

    static SignalFilter filter(Map<String, String> fields, LocalDate from, LocalDate to) {
        return new SignalFilter(fields, from, to, null, null);
    }

    /** Reads {@code field<separator>value} pairs, e.g. {@code region=North} or {@code region:North}. */
    static Map<String, String> pairs(List<String> pairs, char separator) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int at = pair.indexOf(separator);
            if (at < 1) {
                throw new IllegalArgumentException("A filter is written field" + separator + "value, e.g. region"
                        + separator + "North, not '" + pair + "'");
            }
            fields.put(pair.substring(0, at).strip(), pair.substring(at + 1).strip());
        }
        return fields;
    }
}
