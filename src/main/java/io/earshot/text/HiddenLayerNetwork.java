package io.earshot.text;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A softmax classifier with one hidden layer of ReLU units in front: class probabilities are the softmax of a linear
 * function of {@code max(0, Hx + b)}. Trained like {@link SoftmaxRegression} (mini-batch Adam on class-weighted
 * cross-entropy, L2 on the weights). Immutable once trained; thread-safe.
 */
final class HiddenLayerNetwork implements SentimentModel {

    /** Hidden units: index 0 of each row is the bias. */
    private final float[][] hidden;

    private final SoftmaxRegression output;

    HiddenLayerNetwork(float[][] hidden, SoftmaxRegression output) {
        this.hidden = hidden;
        this.output = output;
    }

    @Override
    public int classes() {
        return output.classes();
    }

    @Override
    public int dimensions() {
        return hidden[0].length - 1;
    }

    @Override
    public double[] probabilities(float[] x) {
        return output.probabilities(activations(x));
    }

    private float[] activations(float[] x) {
        float[] h = new float[hidden.length];
        for (int j = 0; j < hidden.length; j++) {
            float[] w = hidden[j];
            float z = w[0];
            for (int i = 0; i < x.length; i++) {
                z += w[i + 1] * x[i];
            }
            h[j] = Math.max(0, z);
        }
        return h;
    }

    @Override
    public SentimentModel withBiasShift(int k, double delta) {
        return new HiddenLayerNetwork(hidden, output.withBiasShift(k, delta));
    }

    /** Fits a network with {@code units} hidden units to features {@code x} with class indices {@code y}. */
    static HiddenLayerNetwork train(float[][] x, int[] y, int classes, int units, SoftmaxRegression.Settings s) {
        int d = x[0].length;
        Random random = new Random(s.seed());
        float[][] h = new float[units][d + 1];
        double scale = Math.sqrt(2.0 / d);
        for (float[] row : h) {
            for (int i = 1; i <= d; i++) {
                row[i] = (float) (random.nextGaussian() * scale);
            }
        }
        float[][] o = new float[classes][units + 1];
        double scaleOut = Math.sqrt(1.0 / units);
        for (float[] row : o) {
            for (int i = 1; i <= units; i++) {
                row[i] = (float) (random.nextGaussian() * scaleOut);
            }
        }
        Adam hiddenAdam = new Adam(h), outputAdam = new Adam(o);
        double[][] gh = new double[units][d + 1], go = new double[classes][units + 1];
        int[] order = java.util.stream.IntStream.range(0, x.length).toArray();
        int batch = 64;
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
                double total = 0;
                HiddenLayerNetwork network = new HiddenLayerNetwork(h, SoftmaxRegression.of(o));
                for (int b = start; b < end; b++) {
                    int n = order[b];
                    double weight = s.classWeights() == null ? 1 : s.classWeights()[y[n]];
                    float[] a = network.activations(x[n]);
                    double[] p = network.output.probabilities(a);
                    double[] back = new double[units];
                    for (int k = 0; k < classes; k++) {
                        double error = weight * (p[k] - (y[n] == k ? 1 : 0));
                        go[k][0] += error;
                        for (int j = 0; j < units; j++) {
                            go[k][j + 1] += error * a[j];
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
                    total += weight;
                }
                hiddenAdam.step(gh, total, s);
                outputAdam.step(go, total, s);
            }
        }
        return new HiddenLayerNetwork(h, SoftmaxRegression.of(o));
    }

    /** Adam's moment estimates for one weight matrix. */
    private static final class Adam {
        private final float[][] w;
        private final double[][] m, v;
        private long step;

        Adam(float[][] w) {
            this.w = w;
            this.m = new double[w.length][w[0].length];
            this.v = new double[w.length][w[0].length];
        }

        void step(double[][] gradient, double total, SoftmaxRegression.Settings s) {
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

    /** Writes one {@code h <bias> <weights...>} line per hidden unit, then the output layer's lines. */
    @Override
    public void write(Writer out) throws IOException {
        for (float[] w : hidden) {
            out.write(SoftmaxRegression.line("h", w));
        }
        output.write(out);
    }

    /** A network from the {@code h} and {@code w} rows of a model file. */
    static HiddenLayerNetwork of(List<float[]> hidden, List<float[]> output) {
        return new HiddenLayerNetwork(
                hidden.toArray(float[][]::new), SoftmaxRegression.of(output.toArray(float[][]::new)));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "network %d-%d-%d", dimensions(), hidden.length, classes());
    }
}
