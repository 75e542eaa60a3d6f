package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backfill embeds each distinct text once: signals that say the same word for word share one model call, within a
 * batch and across batches, and get the same vector, sentiment and emotions.
 */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class IdenticalTextsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignalSentiments sentiments;

    @Autowired
    SignalEmotions emotions;

    /** The real model, counting its calls per text. */
    static final class CountingModel implements Function<String, float[]> {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public float[] apply(String text) {
            calls.computeIfAbsent(text, t -> new AtomicInteger()).incrementAndGet();
            return Embedder.shared().embed(text);
        }

        int total() {
            return calls.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    @Test
    void embedsEachDistinctTextOnceAndCopiesItsResults() {
        String loggedOut = "The app keeps logging me out", arrived = "Transfer arrived instantly, great";
        String thanks = "Thank you so much, the agent was wonderful!";
        StoredSignals.insert(
                jdbc,
                Stream.of(
                                times(3, signal().text(loggedOut)),
                                times(2, signal().text(arrived)),
                                List.of(signal().text(thanks), signal().nps(9)))
                        .flatMap(List::stream)
                        .toList());
        CountingModel model = new CountingModel();
        List<TextsEmbedded> published = new ArrayList<>();
        List<TextsAnalysed> analysed = new ArrayList<>();
        SignalEmbeddings backfill = new SignalEmbeddings(
                jdbc,
                sentiments,
                emotions,
                event -> {
                    switch (event) {
                        case TextsEmbedded embedded -> published.add(embedded);
                        case TextsAnalysed filled -> analysed.add(filled);
                        default -> throw new AssertionError("Unexpected event " + event);
                    }
                },
                false,
                model);

        assertThat(backfill.embedMissing()).isEqualTo(6);
        assertThat(model.total()).as("one model call per distinct text").isEqualTo(3);
        assertThat(model.calls.keySet()).containsExactlyInAnyOrder(loggedOut, arrived, thanks);
        assertThat(published).hasSize(1);
        assertThat(published.getFirst().signalIds()).containsExactlyInAnyOrderElementsOf(idsOf(null));
        assertSameResultsPerText(loggedOut, 3);
        assertSameResultsPerText(arrived, 2);

        StoredSignals.insert(jdbc, times(2, signal().text(loggedOut)));
        List<UUID> newIds = jdbc.queryForList(
                "SELECT id FROM signal s WHERE text IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id)",
                UUID.class);
        assertThat(backfill.embedMissing()).isEqualTo(2);
        assertThat(model.total())
                .as("a text embedded in an earlier batch is copied, not embedded again")
                .isEqualTo(3);
        assertThat(published).hasSize(2);
        assertThat(published.get(1).signalIds()).containsExactlyInAnyOrderElementsOf(newIds);
        assertSameResultsPerText(loggedOut, 5);
        assertThat(backfill.progress()).isEqualTo(new EmbeddingProgress(8, 8, false));

        jdbc.update("DELETE FROM signal_emotion");
        assertThat(backfill.embedMissing())
                .as("every signal still has its vector")
                .isZero();
        assertThat(model.total())
                .as("emotions come back from the stored vectors")
                .isEqualTo(3);
        assertThat(emotions.of(idsOf(null))).hasSize(8);
        assertThat(analysed)
                .as("the index is told of the refilled emotions")
                .flatExtracting(TextsAnalysed::signalIds)
                .containsExactlyInAnyOrderElementsOf(idsOf(null));
        assertThat(published).as("no text was embedded again").hasSize(2);

        Map<UUID, List<EmotionScore>> thanked = emotions.of(idsOf(thanks));
        assertThat(thanked).hasSize(1);
        List<EmotionScore> read = thanked.values().iterator().next();
        assertThat(read).isNotEmpty().hasSizeLessThanOrEqualTo(EmotionClassifier.MAX_EMOTIONS);
        assertThat(read.getFirst().emotion()).isEqualTo("gratitude");
        assertThat(read)
                .isSortedAccordingTo(java.util.Comparator.comparingDouble(EmotionScore::probability)
                        .reversed());
    }

    /** Every signal with {@code text} has the same vector, sentiment and emotions as the others. */
    private void assertSameResultsPerText(String text, int signals) {
        List<UUID> ids = idsOf(text);
        assertThat(ids).hasSize(signals);
        List<float[]> vectors = List.copyOf(new SignalEmbeddings(jdbc, sentiments, emotions, event -> {}, false, t -> {
                    throw new AssertionError("no embedding expected");
                })
                .vectors(ids)
                .values());
        assertThat(vectors).hasSize(signals);
        float[] first = vectors.getFirst();
        for (float[] vector : vectors) {
            assertThat(vector).as(text).containsExactly(first);
        }
        assertThat(Embedder.similarity(first, Embedder.shared().embed(text)))
                .as("the model's vector of " + text)
                .isGreaterThan(0.9999f);
        assertThat(sentiments.of(ids).values())
                .hasSize(signals)
                .containsOnly(SentimentClassifier.shipped().classifyEmbedding(first));
        assertThat(emotions.of(ids).values())
                .hasSize(signals)
                .containsOnly(EmotionClassifier.shipped().classifyEmbedding(first));
    }

    /** The ids of the signals with {@code text}, or of all signals with a text when it is null. */
    private List<UUID> idsOf(String text) {
        return text == null
                ? jdbc.queryForList("SELECT id FROM signal WHERE text IS NOT NULL", UUID.class)
                : jdbc.queryForList("SELECT id FROM signal WHERE text = ?", UUID.class, text);
    }
}
