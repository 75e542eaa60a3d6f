package io.earshot.bench;

import java.time.Duration;

/**
 * What one benchmark phase measured: how long it took and the heap it used.
 *
 * @param took how long the phase ran
 * @param heap the heap during the phase
 */
record Measurement(Duration took, HeapWatch.Peak heap) {

    static Measurement of(Duration took, HeapWatch.Peak heap) {
        return new Measurement(took, heap);
    }

    double seconds() {
        return took.toNanos() / 1e9;
    }

    double rowsPerSecond(long rows) {
        return rows / seconds();
    }
}
