package io.earshot.text;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Random;

/**
 * Multinomial logistic regression: class probabilities are the softmax of one linear function of the features per
 * class. Trained by mini-batch gradient descent (Adam) on the cross-entropy with L2 on the weights (not the biases) and
 * per-class weights for imbalanced data. Immutable once trained; thread-safe.
 */
final class SoftmaxRegression implements SentimentModel {

    /** Weights per class: index 0 is the bias, 1..d the features. */
    private final float[][] weights;

    private SoftmaxRegression(float[][] weights) {
        this.weights = weights;
    }

    /** A model with these weights (index 0 of each class's row is the bias). */
    static SoftmaxRegression of(float[][] weights) {
        return new SoftmaxRegression(weights);
    }

    @Override
    public int classes() {
        return weights.length;
    }

    @Override
    public int dimensions() {
        return weights[0].length - 1;
    }

    /** The class probabilities of feature vector {@code x}. */
    @Override
    public double[] probabilities(float[] x) {
        double[] logits = new double[weights.length];
        for (int k = 0; k < weights.length; k++) {
            float[] w = weights[k];
            double z = w[0];
            for (int i = 0; i < x.length; i++) {
                z += w[i + 1] * x[i];
            }
            logits[k] = z;
        }
        return softmax(logits);
    }

    /** This model with {@code delta} added to the bias of class {@code k}: moves the decision boundary of one class. */
    @Override
    public SoftmaxRegression withBiasShift(int k, double delta) {
        float[][] shifted = new float[weights.length][];
        for (int c = 0; c < weights.length; c++) {
            shifted[c] = weights[c].clone();
        }
        shifted[k][0] += (float) delta;
        return new SoftmaxRegression(shifted);
    }

    /** Training settings: L2 strength, epochs, learning rate, class weights (null: all 1) and shuffling seed. */
    record Settings(double l2, int epochs, double learningRate, double[] classWeights, long seed) {}

    /** Fits a model to features {@code x} with class indices {@code y} in [0, classes). */
    static SoftmaxRegression train(float[][] x, int[] y, int classes, Settings settings) {
        int d = x[0].length;
        float[][] w = new float[classes][d + 1];
        double[][] m = new double[classes][d + 1];
        double[][] v = new double[classes][d + 1];
        double[][] gradient = new double[classes][d + 1];
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        SoftmaxRegression model = new SoftmaxRegression(w);
        int batch = 128;
        long step = 0;
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int start = 0; start < order.length; start += batch) {
                int end = Math.min(order.length, start + batch);
                for (double[] row : gradient) {
                    java.util.Arrays.fill(row, 0);
                }
                double total = 0;
                for (int b = start; b < end; b++) {
                    int n = order[b];
                    double weight = settings.classWeights() == null ? 1 : settings.classWeights()[y[n]];
                    double[] p = model.probabilities(x[n]);
                    for (int k = 0; k < classes; k++) {
                        double error = weight * (p[k] - (y[n] == k ? 1 : 0));
                        gradient[k][0] += error;
                        for (int i = 0; i < d; i++) {
                            gradient[k][i + 1] += error * x[n][i];
                        }
                    }
                    total += weight;
                }
                step++;
                adam(w, gradient, m, v, total, settings, step);
            }
        }
        return model;
    }

    private static void adam(
            float[][] w, double[][] gradient, double[][] m, double[][] v, double total, Settings s, long step) {
        double beta1 = 0.9, beta2 = 0.999;
        double correction1 = 1 - Math.pow(beta1, step), correction2 = 1 - Math.pow(beta2, step);
        for (int k = 0; k < w.length; k++) {
            for (int i = 0; i < w[k].length; i++) {
                double g = gradient[k][i] / total + (i == 0 ? 0 : s.l2() * w[k][i]);
                m[k][i] = beta1 * m[k][i] + (1 - beta1) * g;
                v[k][i] = beta2 * v[k][i] + (1 - beta2) * g * g;
                w[k][i] -= (float)
                        (s.learningRate() * (m[k][i] / correction1) / (Math.sqrt(v[k][i] / correction2) + 1e-8));
            }
        }
    }

    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double z : logits) {
            max = Math.max(max, z);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** Writes one {@code w <bias> <weights...>} line per class. */
    @Override
    public void write(Writer out) throws IOException {
        for (float[] w : weights) {
            out.write(line("w", w));
        }
    }

    static String line(String tag, float[] values) {
        StringBuilder line = new StringBuilder(tag);
        for (float value : values) {
            line.append(' ').append(String.format(Locale.ROOT, "%.6g", value));
        }
        return line.append('\n').toString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "softmax regression %d-%d", dimensions(), classes());
    }
}
