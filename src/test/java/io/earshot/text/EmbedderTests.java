package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The real model, loaded from the jar on the class path. */
class EmbedderTests {

    private final Embedder embedder = Embedder.shared();

    @Test
    void textsThatMeanTheSameAreCloserThanTextsThatDoNot() {
        float[] card = embedder.embed("My card was declined at the shop");
        float[] payment = embedder.embed("The payment with my debit card did not go through");
        float[] address = embedder.embed("How do I change my home address?");

        assertThat(Embedder.similarity(card, payment)).isGreaterThan(Embedder.similarity(card, address) + 0.1f);
    }

    @Test
    void vectorsHaveUnitLengthAndEmptyTextsTheZeroVector() {
        float[] vector = embedder.embed("Great app 👍 — très bien");
        assertThat(vector).hasSize(Embedder.DIMENSIONS);
        assertThat(Embedder.similarity(vector, vector)).isCloseTo(1f, within(1e-4f));
        assertThat(embedder.embed("   ")).containsOnly(0f);
        assertThat(embedder.embed("x".repeat(50_000))).hasSize(Embedder.DIMENSIONS);
    }
}
