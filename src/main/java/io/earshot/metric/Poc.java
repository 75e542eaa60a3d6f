package io.earshot.metric;

/**
 * Pissed-off customers in a set of signals: how many signals meet the POC definition in force, and their share of all
 * signals.
 *
 * @param count signals meeting the definition
 * @param volume all signals
 */
public record Poc(long count, long volume) {

    public Poc {
        if (count < 0 || count > volume) {
            throw new IllegalArgumentException("Inconsistent POC counts: " + count + " of " + volume);
        }
    }

    /** The share of POC signals in percent, or {@code null} without signals. */
    public Double rate() {
        return volume == 0 ? null : 100.0 * count / volume;
    }
}
