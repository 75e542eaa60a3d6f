package io.earshot.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints benchmark results as Markdown tables, ready to paste into {@code docs/benchmarks.md}. */
final class BenchTable {

    private static final double MIB = 1024.0 * 1024.0;

    private BenchTable() {}

    static void print(List<BenchRun.Result> results, PrintWriter out) {
        out.println();
        out.println("| rows | CSV | write CSV | Earshot import | DuckDB read_csv (CTAS) | Earshot ÷ native"
                + " | NPS segment × month: Earshot API | raw SQL | Earshot ÷ raw |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (BenchRun.Result r : results) {
            out.println(String.format(
                    Locale.ROOT,
                    "| %,d | %,.0f MiB | %.1f s | %s | %s | %s | %s | %s | %s |",
                    r.rows(),
                    r.fileBytes() / MIB,
                    r.generate().seconds(),
                    speed(r.earshotImport(), r.rows()),
                    speed(r.nativeLoad(), r.rows()),
                    ratio(r.earshotImport(), r.nativeLoad(), true),
                    millis(r.earshotMetric()),
                    millis(r.rawMetric()),
                    ratio(r.earshotMetric(), r.rawMetric(), false)));
        }
        out.println();
        out.println("Peak heap per phase, MiB: most in use (garbage included) / most live after a GC");
        out.println();
        out.println("| rows | write CSV | Earshot import | DuckDB read_csv | Earshot metric | raw SQL |");
        out.println("| ---: | ---: | ---: | ---: | ---: | ---: |");
        for (BenchRun.Result r : results) {
            out.println(String.format(
                    Locale.ROOT,
                    "| %,d | %s | %s | %s | %s | %s |",
                    r.rows(),
                    heap(r.generate()),
                    heap(r.earshotImport()),
                    heap(r.nativeLoad()),
                    heap(r.earshotMetric()),
                    heap(r.rawMetric())));
        }
        out.println();
        for (BenchRun.Result r : results) {
            double speed = r.earshotImport().rowsPerSecond(r.rows());
            double importRatio = speed / r.nativeLoad().rowsPerSecond(r.rows());
            double metricRatio = r.earshotMetric().seconds() / r.rawMetric().seconds();
            long heapPeak = Math.max(
                    r.earshotImport().heap().peakUsed(),
                    r.earshotMetric().heap().peakUsed());
            out.println(String.format(
                    Locale.ROOT,
                    "%,d rows: import %s (≥ 500,000 rows/s: %,.0f; ≥ 0.5× native: %.2f×);"
                            + " metrics %s (≤ 1.3× raw SQL: %.2f×); Earshot's peak heap %,.0f MiB (target ≤ 1,024)",
                    r.rows(),
                    speed >= 500_000 && importRatio >= 0.5 ? "meets its targets" : "MISSES its targets",
                    speed,
                    importRatio,
                    metricRatio <= 1.3 ? "meet their target" : "MISS their target",
                    metricRatio,
                    heapPeak / MIB));
        }
        out.flush();
    }

    private static String speed(Measurement m, long rows) {
        return String.format(Locale.ROOT, "%.1f s = %,.0f rows/s", m.seconds(), m.rowsPerSecond(rows));
    }

    private static String millis(Measurement m) {
        return String.format(Locale.ROOT, "%,.1f ms", m.seconds() * 1000);
    }

    /** {@code a ÷ b} as speeds ({@code asSpeed}: the faster, the higher) or as times. */
    private static String ratio(Measurement a, Measurement b, boolean asSpeed) {
        double value = asSpeed ? b.seconds() / a.seconds() : a.seconds() / b.seconds();
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String heap(Measurement m) {
        return String.format(
                Locale.ROOT,
                "%,.0f / %,.0f",
                m.heap().peakUsed() / MIB,
                m.heap().maxLiveAfterGc() / MIB);
    }
}
