package io.earshot.text;

import java.util.HashMap;
import java.util.Map;

/**
 * How well two labellings of the same items agree: normalised mutual information and the adjusted Rand index. Used to
 * measure discovered themes against known intents.
 */
final class ClusterAgreement {

    private ClusterAgreement() {}

    /**
     * Normalised mutual information with the arithmetic-mean normalisation, {@code I(U;V) / ((H(U) + H(V)) / 2)}
     * (scikit-learn's default): 1 for identical partitions up to renaming, 0 for independent ones. Two single-cluster
     * labellings agree perfectly (1).
     */
    static double nmi(int[] truth, int[] predicted) {
        Contingency table = new Contingency(truth, predicted);
        double n = truth.length;
        double hTruth = entropy(table.rowSums, n);
        double hPredicted = entropy(table.columnSums, n);
        if (hTruth == 0 && hPredicted == 0) {
            return 1;
        }
        double mutual = 0;
        for (Map.Entry<Long, Integer> cell : table.cells.entrySet()) {
            double nij = cell.getValue();
            int row = (int) (cell.getKey() >> 32);
            int column = (int) (long) cell.getKey();
            mutual += nij / n * Math.log(n * nij / ((double) table.rowSums[row] * table.columnSums[column]));
        }
        return Math.max(0, mutual) / ((hTruth + hPredicted) / 2);
    }

    /**
     * The adjusted Rand index of Hubert and Arabie: the share of agreeing pairs corrected for chance, 1 for identical
     * partitions, about 0 for random ones, negative for worse than random.
     */
    static double ari(int[] truth, int[] predicted) {
        Contingency table = new Contingency(truth, predicted);
        double index = 0;
        for (int nij : table.cells.values()) {
            index += pairs(nij);
        }
        double rows = 0;
        for (int a : table.rowSums) {
            rows += pairs(a);
        }
        double columns = 0;
        for (int b : table.columnSums) {
            columns += pairs(b);
        }
        double expected = rows * columns / pairs(truth.length);
        double maximum = (rows + columns) / 2;
        if (maximum == expected) {
            return 1;
        }
        return (index - expected) / (maximum - expected);
    }

    private static double pairs(long count) {
        return count * (count - 1) / 2.0;
    }

    private static double entropy(int[] sums, double n) {
        double h = 0;
        for (int count : sums) {
            if (count > 0) {
                h -= count / n * Math.log(count / n);
            }
        }
        return h;
    }

    /** The counts of items per (truth, predicted) pair of labels, with labels renumbered densely. */
    private static final class Contingency {
        final Map<Long, Integer> cells = new HashMap<>();
        final int[] rowSums;
        final int[] columnSums;

        Contingency(int[] truth, int[] predicted) {
            if (truth.length != predicted.length || truth.length == 0) {
                throw new IllegalArgumentException("Both labellings must cover the same, non-empty list of items");
            }
            int[] rows = dense(truth);
            int[] columns = dense(predicted);
            rowSums = new int[max(rows) + 1];
            columnSums = new int[max(columns) + 1];
            for (int i = 0; i < truth.length; i++) {
                cells.merge(((long) rows[i] << 32) | columns[i], 1, Integer::sum);
                rowSums[rows[i]]++;
                columnSums[columns[i]]++;
            }
        }

        private static int[] dense(int[] labels) {
            Map<Integer, Integer> ids = new HashMap<>();
            int[] dense = new int[labels.length];
            for (int i = 0; i < labels.length; i++) {
                dense[i] = ids.computeIfAbsent(labels[i], label -> ids.size());
            }
            return dense;
        }

        private static int max(int[] values) {
            int max = 0;
            for (int v : values) {
                max = Math.max(max, v);
            }
            return max;
        }
    }
}
