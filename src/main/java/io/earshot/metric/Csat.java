package io.earshot.metric;

/**
 * Customer satisfaction of a set of 1–5 responses as the top-two-box share: % of responses scoring 4 or 5.
 *
 * @param n responses with a CSAT score
 * @param satisfied responses scoring 4 or 5
 */
public record Csat(long n, long satisfied) {

    public Csat {
        if (n < 0 || satisfied < 0 || satisfied > n) {
            throw new IllegalArgumentException("Inconsistent CSAT counts: n=" + n + ", satisfied=" + satisfied);
        }
    }

    /** The share of satisfied responses in percent, or {@code null} without responses. */
    public Double percent() {
        return n == 0 ? null : 100.0 * satisfied / n;
    }

    /** The share of satisfied responses from 0 to 1, 0 without responses. */
    double share() {
        return n == 0 ? 0 : (double) satisfied / n;
    }

    /** True when there are fewer than {@value Nps#SMALL_SAMPLE} responses. */
    public boolean smallSample() {
        return n < Nps.SMALL_SAMPLE;
    }
}
