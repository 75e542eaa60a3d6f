package io.earshot.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The stored sentiment of signal texts ({@code signal_sentiment}), written by the background job of {@link
 * SignalEmbeddings} from the vector it has just computed, so a text is embedded once for both.
 */
@Service
public class SignalSentiments {

    /** The shipped classifier's name, stored with each row so that a new model recomputes them. */
    public static final String MODEL = "goemotions-mlp-and-emotions-over-" + Embedder.MODEL;

    private final JdbcTemplate jdbc;

    SignalSentiments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The sentiment of the given signals that have one. */
    public Map<UUID, SentimentScore> of(Collection<UUID> signalIds) {
        Map<UUID, SentimentScore> found = new HashMap<>();
        ModelRows.read(
                jdbc,
                "SELECT signal_id, sentiment, negative, neutral, positive FROM signal_sentiment",
                signalIds,
                MODEL,
                r -> {
                    found.put(
                            r.getObject(1, UUID.class),
                            new SentimentScore(
                                    Sentiment.valueOf(r.getString(2).toUpperCase(java.util.Locale.ROOT)),
                                    r.getDouble(3),
                                    r.getDouble(4),
                                    r.getDouble(5)));
                });
        return found;
    }

    /**
     * Stores the sentiment of texts whose vectors were just computed: text i, with vector i, is the text of every signal
     * in group i (long texts are read sentence by sentence).
     */
    void write(List<List<UUID>> groups, List<String> texts, List<float[]> vectors) {
        SentimentClassifier classifier = SentimentClassifier.shipped();
        List<Object[]> rows = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            String text = texts.get(i);
            SentimentScore score = text.length() <= Embedder.MAX_CHARS
                    ? classifier.classifyEmbedding(vectors.get(i))
                    : classifier.classify(text);
            for (UUID id : groups.get(i)) {
                rows.add(new Object[] {
                    id,
                    MODEL,
                    score.sentiment().label(),
                    score.score(),
                    score.negative(),
                    score.neutral(),
                    score.positive()
                });
            }
        }
        jdbc.batchUpdate(
                "INSERT INTO signal_sentiment (signal_id, model, sentiment, score, negative, neutral, positive)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** Copies the sentiment of signals with the identical text to those of {@code signalIds} without one. */
    int copyFromIdenticalTexts(List<UUID> signalIds) {
        return IdenticalTexts.copy(
                jdbc, "signal_sentiment", "sentiment, score, negative, neutral, positive", MODEL, signalIds);
    }

    /** Sentiment for texts embedded before sentiment was stored: classified from their text. */
    long fillMissing(int batch, java.util.function.Consumer<List<UUID>> filled) {
        record Missing(UUID id, String text) {}
        long done = 0;
        while (!Thread.currentThread().isInterrupted()) {
            List<Missing> missing =
                    jdbc.query("""
                    SELECT s.id, s.text FROM signal s
                    WHERE s.text IS NOT NULL
                      AND EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id)
                      AND NOT EXISTS (SELECT 1 FROM signal_sentiment t WHERE t.signal_id = s.id AND t.model = ?)
                    ORDER BY s.id LIMIT ?""", (r, i) -> new Missing(r.getObject(1, UUID.class), r.getString(2)), MODEL, batch);
            if (missing.isEmpty()) {
                break;
            }
            List<String> texts = missing.stream().map(Missing::text).toList();
            write(
                    missing.stream().map(m -> List.of(m.id())).toList(),
                    texts,
                    Embedder.shared().embedAll(texts));
            filled.accept(missing.stream().map(Missing::id).toList());
            done += missing.size();
        }
        return done;
    }

    int dropOrphans() {
        return jdbc.update(
                "DELETE FROM signal_sentiment WHERE NOT EXISTS (SELECT 1 FROM signal s WHERE s.id = signal_id)");
    }
}
