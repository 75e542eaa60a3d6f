package io.earshot.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The latencies of one way of running the benchmark's queries, each query once, in milliseconds.
 *
 * @param label what ran the queries
 * @param millis one latency per query, in the order run
 */
record SearchLatencies(String label, double[] millis) {

    /** The latency below which the share {@code p} (0 to 1) of the queries finished: nearest rank. */
    double percentile(double p) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    double p50() {
        return percentile(0.50);
    }

    double p95() {
        return percentile(0.95);
    }

    double p99() {
        return percentile(0.99);
    }

    String row() {
        return String.format(
                Locale.ROOT, "| %s | %,d | %.2f ms | %.2f ms | %.2f ms |", label, millis.length, p50(), p95(), p99());
    }
}
