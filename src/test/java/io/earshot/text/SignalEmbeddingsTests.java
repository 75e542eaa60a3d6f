package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every stored text is embedded once, by the real model, and the vectors read back are the model's. */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class SignalEmbeddingsTests {

    @Autowired
    SignalEmbeddings embeddings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void embedsEachTextOnceAndSkipsSignalsWithoutText() {
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().text("The app keeps logging me out").nps(3).customer("C-7"),
                        signal().text("Transfer arrived instantly, great").nps(10),
                        signal().nps(8)));
        assertThat(embeddings.progress().missing()).isEqualTo(2);

        assertThat(embeddings.embedMissing()).isEqualTo(2);
        assertThat(embeddings.embedMissing()).as("nothing left to do").isZero();
        assertThat(embeddings.progress()).isEqualTo(new EmbeddingProgress(2, 2, false));

        List<UUID> ids = jdbc.queryForList("SELECT id FROM signal WHERE text IS NOT NULL", UUID.class);
        Map<UUID, float[]> vectors = embeddings.vectors(ids);
        assertThat(vectors).hasSize(2);
        for (UUID id : ids) {
            String text = jdbc.queryForObject("SELECT text FROM signal WHERE id = ?", String.class, id);
            assertThat(Embedder.similarity(vectors.get(id), Embedder.shared().embed(text)))
                    .isCloseTo(1f, within(1e-5f));
        }

        assertThat(jdbc.queryForList(
                        "SELECT s.text || ' = ' || t.sentiment FROM signal_sentiment t JOIN signal s ON s.id = t.signal_id"
                                + " ORDER BY s.text",
                        String.class))
                .containsExactly(
                        "The app keeps logging me out = negative", "Transfer arrived instantly, great = positive");
        assertThat(context.getBean(SignalSentiments.class).of(ids)).hasSize(2);

        jdbc.update("DELETE FROM signal_sentiment");
        assertThat(embeddings.embedMissing())
                .as("texts embedded before sentiment was stored get it")
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_sentiment", Long.class))
                .isEqualTo(2);

        context.getBean(io.earshot.signal.CustomerErasure.class).erase("C-7");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_embedding", Long.class))
                .as("the erased customer's vector goes with their signal")
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_sentiment", Long.class))
                .as("and so does their sentiment")
                .isEqualTo(1);
    }
}
