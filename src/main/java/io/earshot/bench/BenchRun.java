package io.earshot.bench;

import io.earshot.metric.MetricQuery;
import io.earshot.metric.Metrics;
import io.earshot.metric.Period;
import io.earshot.signal.ImportProgress;
import io.earshot.signal.ImportReport;
import io.earshot.signal.ImportRequest;
import io.earshot.signal.SignalFilter;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One size of the benchmark, in one fresh store file ({@code bench-N.duckdb} in the data directory): writes the CSV,
 * imports it through {@link SignalImports}, loads it again with DuckDB's own {@code read_csv} into a table of the same
 * database, and computes NPS by segment × month both through Earshot's metric API and with raw SQL.
 */
final class BenchRun {

    /**
     * NPS by segment × month in plain SQL: the same aggregates Earshot's metric query computes (NPS counts, CSAT, CES
     * mean and variance, POC by the default definition), so the comparison measures Earshot's own overhead.
     */
    static final String RAW_METRICS = """
            SELECT segment, CAST(date_trunc('month', occurred_at) AS DATE) AS month,
                   count(*) AS volume, count(nps) AS nps_n,
                   count(*) FILTER (WHERE nps >= 9) AS promoters, count(*) FILTER (WHERE nps <= 6) AS detractors,
                   count(csat) AS csat_n, count(*) FILTER (WHERE csat >= 4) AS satisfied,
                   count(ces) AS ces_n, avg(ces) AS ces_mean, var_samp(ces) AS ces_variance,
                   count(*) FILTER (WHERE nps <= 3 OR csat <= 1 OR source IN ('complaint', 'escalation')) AS poc
            FROM signal
            GROUP BY ALL
            ORDER BY ALL NULLS LAST""";

    /** Timed repetitions of each metric query, after {@link #WARM_UP} untimed ones; the median is reported. */
    static final int REPETITIONS = 7, WARM_UP = 2;

    /** Everything measured for one size; the metric measurements are medians of {@link #REPETITIONS} runs. */
    record Result(
            long rows,
            long fileBytes,
            Measurement generate,
            Measurement earshotImport,
            Measurement nativeLoad,
            Measurement earshotMetric,
            Measurement rawMetric) {}

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

        execute(store, "DROP TABLE bench_native");

        say("NPS by segment × month, median of %d runs after %d warm-up runs", REPETITIONS, WARM_UP);
        Metrics metrics = context.getBean(Metrics.class);
        MetricQuery bySegmentAndMonth = new MetricQuery("segment", Period.MONTH, SignalFilter.ALL);
        Measurement earshotMetric = measureMedian(() -> metrics.compute(bySegmentAndMonth));
        say("  Earshot metric API: %.1f ms", earshotMetric.seconds() * 1000);
        Measurement rawMetric = measureMedian(() -> query(store, RAW_METRICS));
        say("  raw SQL over JDBC: %.1f ms", rawMetric.seconds() * 1000);
        return new Result(rows, bytes[0], generate, earshotImport, nativeLoad, earshotMetric, rawMetric);
    }

    private Measurement importThroughEarshot(SignalImports imports, Path csv) {
        say("importing it through Earshot (SignalImports)");
        ImportRequest request =
                new ImportRequest(csv, csv.getFileName().toString(), "survey", null, ZoneOffset.UTC, "bench");
        ImportReport[] report = new ImportReport[1];
        Measurement measurement = measure(() -> report[0] = imports.importFile(request, ImportProgress.NONE));
        say(
                "  %.1f s, %,.0f rows/s (%,d accepted, %,d rejected)",
                measurement.seconds(), measurement.rowsPerSecond(rows), report[0].accepted(), report[0].rejected());
        if (report[0].accepted() != rows) {
            say("  warning: %,d of %,d rows were accepted", report[0].accepted(), rows);
        }
        return measurement;
    }

    /** Runs {@code phase} {@link #WARM_UP} times untimed, then {@link #REPETITIONS} times; reports the median. */
    private Measurement measureMedian(Runnable phase) {
        for (int i = 0; i < WARM_UP; i++) {
            phase.run();
        }
        List<Measurement> runs = new ArrayList<>();
        for (int i = 0; i < REPETITIONS; i++) {
            runs.add(measure(phase));
        }
        runs.sort(Comparator.comparing(Measurement::took));
        return runs.get(REPETITIONS / 2);
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
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int column = 1; column <= columns; column++) {
                    rows.getObject(column); // read every value, as Earshot does
                }
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
