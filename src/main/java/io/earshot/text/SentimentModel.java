package io.earshot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** Class probabilities from an embedding, and the text format the shipped weights are kept in. */
interface SentimentModel {

    int classes();

    int dimensions();

    /** The class probabilities (negative, neutral, positive) of feature vector {@code x}. */
    double[] probabilities(float[] x);

    /** This model with {@code delta} added to the output bias of class {@code k}. */
    SentimentModel withBiasShift(int k, double delta);

    /** Writes the weights, one row per line, after a {@code h} (hidden unit) or {@code w} (output class) tag. */
    void write(Writer out) throws IOException;

    /** Reads what {@link #write} wrote; lines with another tag (comments) are skipped. */
    static SentimentModel read(BufferedReader in) {
        try {
            List<float[]> hidden = new ArrayList<>(), output = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("h ") || line.startsWith("w ")) {
                    String[] fields = line.substring(2).trim().split(" ");
                    float[] row = new float[fields.length];
                    for (int i = 0; i < fields.length; i++) {
                        row[i] = Float.parseFloat(fields[i]);
                    }
                    (line.startsWith("h ") ? hidden : output).add(row);
                }
            }
            return hidden.isEmpty()
                    ? SoftmaxRegression.of(output.toArray(float[][]::new))
                    : HiddenLayerNetwork.of(hidden, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
