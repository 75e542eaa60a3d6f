package io.earshot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The emotions of customer text: the 27 GoEmotions emotions and {@code neutral}, each with its own probability from a
 * multi-label {@link EmotionNetwork} over {@link Embedder} sentence embeddings, trained on GoEmotions ({@link
 * TrainEmotionsCommand}) and shipped as {@value #RESOURCE} with one decision threshold per emotion chosen on the dev
 * split. A text's emotions are those at or above their threshold, most probable first, at most {@value #MAX_EMOTIONS};
 * when none reaches its threshold, the one closest to it (highest probability ÷ threshold), so that every text has at
 * least one. Thread-safe.
 */
public final class EmotionClassifier {

    static final String RESOURCE = "/text/emotion-model.txt";

    /** Emotions kept per text at most. */
    public static final int MAX_EMOTIONS = 3;

    private static volatile EmotionClassifier shipped;

    private final List<String> emotions;
    private final double[] thresholds;
    private final EmotionNetwork network;

    EmotionClassifier(List<String> emotions, double[] thresholds, EmotionNetwork network) {
        if (emotions.size() != network.labels() || thresholds.length != network.labels()) {
            throw new IllegalArgumentException("the emotion model has " + network.labels() + " outputs but "
                    + emotions.size() + " emotion names and " + thresholds.length + " thresholds");
        }
        if (network.dimensions() != Embedder.DIMENSIONS) {
            throw new IllegalArgumentException("the emotion model reads " + network.dimensions()
                    + "-dimension vectors, the embedder gives " + Embedder.DIMENSIONS);
        }
        this.emotions = List.copyOf(emotions);
        this.thresholds = thresholds.clone();
        this.network = network;
    }

    /** The classifier with the weights shipped in the jar; loads once per process. */
    public static EmotionClassifier shipped() {
        EmotionClassifier classifier = shipped;
        if (classifier == null) {
            synchronized (EmotionClassifier.class) {
                classifier = shipped;
                if (classifier == null) {
                    classifier = readShipped();
                    shipped = classifier;
                }
            }
        }
        return classifier;
    }

    /** The emotion names, in the order of the model's outputs. */
    public List<String> emotions() {
        return emotions;
    }

    /** The emotions of a text whose {@link Embedder} vector is {@code embedding}, most probable first. */
    public List<EmotionScore> classifyEmbedding(float[] embedding) {
        if (embedding.length != Embedder.DIMENSIONS) {
            throw new IllegalArgumentException(
                    "expected a " + Embedder.DIMENSIONS + "-dimension embedding, got " + embedding.length);
        }
        return select(network.probabilities(embedding));
    }

    /** The emotions of {@code text} (its first {@value Embedder#MAX_CHARS} characters), most probable first. */
    public List<EmotionScore> classify(String text) {
        return classifyEmbedding(Embedder.shared().embed(text == null ? "" : text.strip()));
    }

    /** The probability of every emotion, in the order of {@link #emotions()}. */
    double[] probabilities(float[] embedding) {
        return network.probabilities(embedding);
    }

    /** The emotion names of a model, to turn kept emotions into a row of a label matrix. */
    record Shape(List<String> emotions) {
        boolean[] matrix(List<EmotionScore> kept) {
            boolean[] row = new boolean[emotions.size()];
            for (EmotionScore score : kept) {
                row[emotions.indexOf(score.emotion())] = true;
            }
            return row;
        }
    }

    /** The emotions kept from output probabilities {@code p}: see the class comment. */
    List<EmotionScore> select(double[] p) {
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < p.length; k++) {
            if (p[k] >= thresholds[k]) {
                kept.add(k);
            }
        }
        if (kept.isEmpty()) {
            int closest = 0;
            for (int k = 1; k < p.length; k++) {
                if (p[k] / thresholds[k] > p[closest] / thresholds[closest]) {
                    closest = k;
                }
            }
            kept.add(closest);
        }
        return kept.stream()
                .sorted(Comparator.comparingDouble((Integer k) -> -p[k]).thenComparing(k -> k))
                .limit(MAX_EMOTIONS)
                .map(k -> new EmotionScore(emotions.get(k), Math.min(1, Math.max(0, p[k]))))
                .toList();
    }

    /** Writes the model: {@code e} names, {@code t} thresholds, then the network's {@code h} and {@code w} lines. */
    void write(Writer out) throws IOException {
        out.write("e " + String.join(" ", emotions) + "\n");
        StringBuilder line = new StringBuilder("t");
        for (double threshold : thresholds) {
            line.append(' ').append(String.format(Locale.ROOT, "%.4f", threshold));
        }
        out.write(line.append('\n').toString());
        network.write(out);
    }

    /** Reads what {@link #write} wrote; lines with another tag (comments) are skipped. */
    static EmotionClassifier read(BufferedReader in) throws IOException {
        List<String> names = null;
        double[] thresholds = null;
        List<float[]> hidden = new ArrayList<>(), output = new ArrayList<>();
        int number = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            number++;
            String[] fields = line.length() > 2 ? line.substring(2).trim().split(" ") : new String[0];
            try {
                if (line.startsWith("e ")) {
                    names = Arrays.asList(fields);
                } else if (line.startsWith("t ")) {
                    thresholds = Arrays.stream(fields)
                            .mapToDouble(Double::parseDouble)
                            .toArray();
                } else if (line.startsWith("h ") || line.startsWith("w ")) {
                    float[] row = new float[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        row[i] = Float.parseFloat(fields[i]);
                    }
                    (line.startsWith("h ") ? hidden : output).add(row);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("emotion model line " + number + ": " + e.getMessage(), e);
            }
        }
        if (names == null || thresholds == null) {
            throw new IllegalArgumentException("the emotion model has no 'e' (names) or 't' (thresholds) line");
        }
        return new EmotionClassifier(
                names, thresholds, new EmotionNetwork(hidden.toArray(float[][]::new), output.toArray(float[][]::new)));
    }

    private static EmotionClassifier readShipped() {
        try (InputStream in = EmotionClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The emotion model " + RESOURCE + " is missing from the class path");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return network + " over " + Embedder.MODEL;
    }
}
