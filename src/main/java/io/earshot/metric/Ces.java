package io.earshot.metric;

/**
 * Customer effort of a set of 1–7 agreement responses ("it was easy to handle my issue"): their mean.
 *
 * @param n responses with a CES score
 * @param mean their mean, or {@code null} without responses
 * @param variance their sample variance, 0 with fewer than two responses
 */
public record Ces(long n, Double mean, double variance) {

    public Ces {
        if (n < 0) {
            throw new IllegalArgumentException("CES responses cannot be negative: " + n);
        }
        if (n == 0) {
            mean = null;
        } else if (mean == null || mean < 1 || mean > 7) {
            throw new IllegalArgumentException("A CES mean must be between 1 and 7, not " + mean);
        }
        if (!(variance >= 0) || n < 2) {
            variance = 0;
        }
    }

    /** True when there are fewer than {@value Nps#SMALL_SAMPLE} responses. */
    public boolean smallSample() {
        return n < Nps.SMALL_SAMPLE;
    }
}
