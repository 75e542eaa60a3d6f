package io.earshot.demo;

import io.earshot.signal.ImportProgress;
import io.earshot.signal.ImportReport;
import io.earshot.signal.ImportRequest;
import io.earshot.signal.SignalImports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the demo company into the store through the real ingestion path: the generated signals of each source are
 * written to a CSV file in the data directory and imported with {@link SignalImports}, exactly as a user's file would
 * be. Loading again adds nothing, because the signals keep their external ids.
 */
@Component
class DemoCompany {

    /** Imports one file: {@link SignalImports#importFile} in the application, a stand-in in tests. */
    @FunctionalInterface
    interface Importer {
        ImportReport importFile(ImportRequest request, ImportProgress progress);
    }

    private final Importer imports;
    private final Clock clock;
    private final Path dataDir;
    private final DemoUsers demoUsers;
    private final DemoProgramme programme;

    @Autowired
    DemoCompany(
            SignalImports imports,
            Clock clock,
            @Value("${earshot.data-dir}") Path dataDir,
            DemoUsers demoUsers,
            DemoProgramme programme) {
        this(imports::importFile, clock, dataDir, demoUsers, programme);
    }

    /**
     * @param demoUsers creates the demo units and users, or {@code null} to leave them out (tests of the data)
     * @param programme creates the demo closeness programme, or {@code null} to leave it out (tests of the data)
     */
    DemoCompany(Importer imports, Clock clock, Path dataDir, DemoUsers demoUsers, DemoProgramme programme) {
        this.programme = programme;
        this.imports = imports;
        this.clock = clock;
        this.dataDir = dataDir;
        this.demoUsers = demoUsers;
    }

    /** Creates the demo bank's units and its demo users, one per role (demo mode). */
    void createUsers(Consumer<String> say) {
        if (demoUsers != null) {
            demoUsers.create(say);
        }
    }

    /** Today in the demo bank's time zone: the demo data ends the day before. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(DemoGenerator.ZONE));
    }

    /**
     * Generates the demo company as of {@code today} and imports it source by source.
     *
     * @param say receives a line of progress now and then
     * @return what each source's import did, in the order of {@link DemoSource}
     */
    List<ImportReport> load(LocalDate today, Consumer<String> say) {
        createUsers(say);
        DemoGenerator generator = new DemoGenerator(Utterances.shipped(), today);
        say.accept("Generating the demo bank: %,d customers, %d months from %s to %s…"
                .formatted(
                        DemoGenerator.CUSTOMERS, DemoGenerator.MONTHS, generator.firstMonth(), generator.lastMonth()));
        Map<String, List<DemoSignal>> bySource =
                generator.generate().stream().collect(Collectors.groupingBy(DemoSignal::source));
        List<ImportReport> reports = new ArrayList<>();
        for (DemoSource source : DemoSource.values()) {
            List<DemoSignal> signals = bySource.get(source.key());
            say.accept("Importing %,d %s signals…".formatted(signals.size(), source.key()));
            ImportReport report = importFile(source, signals, say);
            say.accept("  %s: %,d new, %,d already stored, %,d rejected in %.1f s"
                    .formatted(
                            source.key(),
                            report.accepted(),
                            report.duplicates(),
                            report.rejected(),
                            report.took().toMillis() / 1000.0));
            reports.add(report);
        }
        if (programme != null && demoUsers != null) {
            programme.create(say);
        }
        return reports;
    }

    private ImportReport importFile(DemoSource source, List<DemoSignal> signals, Consumer<String> say) {
        Path file = null;
        try {
            Files.createDirectories(dataDir);
            file = Files.createTempFile(dataDir, "demo-" + source.key() + "-", ".csv");
            DemoCsv.write(signals, file);
            ImportRequest request = new ImportRequest(
                    file, "demo-" + source.key() + ".csv", source.key(), null, ZoneOffset.UTC, "earshot demo");
            return imports.importFile(request, quarterly(source, say));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the demo import file into " + dataDir, e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** Progress at every quarter of the file. */
    private static ImportProgress quarterly(DemoSource source, Consumer<String> say) {
        int[] lastQuarter = {0};
        return (bytesRead, totalBytes, rows) -> {
            int quarter = totalBytes == 0 ? 4 : (int) (4 * bytesRead / totalBytes);
            if (quarter > lastQuarter[0] && quarter < 4) {
                lastQuarter[0] = quarter;
                say.accept("  %s: %d%% (%,d rows)".formatted(source.key(), 25 * quarter, rows));
            }
        };
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file in the data directory is harmless
        }
    }
}
