package io.earshot.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which signals a metric, chart or verbatim list is about: field values, a date range and a score band. Every number
 * on a page carries its filter, so a click on it lists exactly the signals behind it.
 *
 * @param fields field name (see {@link SignalField}) to required value
 * @param from first day included, or {@code null}
 * @param to first day no longer included, or {@code null}
 * @param band a score band, or {@code null} for all
 * @param text words the text must contain (case-insensitive), or {@code null}
 */
public record SignalFilter(Map<String, String> fields, LocalDate from, LocalDate to, Band band, String text) {

    /** Score bands a list of verbatims can be narrowed to. */
    public enum Band {
        PROMOTER("nps >= 9"),
        PASSIVE("nps BETWEEN 7 AND 8"),
        DETRACTOR("nps <= 6"),
        SATISFIED("csat >= 4"),
        UNSATISFIED("csat <= 3"),
        POC(null);

        private final String sql;

        Band(String sql) {
            this.sql = sql;
        }
    }

    public static final SignalFilter ALL = new SignalFilter(Map.of(), null, null, null, null);

    public SignalFilter {
        fields = fields == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fields));
        for (String name : fields.keySet()) {
            if (SignalField.sql(name).isEmpty()) {
                throw new IllegalArgumentException(
                        "Unknown field '" + name + "' in filter; use one of " + SignalField.describe());
            }
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The date range must end after it starts: from " + from + " to " + to);
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }

    public SignalFilter with(String field, String value) {
        var copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new SignalFilter(copy, from, to, band, text);
    }

    public SignalFilter between(LocalDate from, LocalDate to) {
        return new SignalFilter(fields, from, to, band, text);
    }

    public SignalFilter withBand(Band band) {
        return new SignalFilter(fields, from, to, band, text);
    }

    /**
     * The SQL condition over the {@code signal} table that selects these signals; values are bound as parameters,
     * appended to {@code parameters} in order.
     */
    public String where(PocDefinition poc, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add("TRUE");
        fields.forEach((name, value) -> {
            String expression = SignalField.sql(name).orElseThrow();
            if (value == null || value.isEmpty()) {
                conditions.add(expression + " IS NULL");
            } else {
                conditions.add(expression + " = ?");
                parameters.add(value);
            }
        });
        if (from != null) {
            conditions.add("occurred_at >= ?");
            parameters.add(from.atStartOfDay());
        }
        if (to != null) {
            conditions.add("occurred_at < ?");
            parameters.add(to.atStartOfDay());
        }
        if (band != null) {
            conditions.add(band == Band.POC ? poc.sql() : band.sql);
        }
        if (text != null) {
            conditions.add("text ILIKE ?");
            parameters.add("%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return String.join(" AND ", conditions);
    }
}
