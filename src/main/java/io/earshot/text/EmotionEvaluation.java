package io.earshot.text;

import java.util.List;
import java.util.Locale;

/**
 * Multi-label agreement between predicted and true emotion sets: F1 per emotion, their unweighted mean (macro-F1) and
 * the F1 of all (row, emotion) decisions pooled (micro-F1).
 */
record EmotionEvaluation(List<String> emotions, double[] f1, double macroF1, double microF1, int rows) {

    /** Scores {@code predicted[n][k]} (row n predicted to show emotion k) against {@code expected}. */
    static EmotionEvaluation of(List<String> emotions, boolean[][] expected, boolean[][] predicted) {
        if (expected.length != predicted.length) {
            throw new IllegalArgumentException(
                    expected.length + " expected label sets but " + predicted.length + " predicted");
        }
        int labels = emotions.size();
        long[] tp = new long[labels], fp = new long[labels], fn = new long[labels];
        for (int n = 0; n < expected.length; n++) {
            for (int k = 0; k < labels; k++) {
                if (predicted[n][k] && expected[n][k]) {
                    tp[k]++;
                } else if (predicted[n][k]) {
                    fp[k]++;
                } else if (expected[n][k]) {
                    fn[k]++;
                }
            }
        }
        double[] f1 = new double[labels];
        double sum = 0;
        long allTp = 0, allFp = 0, allFn = 0;
        for (int k = 0; k < labels; k++) {
            f1[k] = f1(tp[k], fp[k], fn[k]);
            sum += f1[k];
            allTp += tp[k];
            allFp += fp[k];
            allFn += fn[k];
        }
        return new EmotionEvaluation(emotions, f1, sum / labels, f1(allTp, allFp, allFn), expected.length);
    }

    /** The F1 of one emotion from its true positives, false positives and false negatives; 0 when all are 0. */
    static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /** The label sets of rows as a matrix over {@code labels} emotions. */
    static boolean[][] matrix(List<int[]> rows, int labels) {
        boolean[][] matrix = new boolean[rows.size()][labels];
        for (int n = 0; n < rows.size(); n++) {
            for (int k : rows.get(n)) {
                matrix[n][k] = true;
            }
        }
        return matrix;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "macro-F1 %.3f, micro-F1 %.3f, %d rows", macroF1, microF1, rows);
    }

    /** Each emotion's F1, as {@code name 0.123} pairs. */
    String perEmotion() {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < f1.length; k++) {
            text.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", emotions.get(k), f1[k]));
        }
        return text.toString();
    }
}
