package io.earshot.metric;

import java.util.Comparator;

/**
 * Two-sided tests of period-over-period change: NPS by its normal approximation, CSAT by the two-proportion z-test,
 * with p-values from the standard normal distribution.
 */
public final class Significance {

    private static final double LOG_SQRT_2PI = 0.91893853320467274178;

    private Significance() {}

    /** The change of NPS: z = ΔNPS / √(Var₁ + Var₂); {@code null} when either side has no responses. */
    static Change npsChange(Nps before, Nps after) {
        if (before.n() == 0 || after.n() == 0) {
            return null;
        }
        double delta = after.value() - before.value();
        return change(delta, Math.sqrt(before.variance() + after.variance()));
    }

    /** The change of CSAT by the pooled two-proportion z-test; {@code null} when either side has no responses. */
    static Change csatChange(Csat before, Csat after) {
        if (before.n() == 0 || after.n() == 0) {
            return null;
        }
        return proportions(before.satisfied(), before.n(), after.satisfied(), after.n());
    }

    /** The change of the CES mean by Welch's z-test; {@code null} when either side has no responses. */
    static Change cesChange(Ces before, Ces after) {
        if (before.n() == 0 || after.n() == 0) {
            return null;
        }
        double variance = before.variance() / before.n() + after.variance() / after.n();
        return change(after.mean() - before.mean(), Math.sqrt(variance));
    }

    /** The change of the POC rate by the pooled two-proportion z-test; {@code null} when either side is empty. */
    static Change pocChange(Poc before, Poc after) {
        if (before.volume() == 0 || after.volume() == 0) {
            return null;
        }
        return proportions(before.count(), before.volume(), after.count(), after.volume());
    }

    private static Change proportions(long hitsBefore, long nBefore, long hitsAfter, long nAfter) {
        double pooled = (double) (hitsBefore + hitsAfter) / (nBefore + nAfter);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / nBefore + 1.0 / nAfter));
        double delta = 100.0 * hitsAfter / nAfter - 100.0 * hitsBefore / nBefore;
        return change(delta, 100 * standardError);
    }

    private static Change change(double delta, double standardError) {
        if (standardError == 0) {
            return new Change(delta, null, delta == 0 ? 1 : 0);
        }
        double z = delta / standardError;
        return new Change(delta, z, twoSidedP(z));
    }

    /** The two-sided p-value of a standard normal statistic: P(|Z| ≥ |z|). */
    static double twoSidedP(double z) {
        return Math.min(1, 2 * upperTail(Math.abs(z)));
    }

    /** The standard normal distribution function Φ(x). */
    static double cdf(double x) {
        return x >= 0 ? 1 - upperTail(x) : upperTail(-x);
    }

    /**
     * P(Z ≥ x) for x ≥ 0. Below 3, Marsaglia's Taylor series of Φ (Journal of Statistical Software 11(4), 2004), exact
     * to about 1e-15; from 3 on, Laplace's continued fraction for the Mills ratio, which keeps relative accuracy far
     * into the tail where 1 − Φ(x) would cancel.
     */
    public static double upperTail(double x) {
        if (Double.isNaN(x) || x < 0) {
            throw new IllegalArgumentException("upperTail needs x >= 0, not " + x);
        }
        if (x > 38) {
            return 0;
        }
        double density = Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
        if (x < 3) {
            double sum = x, previous = 0, term = x, square = x * x, i = 1;
            while (sum != previous) {
                previous = sum;
                i += 2;
                term *= square / i;
                sum += term;
            }
            return 0.5 - sum * density;
        }
        double fraction = x;
        for (int k = 200; k >= 1; k--) {
            fraction = x + k / fraction;
        }
        return density / fraction;
    }

    /** Benjamini–Hochberg adjusted p-values (q-values), in the order given. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        double[] q = new double[m];
        double running = 1;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }
}
