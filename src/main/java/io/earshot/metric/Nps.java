package io.earshot.metric;

/**
 * Net Promoter Score of a set of 0–10 responses: % promoters (9–10) minus % detractors (0–6), with its sampling
 * variance and 95% confidence interval as defined in ARCHITECTURE.md.
 *
 * @param n responses with an NPS score
 * @param promoters responses scoring 9 or 10
 * @param detractors responses scoring 0 to 6
 */
public record Nps(long n, long promoters, long detractors) {

    /** Below this many responses a figure is marked as a small sample. */
    public static final int SMALL_SAMPLE = 30;

    private static final double Z_95 = 1.96;

    public Nps {
        if (n < 0 || promoters < 0 || detractors < 0 || promoters + detractors > n) {
            throw new IllegalArgumentException(
                    "Inconsistent NPS counts: n=" + n + ", promoters=" + promoters + ", detractors=" + detractors);
        }
    }

    /** Responses scoring 7 or 8. */
    public long passives() {
        return n - promoters - detractors;
    }

    /** The score from −100 to 100, or {@code null} without responses. */
    public Double value() {
        return n == 0 ? null : 100.0 * (promoters - detractors) / n;
    }

    /** The sampling variance of the score: 100²·((p+d) − (p−d)²)/n with p and d as shares; 0 without responses. */
    public double variance() {
        if (n == 0) {
            return 0;
        }
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        return 100.0 * 100.0 * ((p + d) - (p - d) * (p - d)) / n;
    }

    /** Half the width of the 95% confidence interval: 1.96·√variance. */
    public double margin() {
        return Z_95 * Math.sqrt(variance());
    }

    /** The lower end of the 95% confidence interval, never below −100; {@code null} without responses. */
    public Double ciLow() {
        return n == 0 ? null : Math.max(-100, value() - margin());
    }

    /** The upper end of the 95% confidence interval, never above 100; {@code null} without responses. */
    public Double ciHigh() {
        return n == 0 ? null : Math.min(100, value() + margin());
    }

    /** True when there are fewer than {@value #SMALL_SAMPLE} responses: shown with a mark, never hidden. */
    public boolean smallSample() {
        return n < SMALL_SAMPLE;
    }
}
