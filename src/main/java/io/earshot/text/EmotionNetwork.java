package io.earshot.text;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A multi-label classifier: one independent probability per label, the sigmoid of a linear function of {@code
 * max(0, Hx + b)} (one hidden layer of ReLU units), or of {@code x} itself when there is no hidden layer. Trained by
 * mini-batch Adam on the summed binary cross-entropy with L2 on the weights (not the biases). Immutable once trained; thread-safe.
 */
final class EmotionNetwork {

    /** Hidden units, index 0 of each row the bias; empty for a linear model. */
    private final float[][] hidden;

    /** One row per label, index 0 the bias. */
    private final float[][] output;

    EmotionNetwork(float[][] hidden, float[][] output) {
        if (output.length == 0) {
            throw new IllegalArgumentException("an emotion network needs at least one label");
        }
        this.hidden = hidden;
        this.output = output;
    }

    int labels() {
        return output.length;
    }

    int dimensions() {
        return hidden.length == 0 ? output[0].length - 1 : hidden[0].length - 1;
    }

    /** The probability of each label for feature vector {@code x}. */
    double[] probabilities(float[] x) {
        float[] a = activations(x);
        double[] p = new double[output.length];
        for (int k = 0; k < output.length; k++) {
            p[k] = sigmoid(dot(output[k], a));
        }
        return p;
    }

    private float[] activations(float[] x) {
        if (hidden.length == 0) {
            return x;
        }
        float[] h = new float[hidden.length];
        for (int j = 0; j < hidden.length; j++) {
            h[j] = (float) Math.max(0, dot(hidden[j], x));
        }
        return h;
    }

    private static double dot(float[] w, float[] x) {
        double z = w[0];
        for (int i = 0; i < x.length; i++) {
            z += w[i + 1] * x[i];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Training settings: hidden units (0: linear), L2 strength, epochs, learning rate and shuffling seed. */
    record Settings(int units, double l2, int epochs, double learningRate, long seed) {}

    /** Fits a network to features {@code x} with label sets {@code y} ({@code y[n][k]}: row n has label k). */
    static EmotionNetwork train(float[][] x, boolean[][] y, Settings s) {
        int d = x[0].length, labels = y[0].length, units = s.units();
        Random random = new Random(s.seed());
        float[][] h = new float[units][d + 1];
        for (float[] row : h) {
            for (int i = 1; i <= d; i++) {
                row[i] = (float) (random.nextGaussian() * Math.sqrt(2.0 / d));
            }
        }
        int inputs = units == 0 ? d : units;
        float[][] o = new float[labels][inputs + 1];
        if (units > 0) {
            for (float[] row : o) {
                for (int i = 1; i <= inputs; i++) {
                    row[i] = (float) (random.nextGaussian() * Math.sqrt(1.0 / inputs));
                }
            }
        }
        Adam hiddenAdam = new Adam(h), outputAdam = new Adam(o);
        double[][] gh = new double[units][d + 1], go = new double[labels][inputs + 1];
        int[] order = IntStream.range(0, x.length).toArray();
        int batch = 64;
        EmotionNetwork network = new EmotionNetwork(h, o);
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            SoftmaxRegression.shuffle(order, random);
            for (int start = 0; start < order.length; start += batch) {
                int end = Math.min(order.length, start + batch);
                for (double[] row : gh) {
                    Arrays.fill(row, 0);
                }
                for (double[] row : go) {
                    Arrays.fill(row, 0);
                }
                for (int b = start; b < end; b++) {
                    int n = order[b];
                    float[] a = network.activations(x[n]);
                    double[] back = new double[units];
                    for (int k = 0; k < labels; k++) {
                        double error = sigmoid(dot(o[k], a)) - (y[n][k] ? 1 : 0);
                        go[k][0] += error;
                        for (int j = 0; j < inputs; j++) {
                            go[k][j + 1] += error * a[j];
                        }
                        for (int j = 0; j < units; j++) {
                            back[j] += error * o[k][j + 1];
                        }
                    }
                    for (int j = 0; j < units; j++) {
                        if (a[j] > 0 && back[j] != 0) {
                            gh[j][0] += back[j];
                            for (int i = 0; i < d; i++) {
                                gh[j][i + 1] += back[j] * x[n][i];
                            }
                        }
                    }
                }
                hiddenAdam.step(gh, end - start, s);
                outputAdam.step(go, end - start, s);
            }
        }
        return network;
    }

    /** Adam's moment estimates for one weight matrix. */
    private static final class Adam {
        private final float[][] w;
        private final double[][] m, v;
        private long step;

        Adam(float[][] w) {
            this.w = w;
            int columns = w.length == 0 ? 0 : w[0].length;
            this.m = new double[w.length][columns];
            this.v = new double[w.length][columns];
        }

        void step(double[][] gradient, double total, Settings s) {
            step++;
            double c1 = 1 - Math.pow(0.9, step), c2 = 1 - Math.pow(0.999, step);
            for (int k = 0; k < w.length; k++) {
                for (int i = 0; i < w[k].length; i++) {
                    double g = gradient[k][i] / total + (i == 0 ? 0 : s.l2() * w[k][i]);
                    m[k][i] = 0.9 * m[k][i] + 0.1 * g;
                    v[k][i] = 0.999 * v[k][i] + 0.001 * g * g;
                    w[k][i] -= (float) (s.learningRate() * (m[k][i] / c1) / (Math.sqrt(v[k][i] / c2) + 1e-8));
                }
            }
        }
    }

    /** Writes one {@code h <bias> <weights...>} line per hidden unit, then one {@code w ...} line per label. */
    void write(Writer out) throws IOException {
        for (float[] w : hidden) {
            out.write(SoftmaxRegression.line("h", w));
        }
        for (float[] w : output) {
            out.write(SoftmaxRegression.line("w", w));
        }
    }

    @Override
    public String toString() {
        return hidden.length == 0
                ? String.format(Locale.ROOT, "sigmoid regression %d-%d", dimensions(), labels())
                : String.format(
                        Locale.ROOT, "network %d-%d-%d (sigmoid outputs)", dimensions(), hidden.length, labels());
    }
}
