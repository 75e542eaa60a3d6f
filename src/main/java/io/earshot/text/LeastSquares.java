package io.earshot.text;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Ordinary least squares for designs of 0/1 indicators, fitted from grouped rows: each row gives the indices of the
 * columns that are 1, how many responses share that pattern, and the sum and sum of squares of their scores. So a fit
 * over a million responses reads only the distinct patterns, and memory is one p×p matrix.
 *
 * <p>The normal equations {@code X'X·β = X'y} are solved by a Cholesky factorisation that drops any column the columns
 * before it already span (its pivot falls below {@value #ALIASED} of its diagonal), as R's {@code lm} marks such a
 * coefficient "aliased": one-hot fields that always move together (a product sold in one segment) leave one of them out
 * instead of failing. Then {@code σ² = (y'y − β'X'y)/(n − rank)} and {@code Cov(β) = σ²·(X'X)⁻¹}, with two-sided
 * p-values from Student's t distribution on {@code n − rank} degrees of freedom.
 */
final class LeastSquares {

    /** A pivot this small relative to its column's diagonal means the column is (numerically) spanned by earlier ones. */
    static final double ALIASED = 1e-9;

    private final int p;
    private final double[][] xtx;
    private final double[] xty;
    private double yty;
    private long n;

    /** An empty fit over {@code columns} columns; column 0 is usually the intercept (pass it in every row). */
    LeastSquares(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("A least-squares fit needs a column, not " + columns);
        }
        this.p = columns;
        this.xtx = new double[columns][columns];
        this.xty = new double[columns];
    }

    /**
     * Adds {@code count} responses whose indicators are 1 exactly at {@code ones} (distinct indices), with Σy {@code sum}
     * and Σy² {@code squares}.
     */
    void add(int[] ones, long count, double sum, double squares) {
        for (int i : ones) {
            if (i < 0 || i >= p) {
                throw new IllegalArgumentException("Column " + i + " is outside 0.." + (p - 1));
            }
            xty[i] += sum;
            for (int j : ones) {
                xtx[i][j] += count;
            }
        }
        yty += squares;
        n += count;
    }

    /**
     * The fit.
     *
     * @param coefficients β, {@code NaN} for an aliased column
     * @param standardErrors √Cov(β)ᵢᵢ, {@code NaN} for an aliased column or without residual degrees of freedom
     * @param pValues two-sided p-values, {@code NaN} where the standard error is
     * @param rank the number of columns kept
     * @param n the responses
     * @param residualVariance σ²
     */
    record Fit(
            double[] coefficients,
            double[] standardErrors,
            double[] pValues,
            int rank,
            long n,
            double residualVariance) {

        boolean aliased(int column) {
            return Double.isNaN(coefficients[column]);
        }

        /** Degrees of freedom of the residuals. */
        long df() {
            return n - rank;
        }
    }

    Fit fit() {
        double[][] l = new double[p][p];
        boolean[] kept = new boolean[p];
        for (int j = 0; j < p; j++) {
            double pivot = xtx[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
            }
            if (xtx[j][j] <= 0 || pivot <= ALIASED * xtx[j][j]) {
                continue; // row and column j of l stay 0: the factor of the kept columns alone
            }
            kept[j] = true;
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < p; i++) {
                double sum = xtx[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = sum / l[j][j];
            }
        }
        int rank = 0;
        for (boolean k : kept) {
            rank += k ? 1 : 0;
        }
        double[] beta = solve(l, kept, xty);
        double explained = 0;
        for (int j = 0; j < p; j++) {
            explained += kept[j] ? beta[j] * xty[j] : 0;
        }
        long df = n - rank;
        double sigma2 = df > 0 ? Math.max(0, yty - explained) / df : Double.NaN;
        double[] se = new double[p], pValues = new double[p];
        TDistribution t = df > 0 ? new TDistribution(null, df) : null;
        for (int j = 0; j < p; j++) {
            if (!kept[j]) {
                beta[j] = se[j] = pValues[j] = Double.NaN;
                continue;
            }
            double[] unit = new double[p];
            unit[j] = 1;
            se[j] = Math.sqrt(sigma2 * solve(l, kept, unit)[j]);
            pValues[j] = t == null || Double.isNaN(se[j])
                    ? Double.NaN
                    : se[j] == 0
                            ? (beta[j] == 0 ? 1 : 0)
                            : Math.min(1, 2 * t.cumulativeProbability(-Math.abs(beta[j] / se[j])));
        }
        return new Fit(beta, se, pValues, rank, n, sigma2);
    }

    /** Solves {@code L·L'·x = b} over the kept columns (forward, then back substitution); others are 0. */
    private double[] solve(double[][] l, boolean[] kept, double[] b) {
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            if (!kept[i]) {
                continue;
            }
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * z[k];
            }
            z[i] = sum / l[i][i];
        }
        double[] x = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            if (!kept[i]) {
                continue;
            }
            double sum = z[i];
            for (int k = i + 1; k < p; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    @Override
    public String toString() {
        return "LeastSquares[p=" + p + ", n=" + n + ", X'y=" + Arrays.toString(xty) + "]";
    }
}
