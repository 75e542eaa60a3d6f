package io.earshot.text;

import io.earshot.metric.Csat;
import io.earshot.metric.Nps;

/**
 * How much one group of signals (a theme's) moves the overall score: the overall score minus the score of all other
 * signals, with a 95% confidence interval.
 *
 * <p>With {@code nₜ} of the {@code n = nₜ + nᵣ} responses in the group, group score {@code Sₜ} and the rest's score
 * {@code Sᵣ}, the overall score is {@code w·Sₜ + (1 − w)·Sᵣ} with {@code w = nₜ/n}, so the impact is
 *
 * <pre>  I = overall − Sᵣ = w·(Sₜ − Sᵣ) = w·D.</pre>
 *
 * The responses fall into the cells of one multinomial (group × promoter/passive/detractor, or × satisfied/not). By the
 * delta method the share {@code w} and the two groups' scores are asymptotically independent, with {@code Var(ŵ) =
 * w(1 − w)/n} and {@code Var(D̂) = Var(Sₜ) + Var(Sᵣ)} (the groups are disjoint), each score's variance as {@link
 * Nps#variance()} (or {@code 100²·c(1 − c)/n} for CSAT) computes it; hence
 *
 * <pre>  Var(I) ≈ D²·w(1 − w)/n + w²·(Var(Sₜ) + Var(Sᵣ))</pre>
 *
 * and the interval is {@code I ± 1.96·√Var(I)}. ADR 15 explains the choice.
 *
 * @param value the impact in points (NPS points, or CSAT percentage points)
 * @param standardError √Var(I)
 * @param groupN the group's responses
 * @param restN the other responses
 */
record Impact(double value, double standardError, long groupN, long restN) {

    static final double Z_95 = 1.96;

    /** The impact of a group on NPS; {@code null} when either the group or the rest has no response. */
    static Impact ofNps(Nps group, Nps rest) {
        if (group.n() == 0 || rest.n() == 0) {
            return null;
        }
        return of(group.value(), group.variance(), group.n(), rest.value(), rest.variance(), rest.n());
    }

    /** The impact of a group on CSAT (percent satisfied); {@code null} when either side has no response. */
    static Impact ofCsat(Csat group, Csat rest) {
        if (group.n() == 0 || rest.n() == 0) {
            return null;
        }
        return of(group.percent(), csatVariance(group), group.n(), rest.percent(), csatVariance(rest), rest.n());
    }

    /** The sampling variance of a CSAT percentage: 100²·c(1 − c)/n. */
    static double csatVariance(Csat csat) {
        double c = (double) csat.satisfied() / csat.n();
        return 100.0 * 100.0 * c * (1 - c) / csat.n();
    }

    private static Impact of(
            double groupScore, double groupVariance, long groupN, double restScore, double restVariance, long restN) {
        double n = groupN + restN;
        double w = groupN / n;
        double d = groupScore - restScore;
        double variance = d * d * w * (1 - w) / n + w * w * (groupVariance + restVariance);
        return new Impact(w * d, Math.sqrt(variance), groupN, restN);
    }

    /** The lower end of the 95% confidence interval. */
    public double ciLow() {
        return value - Z_95 * standardError;
    }

    /** The upper end of the 95% confidence interval. */
    public double ciHigh() {
        return value + Z_95 * standardError;
    }

    /** True when the interval leaves out 0. */
    public boolean significant() {
        return ciLow() > 0 || ciHigh() < 0;
    }

    /** True when the group has fewer than {@value Nps#SMALL_SAMPLE} responses. */
    public boolean smallSample() {
        return groupN < Nps.SMALL_SAMPLE;
    }
}
