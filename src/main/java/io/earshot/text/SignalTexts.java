package io.earshot.text;

import io.earshot.signal.SignalField;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads signals from the store for the search index. */
@Component
class SignalTexts {

    private static final String COLUMNS = "CAST(id AS VARCHAR) AS id, occurred_at, nps, csat, ces, text, "
            + String.join(", ", SearchQuery.fieldNames());

    private final JdbcTemplate jdbc;

    SignalTexts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM signal", Long.class);
        return count == null ? 0 : count;
    }

    /** Every stored signal, one at a time. */
    void all(Consumer<IndexedSignal> each) {
        jdbc.query("SELECT " + COLUMNS + " FROM signal", rs -> {
            each.accept(signal(rs));
        });
    }

    /** The signals an import added. */
    void ofImport(UUID importId, Consumer<IndexedSignal> each) {
        jdbc.query(
                "SELECT " + COLUMNS + " FROM signal WHERE import_id = ?",
                rs -> {
                    each.accept(signal(rs));
                },
                importId);
    }

    /** The ids of the stored signals of a source. */
    Set<String> idsOf(String source) {
        Set<String> ids = new HashSet<>();
        jdbc.query(
                "SELECT CAST(id AS VARCHAR) FROM signal WHERE source = ?",
                rs -> {
                    ids.add(rs.getString(1));
                },
                source);
        return ids;
    }

    private static IndexedSignal signal(ResultSet rs) throws SQLException {
        Map<String, String> fields = new HashMap<>();
        for (SignalField field : SignalField.values()) {
            String value = rs.getString(field.key());
            if (value != null) {
                // erasure matches customers by their trimmed id; the index keeps it so
                fields.put(field.key(), field == SignalField.CUSTOMER_ID ? value.strip() : value);
            }
        }
        return new IndexedSignal(
                UUID.fromString(rs.getString("id")),
                rs.getTimestamp("occurred_at").toLocalDateTime(),
                fields,
                score(rs, "nps"),
                score(rs, "csat"),
                score(rs, "ces"),
                rs.getString("text"));
    }

    private static Integer score(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
