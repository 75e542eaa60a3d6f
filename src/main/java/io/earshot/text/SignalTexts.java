package io.earshot.text;

import io.earshot.signal.SignalField;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads signals from the store for the search index, each with what the background jobs derived from its text: its
 * vector ({@code signal_embedding}), sentiment ({@code signal_sentiment}), emotions ({@code signal_emotion}) and active
 * theme ({@code signal_theme}), where they exist yet.
 */
@Component
class SignalTexts {

    private static final int IDS_PER_QUERY = 1_000;

    private static final String SELECT = "SELECT CAST(s.id AS VARCHAR) AS id, s.occurred_at, s.nps, s.csat, s.ces,"
            + " s.text, "
            + String.join(
                    ", ", SearchQuery.fieldNames().stream().map(f -> "s." + f).toList())
            + ", e.vector, t.sentiment, a.theme_id, m.emotions, m.probabilities"
            + " FROM signal s"
            + " LEFT JOIN signal_embedding e ON e.signal_id = s.id AND e.model = '" + Embedder.MODEL + "'"
            + " LEFT JOIN signal_sentiment t ON t.signal_id = s.id AND t.model = '" + SignalSentiments.MODEL + "'"
            + " LEFT JOIN (SELECT st.signal_id, st.theme_id FROM signal_theme st"
            + " JOIN theme th ON th.id = st.theme_id AND th.status = 'active') a ON a.signal_id = s.id"
            + " LEFT JOIN (SELECT signal_id, list(emotion ORDER BY emotion) AS emotions,"
            + " list(probability ORDER BY emotion) AS probabilities FROM signal_emotion"
            + " WHERE model = '" + SignalEmotions.MODEL + "' GROUP BY signal_id) m ON m.signal_id = s.id";

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
        jdbc.query(SELECT, rs -> {
            each.accept(signal(rs));
        });
    }

    /** The signals an import added. */
    void ofImport(UUID importId, Consumer<IndexedSignal> each) {
        jdbc.query(
                SELECT + " WHERE s.import_id = ?",
                rs -> {
                    each.accept(signal(rs));
                },
                importId);
    }

    /** The given signals that are still stored, 1,000 ids per query. */
    void byIds(Collection<UUID> signalIds, Consumer<IndexedSignal> each) {
        List<UUID> ids = List.copyOf(new HashSet<>(signalIds));
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            jdbc.query(
                    SELECT + " WHERE s.id IN ("
                            + String.join(",", part.stream().map(id -> "?").toList()) + ")",
                    rs -> {
                        each.accept(signal(rs));
                    },
                    part.toArray());
        }
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
        String text = rs.getString("text");
        Array vector = rs.getArray("vector");
        return new IndexedSignal(
                UUID.fromString(rs.getString("id")),
                rs.getTimestamp("occurred_at").toLocalDateTime(),
                fields,
                score(rs, "nps"),
                score(rs, "csat"),
                score(rs, "ces"),
                text,
                vector == null || text == null || text.isBlank() ? null : floats(vector),
                rs.getString("sentiment"),
                score(rs, "theme_id"),
                emotions(rs.getArray("emotions"), rs.getArray("probabilities")));
    }

    private static List<EmotionScore> emotions(Array names, Array probabilities) throws SQLException {
        if (names == null || probabilities == null) {
            return List.of();
        }
        Object[] emotion = (Object[]) names.getArray();
        Object[] probability = (Object[]) probabilities.getArray();
        List<EmotionScore> scores = new ArrayList<>();
        for (int i = 0; i < emotion.length; i++) {
            scores.add(new EmotionScore((String) emotion[i], ((Number) probability[i]).doubleValue()));
        }
        return scores;
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }

    private static Integer score(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
