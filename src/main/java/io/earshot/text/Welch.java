package io.earshot.text;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's two-sample t-test of a difference in means from the groups' sums: {@code t = (x̄₁ − x̄₂)/SE} with {@code SE
 * = √(s₁²/n₁ + s₂²/n₂)} and the Welch–Satterthwaite degrees of freedom {@code (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁ − 1) +
 * (s₂²/n₂)²/(n₂ − 1))}; p-values and intervals from Student's t distribution.
 *
 * @param effect x̄₁ − x̄₂
 * @param standardError SE
 * @param df degrees of freedom
 * @param pValue two-sided p-value, {@code null} when not testable (a group of fewer than two, or no variance at all)
 * @param margin half the width of the 95% confidence interval of the effect, t(0.975, df)·SE; NaN when not testable
 */
record Welch(double effect, double standardError, double df, Double pValue, double margin) {

    /**
     * The test of group 1 against group 2, each given as its count, sum and sum of squares.
     *
     * @throws IllegalArgumentException when a group is empty
     */
    static Welch of(Sums one, Sums two) {
        if (one.n() < 1 || two.n() < 1) {
            throw new IllegalArgumentException(
                    "Welch's test needs responses in both groups: " + one.n() + ", " + two.n());
        }
        double effect = one.mean() - two.mean();
        if (one.n() < 2 || two.n() < 2) {
            return new Welch(effect, Double.NaN, Double.NaN, null, Double.NaN);
        }
        double a = one.sampleVariance() / one.n(), b = two.sampleVariance() / two.n();
        double standardError = Math.sqrt(a + b);
        if (standardError == 0) {
            return new Welch(effect, 0, Double.NaN, null, Double.NaN);
        }
        double df = (a + b) * (a + b) / (a * a / (one.n() - 1) + b * b / (two.n() - 1));
        TDistribution t = new TDistribution(null, df);
        double p = 2 * t.cumulativeProbability(-Math.abs(effect) / standardError);
        return new Welch(
                effect, standardError, df, Math.min(1, p), t.inverseCumulativeProbability(0.975) * standardError);
    }

    /**
     * A group's count, sum and sum of squares of one score per response.
     *
     * @param n responses
     * @param sum Σy
     * @param squares Σy²
     */
    record Sums(long n, double sum, double squares) {

        static final Sums NONE = new Sums(0, 0, 0);

        Sums plus(Sums other) {
            return new Sums(n + other.n, sum + other.sum, squares + other.squares);
        }

        Sums minus(Sums other) {
            return new Sums(n - other.n, sum - other.sum, squares - other.squares);
        }

        double mean() {
            return sum / n;
        }

        /** s² = (Σy² − (Σy)²/n)/(n − 1), never below 0 (rounding). */
        double sampleVariance() {
            return Math.max(0, (squares - sum * sum / n) / (n - 1));
        }
    }
}
