package io.earshot.metric;

/**
 * How much one slice (one value of one field) contributed to a dip, split into mix and rate (shift-share with
 * mid-point weights): {@code mix = (w₁ − w₀)·((s₀ + s₁)/2 − S̄)} is the part due to the slice's share of responses
 * changing — a slice that grows hurts only when it scores below the whole's mean {@code S̄} over the two months — and
 * {@code rate = (s₁ − s₀)·(w₀ + w₁)/2} the part due to its own score changing. The shares of each month add up to 1, so
 * over all values of one field mix and rate add up exactly to the dip's change.
 *
 * <p>Drivers are ranked by their {@link #excess()}: a value holding half the responses would take half a drop that hit
 * everything alike, so what matters is how much more than its share it took (a field with one value explains nothing).
 *
 * @param value the field's value, {@code null} for signals without one
 * @param expected the value's share of the change were the change spread evenly: its mean share of responses times the
 *     whole change
 * @param before the slice's score in the period before, {@code null} when it had no response
 * @param after the slice's score in the dip's period, {@code null} when it had no response
 */
public record DipDriver(
        String field,
        String value,
        long nBefore,
        long nAfter,
        Double before,
        Double after,
        double mix,
        double rate,
        double expected) {

    /** The slice's whole contribution to the change, in points. */
    public double total() {
        return mix + rate;
    }

    /** How much more of the change than its share this value took; negative for a value that dragged the score down. */
    public double excess() {
        return total() - expected;
    }
}
