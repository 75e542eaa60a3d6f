package io.earshot.text;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The stored emotions of signal texts ({@code signal_emotion}): at most {@value EmotionClassifier#MAX_EMOTIONS} per
 * signal, written by the background job of {@link SignalEmbeddings} from the vector it has just computed, so a text is
 * embedded once for its vector, its sentiment and its emotions.
 */
@Service
public class SignalEmotions {

    /** The shipped classifier's name, stored with each row so that a new model recomputes them. */
    public static final String MODEL = "goemotions-multilabel-over-" + Embedder.MODEL;

    /** How a signal's emotions are listed: most probable first, ties by name. */
    static final Comparator<EmotionScore> ORDER =
            Comparator.comparingDouble(EmotionScore::probability).reversed().thenComparing(EmotionScore::emotion);

    private final JdbcTemplate jdbc;

    SignalEmotions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The emotions of the given signals that have them, most probable first. */
    public Map<UUID, List<EmotionScore>> of(Collection<UUID> signalIds) {
        Map<UUID, List<EmotionScore>> found = new HashMap<>();
        ModelRows.read(jdbc, "SELECT signal_id, emotion, probability FROM signal_emotion", signalIds, MODEL, r -> {
            found.computeIfAbsent(r.getObject(1, UUID.class), id -> new ArrayList<>())
                    .add(new EmotionScore(r.getString(2), r.getDouble(3)));
        });
        found.replaceAll((id, emotions) -> emotions.stream().sorted(ORDER).toList());
        return found;
    }

    /** Stores the emotions of texts whose vectors were just computed: {@code vectors.get(i)} is shared by group i. */
    void write(List<List<UUID>> groups, List<float[]> vectors) {
        EmotionClassifier classifier = EmotionClassifier.shipped();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<EmotionScore> emotions = classifier.classifyEmbedding(vectors.get(i));
            for (UUID id : groups.get(i)) {
                for (EmotionScore emotion : emotions) {
                    rows.add(new Object[] {id, MODEL, emotion.emotion(), emotion.probability()});
                }
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO signal_emotion (signal_id, model, emotion, probability) VALUES (?, ?, ?, ?)", rows);
    }

    /** Copies the emotions of signals with the identical text to those of {@code signalIds} without any. */
    int copyFromIdenticalTexts(List<UUID> signalIds) {
        return IdenticalTexts.copy(jdbc, "signal_emotion", "emotion, probability", MODEL, signalIds);
    }

    /**
     * Emotions for signals embedded before emotions were stored: read from their stored vectors, no new embedding;
     * {@code filled} is told the signals of each batch once stored.
     */
    long fillMissing(int batch, java.util.function.Consumer<List<UUID>> filled) {
        long done = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<UUID> ids = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            jdbc.query(
                    """
                    SELECT e.signal_id, e.vector FROM signal_embedding e
                    WHERE e.model = ?
                      AND NOT EXISTS (SELECT 1 FROM signal_emotion t WHERE t.signal_id = e.signal_id AND t.model = ?)
                    ORDER BY e.signal_id LIMIT ?""",
                    r -> {
                        ids.add(r.getObject(1, UUID.class));
                        vectors.add(floats(r.getArray(2)));
                    },
                    Embedder.MODEL,
                    MODEL,
                    batch);
            if (ids.isEmpty()) {
                break;
            }
            write(ids.stream().map(List::of).toList(), vectors);
            filled.accept(ids);
            done += ids.size();
        }
        return done;
    }

    int dropOrphans() {
        return jdbc.update(
                "DELETE FROM signal_emotion WHERE NOT EXISTS (SELECT 1 FROM signal s WHERE s.id = signal_id)");
    }

    static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
