package io.earshot.bench;

import java.time.Duration;

/**
 * What one benchmark phase measured: how long it took and the heap it used, or why it could not run.
 *
 * @param took how long the phase ran, or {@code null} if it did not
 * @param heap the heap during the phase, or {@code null} if it did not run
 * @param unavailable why the phase did not run, or {@code null}
 */
record Measurement(Duration took, HeapWatch.Peak heap, String unavailable) {

    static Measurement of(Duration took, HeapWatch.Peak heap) {
        return new Measurement(took, heap, null);
    }

    static Measurement unavailable(String why) {
        return new Measurement(null, null, why);
    }

    boolean ran() {
        return unavailable == null;
    }

    double seconds() {
        return took.toNanos() / 1e9;
    }

    double rowsPerSecond(long rows) {
        return rows / seconds();
    }
}
