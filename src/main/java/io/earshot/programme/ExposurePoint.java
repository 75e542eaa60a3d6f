package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A point of a leader's exposure trend: the time with customers in the target's window ending at {@code end}, counting
 * only encounters that had ended by then.
 *
 * @param end the end, exclusive, of the window
 * @param total the time with customers in the window, overlaps counted once
 * @param targetMet whether {@code total} reached the target
 */
public record ExposurePoint(Instant end, Duration total, boolean targetMet) {

    public ExposurePoint {
        Objects.requireNonNull(end, "Exposure point end is required");
        Objects.requireNonNull(total, "Exposure point total is required");
        if (total.isNegative()) {
            throw new IllegalArgumentException("Exposure point total cannot be negative, was " + total);
        }
    }

    /** The total in hours, for charts. */
    public double hours() {
        return Exposure.hours(total);
    }
}
