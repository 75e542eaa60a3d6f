package io.earshot.metric;

/**
 * The change of a metric from one period to the next with its two-sided significance.
 *
 * @param delta the later value minus the earlier one, in the metric's unit (NPS points, percentage points, CES points)
 * @param z the difference over its standard error, or {@code null} when that is infinite (neither side varies, yet
 *     they differ)
 * @param pValue the two-sided p-value from the standard normal distribution
 */
public record Change(double delta, Double z, double pValue) {

    /** The level below which a change is called significant. */
    public static final double SIGNIFICANCE = 0.05;

    public Change {
        if (!Double.isFinite(delta)) {
            throw new IllegalArgumentException("A change must be finite, not " + delta);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("A p-value must be between 0 and 1, not " + pValue);
        }
        if (z != null && !Double.isFinite(z)) {
            z = null;
        }
    }

    /** Whether the change is unlikely to be noise: p below {@value #SIGNIFICANCE}. */
    public boolean significant() {
        return pValue < SIGNIFICANCE;
    }
}
