package io.earshot.bench;

import io.earshot.signal.ImportReport;
import io.earshot.signal.ImportRequest;
import io.earshot.signal.SignalImports;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One size of the benchmark, in one fresh store file ({@code bench-N.duckdb} in the data directory): writes the CSV,
 * imports it through {@link SignalImports}, loads it again with DuckDB's own {@code read_csv} into a table of the same
 * database, and computes NPS by segment × month both through Earshot's metric API and with raw SQL.
 */
final class BenchRun {

    /** Runs of each metric query; the fastest counts. */
    static final int QUERY_RUNS = 3;

    /** NPS by segment × month in plain SQL over a table with the signal columns. */
    static final String RAW_NPS = """
            SELECT segment, date_trunc('month', occurred_at) AS month, count(nps) AS responses,
                   100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) / count(nps) AS nps
            FROM %s
            WHERE nps IS NOT NULL
            GROUP BY ALL
            ORDER BY ALL""";

    /**
     * Everything measured for one size.
     *
     * @param metricTable the table the raw SQL ran over: {@code signal}, or {@code bench_native} if the import did
     *     not run
     */
    record Result(
            long rows,
            long fileBytes,
            Measurement generate,
            Measurement earshotImport,
            Measurement nativeLoad,
            Measurement earshotMetric,
            Measurement rawMetric,
            String metricTable) {}

    private final long rows;
    private final HeapWatch heap;
    private final PrintWriter out;

    BenchRun(long rows, HeapWatch heap, PrintWriter out) {
        this.rows = rows;
        this.heap = heap;
        this.out = out;
    }

    Result run(ConfigurableApplicationContext context, Path dataDir, LocalDate lastDay) {
        Path csv = dataDir.resolve("bench-" + rows + ".csv");
        say("writing %,d rows to %s", rows, csv);
        long[] bytes = new long[1];
        Measurement generate = measure(() -> bytes[0] = BenchFile.write(csv, rows, lastDay));
        say("  %.1f s, %,d MB", generate.seconds(), bytes[0] >> 20);

        Measurement earshotImport = importThroughEarshot(context.getBean(SignalImports.class), csv);
        DataSource store = context.getBean(DataSource.class);
        say("loading it with DuckDB's read_csv into table bench_native");
        Measurement nativeLoad = measure(() -> execute(
                store, "CREATE OR REPLACE TABLE bench_native AS SELECT * FROM read_csv('" + sqlText(csv) + "')"));
        say("  %.1f s, %,.0f rows/s", nativeLoad.seconds(), nativeLoad.rowsPerSecond(rows));

        say("NPS by segment × month");
        Measurement earshotMetric = earshotMetric(context);
        String table = earshotImport.ran() ? "signal" : "bench_native";
        Measurement rawMetric = bestOf(QUERY_RUNS, () -> query(store, RAW_NPS.formatted(table)));
        say("  raw SQL over %s: %.0f ms (best of %d)", table, rawMetric.seconds() * 1000, QUERY_RUNS);
        execute(store, "DROP TABLE bench_native");
        return new Result(rows, bytes[0], generate, earshotImport, nativeLoad, earshotMetric, rawMetric, table);
    }

    private Measurement importThroughEarshot(SignalImports imports, Path csv) {
        say("importing it through Earshot (SignalImports)");
        ImportRequest request =
                new ImportRequest(csv, csv.getFileName().toString(), "survey", null, ZoneOffset.UTC, "bench");
        try {
            ImportReport[] report = new ImportReport[1];
            Measurement measurement =
                    measure(() -> report[0] = imports.importFile(request, (read, total, rowsRead) -> {}));
            say(
                    "  %.1f s, %,.0f rows/s (%,d accepted, %,d rejected)",
                    measurement.seconds(), measurement.rowsPerSecond(rows), report[0].accepted(), report[0].rejected());
            if (report[0].accepted() != rows) {
                say("  warning: %,d of %,d rows were accepted", report[0].accepted(), rows);
            }
            return measurement;
        } catch (UnsupportedOperationException e) {
            say("  not available: %s", e.getMessage());
            return Measurement.unavailable("SignalImports not implemented yet");
        }
    }

    private Measurement earshotMetric(ConfigurableApplicationContext context) {
        OptionalInt[] slices = new OptionalInt[1];
        Measurement measurement =
                bestOf(QUERY_RUNS, () -> slices[0] = EarshotMetricQuery.npsBySegmentAndMonth(context));
        if (slices[0].isEmpty()) {
            say("  Earshot metric API: n/a (%s)", EarshotMetricQuery.NOT_YET);
            return Measurement.unavailable(EarshotMetricQuery.NOT_YET);
        }
        say("  Earshot metric API: %.0f ms, %d slices", measurement.seconds() * 1000, slices[0].getAsInt());
        return measurement;
    }

    /** The fastest of {@code runs} runs, with the largest heap seen in any of them: query timings are noisy. */
    private Measurement bestOf(int runs, Runnable phase) {
        Measurement best = measure(phase);
        long peakUsed = best.heap().peakUsed(), maxLive = best.heap().maxLiveAfterGc();
        for (int run = 1; run < runs; run++) {
            Measurement next = measure(phase);
            peakUsed = Math.max(peakUsed, next.heap().peakUsed());
            maxLive = Math.max(maxLive, next.heap().maxLiveAfterGc());
            best = next.took().compareTo(best.took()) < 0 ? next : best;
        }
        return Measurement.of(best.took(), new HeapWatch.Peak(peakUsed, maxLive));
    }

    private Measurement measure(Runnable phase) {
        System.gc();
        heap.reset();
        long started = System.nanoTime();
        phase.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return Measurement.of(took, heap.peak());
    }

    private static void execute(DataSource store, String sql) {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark SQL failed: " + sql, e);
        }
    }

    private static int query(DataSource store, String sql) {
        try (Connection connection = store.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int count = 0;
            while (rows.next()) {
                rows.getDouble("nps");
                count++;
            }
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("Benchmark SQL failed: " + sql, e);
        }
    }

    private static String sqlText(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file, e);
        }
    }

    private void say(String format, Object... args) {
        out.println(format.formatted(args));
        out.flush();
    }
}
