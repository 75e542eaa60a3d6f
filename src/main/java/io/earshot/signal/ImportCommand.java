package io.earshot.signal;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code earshot import FILE --source NAME [--mapping FILE] [--zone ZONE]}. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import a CSV or JSON Lines file of signals.",
            "Common export headers are mapped automatically; other columns are kept as attributes. Bad rows are kept in"
                    + " quarantine and counted; importing the same file again adds nothing."
        })
public class ImportCommand implements Callable<Integer> {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A CSV, TSV, JSON Lines or JSON array file (UTF-8).")
    Path file;

    @Option(
            names = "--source",
            required = true,
            paramLabel = "NAME",
            description = "Where the rows come from, e.g. survey, review, ticket, chat.")
    String source;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description =
                    "A mapping file of field=Header Name lines (Java properties) overriding the automatic mapping.")
    Path mapping;

    @Option(
            names = "--zone",
            paramLabel = "ZONE",
            defaultValue = "UTC",
            description = "The time zone of dates without an offset, e.g. Europe/London (default: ${DEFAULT-VALUE}).")
    ZoneId zone;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("Cannot import " + file + ": no such file.");
            return CommandLine.ExitCode.USAGE;
        }
        if (mapping != null && !Files.isRegularFile(mapping)) {
            err.println("Cannot import " + file + ": the mapping file " + mapping + " does not exist.");
            return CommandLine.ExitCode.USAGE;
        }
        ImportRequest request;
        try {
            request = new ImportRequest(file, null, source, mapping, zone, System.getProperty("user.name"));
        } catch (IllegalArgumentException e) {
            err.println("Cannot import " + file + ": " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        try (ConfigurableApplicationContext context = root.startContext()) {
            ImportReport report = context.getBean(SignalImports.class).importFile(request, new TerminalProgress(err));
            err.println();
            printReport(report, out);
            return CommandLine.ExitCode.OK;
        } catch (ImportException e) {
            err.println();
            err.println("Cannot import " + file + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    static void printReport(ImportReport report, PrintWriter out) {
        out.println(report.summary());
        out.printf("accepted:  %,d%n", report.accepted());
        out.printf("duplicate: %,d%n", report.duplicates());
        out.printf("rejected:  %,d%n", report.rejected());
        report.reasons().forEach((reason, count) -> out.printf("  %,8d  %s%n", count, reason));
        if (!report.redacted().isEmpty()) {
            out.println("Personal data redacted: " + report.redactedSummary() + ".");
        }
        report.notes().stream().skip(report.rows() == 0 ? 1 : 0).forEach(out::println);
        if (report.rejected() > 0) {
            out.println("Rejected rows are kept in quarantine: /imports/" + report.importId() + "/quarantine.csv");
        }
        out.printf("import %s took %.1f s%n", report.importId(), report.took().toMillis() / 1000.0);
        out.flush();
    }

    /** One line on the terminal, rewritten as the import goes on. */
    private record TerminalProgress(PrintWriter err) implements ImportProgress {
        @Override
        public void update(long bytesRead, long totalBytes, long rows) {
            int percent = totalBytes <= 0 ? 100 : (int) Math.min(100, 100 * bytesRead / totalBytes);
            err.printf("\rImporting: %3d%% (%,d rows)", percent, rows);
            err.flush();
        }
    }
}
