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
                    millis(r.rawMetric()) + (r.metricTable().equals("signal") ? "" : " (over bench_native)"),
                    ratio(r.rawMetric(), r.earshotMetric(), false)));
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
            if (r.earshotImport().ran()) {
                double speed = r.earshotImport().rowsPerSecond(r.rows());
                double ratio = speed / r.nativeLoad().rowsPerSecond(r.rows());
                out.println(String.format(
                        Locale.ROOT,
                        "%,d rows: import %s the targets (≥ 500,000 rows/s: %,.0f; ≥ 0.5× native: %.2f×)",
                        r.rows(),
                        speed >= 500_000 && ratio >= 0.5 ? "meets" : "MISSES",
                        speed,
                        ratio));
            } else {
                out.println(String.format(
                        Locale.ROOT,
                        "%,d rows: Earshot import not measured (%s)",
                        r.rows(),
                        r.earshotImport().unavailable()));
            }
        }
        out.flush();
    }

    private static String speed(Measurement m, long rows) {
        return m.ran()
                ? String.format(Locale.ROOT, "%.1f s = %,.0f rows/s", m.seconds(), m.rowsPerSecond(rows))
                : "n/a";
    }

    private static String millis(Measurement m) {
        return m.ran() ? String.format(Locale.ROOT, "%,.0f ms", m.seconds() * 1000) : "n/a";
    }

    /** {@code a ÷ b} as speeds ({@code asSpeed}: the faster, the higher) or as times. */
    private static String ratio(Measurement a, Measurement b, boolean asSpeed) {
        if (!a.ran() || !b.ran()) {
            return "n/a";
        }
        double value = asSpeed ? b.seconds() / a.seconds() : a.seconds() / b.seconds();
        return String.format(Locale.ROOT, "%.2f×", value);
    }

    private static String heap(Measurement m) {
        if (!m.ran()) {
            return "n/a";
        }
        return String.format(
                Locale.ROOT,
                "%,.0f / %,.0f",
                m.heap().peakUsed() / MIB,
                m.heap().maxLiveAfterGc() / MIB);
    }
}
