package io.earshot.text;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from BGE-small-en v1.5 (quantised, ONNX), run in-process from the model shipped in its Maven
 * artifact: no download at run time. Vectors have {@value #DIMENSIONS} dimensions and unit length, so a dot product is
 * the cosine similarity. One text per model call: the quantised model gives slightly different vectors for a text padded
 * in a batch. Thread-safe; the model loads once per process ({@link #shared()}).
 */
public final class Embedder {

    /** The model's name, stored with every cached vector so that a change of model recomputes them. */
    public static final String MODEL = "bge-small-en-v1.5-q";

    public static final int DIMENSIONS = 384;

    /** Texts longer than this are cut before embedding: the model reads 512 tokens at most. */
    public static final int MAX_CHARS = 2_000;

    private static volatile Embedder shared;

    private final EmbeddingModel model;

    private Embedder() {
        // the calling thread runs the model: callers choose their own parallelism
        Executor sameThread = Runnable::run;
        this.model = new BgeSmallEnV15QuantizedEmbeddingModel(sameThread);
    }

    /** The process's embedder; the first call loads the model (about a second). */
    public static Embedder shared() {
        Embedder embedder = shared;
        if (embedder == null) {
            synchronized (Embedder.class) {
                embedder = shared;
                if (embedder == null) {
                    embedder = new Embedder();
                    shared = embedder;
                }
            }
        }
        return embedder;
    }

    /** The unit vector of {@code text}; an empty or blank text gets the zero vector. */
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            return new float[DIMENSIONS];
        }
        String cut = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        float[] vector = model.embed(cut).content().vector();
        normalize(vector);
        return vector;
    }

    /** The vectors of {@code texts}, in order, one model call each. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    /** The cosine similarity of two unit vectors. */
    public static float similarity(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static void normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) norm;
            }
        }
    }
}
