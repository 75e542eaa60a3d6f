package io.earshot.bench;

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
import java.util.Map;

/**
 * The embedding model run straight on ONNX Runtime, the baseline of {@code earshot bench-embeddings}: the same model
 * file and tokenizer that {@link io.earshot.text.Embedder} runs through langchain4j, loaded from the same jar, one
 * {@link OrtSession} with default options, the tokenizer's input ids, attention mask and token types, the [CLS] token's
 * output as the sentence vector (BGE's pooling) scaled to unit length.
 */
final class DirectOnnx implements AutoCloseable {

    /** The resources of the langchain4j artifact that ships the model. */
    static final String MODEL = "/bge-small-en-v1.5-q.onnx", TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean tokenTypes;

    DirectOnnx() {
        try (InputStream model = resource(MODEL);
                InputStream tokens = resource(TOKENIZER)) {
            this.session = environment.createSession(model.readAllBytes());
            this.tokenTypes = session.getInputNames().contains("token_type_ids");
            this.tokenizer = HuggingFaceTokenizer.newInstance(
                    tokens, Map.of("padding", "false", "truncation", "true", "maxLength", "512"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load " + MODEL + ": " + e.getMessage(), e);
        }
    }

    /** The unit vector of {@code text} (its first 512 tokens). */
    float[] embed(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] shape = {1, encoding.getIds().length};
        try (OnnxTensor ids = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getIds()), shape);
                OnnxTensor mask =
                        OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
                OrtSession.Result result = session.run(
                        tokenTypes
                                ? Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types)
                                : Map.of("input_ids", ids, "attention_mask", mask))) {
            float[][][] hidden = (float[][][]) result.get(0).getValue();
            float[] vector = hidden[0][0].clone();
            double norm = 0;
            for (float v : vector) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < vector.length; i++) {
                vector[i] /= (float) norm;
            }
            return vector;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on a text: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = DirectOnnx.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The model resource " + name + " is missing from the class path");
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
