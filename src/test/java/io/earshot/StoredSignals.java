package io.earshot;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signals written straight into the {@code signal} table for tests that need a store with known contents, without
 * going through an import. Build one with {@link #signal()}, store a list with {@link #insert}.
 */
public final class StoredSignals {

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final UUID IMPORT = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private StoredSignals() {}

    public static Signal signal() {
        return new Signal();
    }

    /** {@code count} copies of a signal; each gets its own id and external id when stored. */
    public static List<Signal> times(int count, Signal signal) {
        return java.util.Collections.nCopies(count, signal);
    }

    /** Stores the signals in one batch. */
    public static void insert(JdbcTemplate jdbc, List<Signal> signals) {
        jdbc.batchUpdate("""
                INSERT INTO signal (id, source, external_id, customer_id, account_id, occurred_at, received_at, channel,
                    touchpoint, journey_stage, product, region, segment, nps, csat, ces, text, language, attributes,
                    provenance, import_id)
                VALUES (CAST(? AS UUID), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSON), ?, CAST(? AS UUID))
                """, signals.stream().map(Signal::row).toList());
    }

    /** A signal under construction; every setter returns the same builder. */
    public static final class Signal {
        private String source = "survey";
        private String customer;
        private LocalDateTime at = LocalDate.of(2025, 3, 5).atTime(10, 0);
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private Integer nps, csat, ces;
        private String text;

        public Signal source(String source) {
            this.source = source;
            return this;
        }

        public Signal customer(String customer) {
            this.customer = customer;
            return this;
        }

        public Signal at(String day) {
            this.at = LocalDate.parse(day).atTime(10, 0);
            return this;
        }

        public Signal at(LocalDateTime at) {
            this.at = at;
            return this;
        }

        /** One of channel, touchpoint, journey_stage, product, region, segment, language, account_id. */
        public Signal field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        public Signal region(String region) {
            return field("region", region);
        }

        public Signal segment(String segment) {
            return field("segment", segment);
        }

        public Signal attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        public Signal nps(Integer score) {
            this.nps = score;
            return this;
        }

        public Signal csat(Integer score) {
            this.csat = score;
            return this;
        }

        public Signal ces(Integer score) {
            this.ces = score;
            return this;
        }

        public Signal text(String text) {
            this.text = text;
            return this;
        }

        Object[] row() {
            List<Object> row = new ArrayList<>();
            row.add(UUID.randomUUID().toString());
            row.add(source);
            row.add("test-" + SEQUENCE.incrementAndGet());
            row.add(customer);
            row.add(fields.get("account_id"));
            row.add(at);
            row.add(at);
            for (String name : List.of("channel", "touchpoint", "journey_stage", "product", "region", "segment")) {
                row.add(fields.get(name));
            }
            row.add(nps);
            row.add(csat);
            row.add(ces);
            row.add(text);
            row.add(fields.get("language"));
            row.add(attributes.isEmpty() ? null : json(attributes));
            row.add("test");
            row.add(IMPORT.toString());
            return row.toArray();
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
