package io.earshot.metric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signals written straight into the {@code signal} table, for tests that need a store with known contents. Build
 * rows with {@link #row()}, store them with {@link #insert}. Times are written as text, so no time zone is involved.
 */
final class SignalRows {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final List<String> FIELDS =
            List.of("customer_id", "channel", "touchpoint", "journey_stage", "product", "region", "segment");

    private SignalRows() {}

    static Row row() {
        return new Row();
    }

    /** {@code count} copies of a row, each with its own id. */
    static List<Row> times(int count, Row row) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row);
        }
        return rows;
    }

    static void insert(JdbcTemplate jdbc, List<Row> rows) {
        jdbc.batchUpdate("""
                INSERT INTO signal (id, source, external_id, customer_id, occurred_at, received_at, channel,
                    touchpoint, journey_stage, product, region, segment, nps, csat, ces, text, attributes,
                    provenance, import_id)
                VALUES (?, ?, ?, ?, CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    CAST(? AS JSON), 'test', '00000000-0000-0000-0000-000000000001')
                """, rows.stream().map(Row::values).toList());
    }

    /** One signal under construction; setters return this builder. Each insert gives it a fresh id. */
    static final class Row {
        private String source = "survey";
        private String day = "2025-03-05";
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Integer nps, csat, ces;
        private String text;

        Row source(String source) {
            this.source = source;
            return this;
        }

        Row on(String day) {
            this.day = day;
            return this;
        }

        Row field(String name, String value) {
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("No such column in this builder: " + name);
            }
            fields.put(name, value);
            return this;
        }

        Row region(String region) {
            return field("region", region);
        }

        Row segment(String segment) {
            return field("segment", segment);
        }

        Row attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        Row nps(Integer score) {
            this.nps = score;
            return this;
        }

        Row csat(Integer score) {
            this.csat = score;
            return this;
        }

        Row ces(Integer score) {
            this.ces = score;
            return this;
        }

        Row text(String text) {
            this.text = text;
            return this;
        }

        Object[] values() {
            List<Object> values = new ArrayList<>();
            values.add(UUID.randomUUID());
            values.add(source);
            values.add("test-" + SEQUENCE.incrementAndGet());
            values.add(fields.get("customer_id"));
            values.add(day + " 10:00:00");
            values.add(day + " 10:00:00");
            for (String name : FIELDS.subList(1, FIELDS.size())) {
                values.add(fields.get(name));
            }
            values.add(nps);
            values.add(csat);
            values.add(ces);
            values.add(text);
            values.add(attributes.isEmpty() ? null : json(attributes));
            return values.toArray();
        }

        private static String json(Map<String, String> attributes) {
            return attributes.entrySet().stream()
                    .map(e -> quote(e.getKey()) + ":" + quote(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }

        private static String quote(String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
