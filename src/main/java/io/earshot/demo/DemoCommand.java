package io.earshot.demo;

import io.earshot.platform.CommandContext;
import io.earshot.signal.ImportReport;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code earshot demo [--today DATE]}: loads the demo company into the store; running it again adds nothing. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Load the demo company into the store.",
            "A digital bank with 8,000 customers and about 50,000 survey responses, chats, tickets and reviews over the 18 months up to yesterday, with real customer"
                    + " texts (banking77, CFPB). Running it again adds nothing."
        })
public class DemoCommand implements Callable<Integer> {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "Generate as if today were DATE (yyyy-mm-dd); the data ends the day before (default: today).")
    LocalDate today;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = root.startContext()) {
            DemoCompany demo = context.getBean(DemoCompany.class);
            LocalDate asOf = today == null ? demo.today() : today;
            long started = System.nanoTime();
            List<ImportReport> reports = demo.load(asOf, line -> {
                out.println(line);
                out.flush();
            });
            out.printf(
                    "Done in %.1f s: %,d new signals, %,d already stored, %,d rejected.%n",
                    (System.nanoTime() - started) / 1e9,
                    reports.stream().mapToLong(ImportReport::accepted).sum(),
                    reports.stream().mapToLong(ImportReport::duplicates).sum(),
                    reports.stream().mapToLong(ImportReport::rejected).sum());
            PlantedDip dip = PlantedDip.endingIn(DemoGenerator.lastMonth(asOf));
            out.printf(
                    "Planted for analyses to find: an NPS dip in region %s in %s, driven by %s.%n",
                    dip.region(), dip.month(), String.join(", ", new TreeSet<>(dip.intents())));
            return 0;
        } catch (UnsupportedOperationException e) {
            spec.commandLine()
                    .getErr()
                    .println("Cannot load the demo: the import is not available yet (" + e.getMessage() + ").");
            return 1;
        }
    }
}
