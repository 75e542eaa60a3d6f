package io.earshot.text;

import java.util.List;
import java.util.Locale;

/**
 * How well predicted sentiments match labelled ones: F1 per class and their unweighted mean (macro-F1), so that the
 * smaller negative class counts as much as the others.
 */
record SentimentEvaluation(int rows, double[] f1, double accuracy) {

    /** Compares {@code predicted} with {@code expected}, position by position. */
    static SentimentEvaluation of(List<Sentiment> expected, List<Sentiment> predicted) {
        if (expected.size() != predicted.size() || expected.isEmpty()) {
            throw new IllegalArgumentException("expected " + expected.size() + " and predicted " + predicted.size()
                    + " labels: need the same, non-zero number");
        }
        int classes = Sentiment.values().length;
        int[] truePositives = new int[classes], predictedCounts = new int[classes], expectedCounts = new int[classes];
        int correct = 0;
        for (int i = 0; i < expected.size(); i++) {
            int e = expected.get(i).ordinal(), p = predicted.get(i).ordinal();
            expectedCounts[e]++;
            predictedCounts[p]++;
            if (e == p) {
                truePositives[e]++;
                correct++;
            }
        }
        double[] f1 = new double[classes];
        for (int k = 0; k < classes; k++) {
            int denominator = predictedCounts[k] + expectedCounts[k];
            f1[k] = denominator == 0 ? 0 : 2.0 * truePositives[k] / denominator;
        }
        return new SentimentEvaluation(expected.size(), f1, (double) correct / expected.size());
    }

    double macroF1() {
        double sum = 0;
        for (double value : f1) {
            sum += value;
        }
        return sum / f1.length;
    }

    double f1(Sentiment sentiment) {
        return f1[sentiment.ordinal()];
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "macro-F1 %.3f (negative %.3f, neutral %.3f, positive %.3f), accuracy %.3f, %d rows",
                macroF1(),
                f1(Sentiment.NEGATIVE),
                f1(Sentiment.NEUTRAL),
                f1(Sentiment.POSITIVE),
                accuracy,
                rows);
    }
}
