package io.earshot.bench;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code earshot bench [--rows 1000000,10000000] [--keep]}: for each size, in a fresh store in the data directory,
 * measures Earshot's import against DuckDB's own CSV reader, NPS by segment × month through Earshot's metric API
 * against raw SQL, and the peak heap of each phase; prints Markdown tables.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark import and metrics against DuckDB itself.",
            "Compares the import with DuckDB's own CSV reader and NPS by segment × month with raw SQL. Writes a CSV and a fresh store per size into the data directory and removes them afterwards."
                    + " Run with e.g. java -Xmx1g to check the heap target."
        })
public class BenchCommand implements Callable<Integer> {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--rows",
            split = ",",
            paramLabel = "N",
            defaultValue = "1000000,10000000",
            description = "Sizes to run, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;

    @Option(names = "--keep", description = "Keep the CSV files and stores in the data directory.")
    boolean keep;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        out.printf(
                "Earshot bench, %s: Java %s, %d cores, %.0f GiB RAM, max heap %d MiB%n",
                ZonedDateTime.now(ZoneOffset.UTC).withNano(0),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() >> 20);
        List<BenchRun.Result> results = new ArrayList<>();
        try (HeapWatch heap = new HeapWatch()) {
            for (long rows : sizes) {
                out.printf("%n== %,d rows%n", rows);
                results.add(runOne(rows, heap, out));
            }
        }
        BenchTable.print(results, out);
        return 0;
    }

    private BenchRun.Result runOne(long rows, HeapWatch heap, PrintWriter out) {
        String storeFile = "bench-" + rows + "-" + System.currentTimeMillis() + ".duckdb";
        Path dataDir;
        BenchRun.Result result;
        try (ConfigurableApplicationContext context = root.startContext(
                "--earshot.store.file=" + storeFile,
                // what follows an import in the background (search index, dip watch) would compete with the native
                // load and the metric queries measured after it: both sides get the machine to themselves
                "--earshot.follow-imports=false",
                "--earshot.search.rebuild-on-start=false")) {
            dataDir = Path.of(context.getEnvironment().getRequiredProperty("earshot.data-dir"));
            result = new BenchRun(rows, heap, out)
                    .run(context, dataDir, LocalDate.now(ZoneOffset.UTC).minusDays(1));
        }
        if (!keep) {
            BenchRun.delete(dataDir.resolve("bench-" + rows + ".csv"));
            BenchRun.delete(dataDir.resolve(storeFile));
            BenchRun.delete(dataDir.resolve(storeFile + ".wal"));
        }
        return result;
    }
}
