package io.earshot.signal;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code earshot customers erase ID [--dry-run]}: what concerns one customer. */
@Command(
        name = "customers",
        mixinStandardHelpOptions = true,
        description = "Act on the data of one customer.",
        subcommands = {CustomersCommand.Erase.class})
public class CustomersCommand {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    /** {@code earshot customers erase ID [--dry-run]}. */
    @Command(
            name = "erase",
            mixinStandardHelpOptions = true,
            description = {
                "Erase a customer: delete every signal with this customer id, from every source, and every quarantined"
                        + " row that holds it as a whole value, and print what was deleted.",
                "Asks no confirmation; run it with --dry-run first to see what it would delete. The erasure is audited."
            })
    static class Erase implements Callable<Integer> {

        @ParentCommand
        CustomersCommand customers;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The customer id, as in the signals' customer_id.")
        String id;

        @Option(names = "--dry-run", description = "Print what would be deleted, and delete nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (id.isBlank()) {
                err.println("Cannot erase: give the customer id, as in the signals' customer_id.");
                return CommandLine.ExitCode.USAGE;
            }
            try (ConfigurableApplicationContext context = customers.root.startContext()) {
                CustomerErasure erasure = context.getBean(CustomerErasure.class);
                print(dryRun ? erasure.preview(id) : erasure.erase(id), out);
                return CommandLine.ExitCode.OK;
            }
        }

        static void print(Erasure erasure, PrintWriter out) {
            String verb = erasure.dryRun() ? "would delete" : "deleted";
            erasure.signalsBySource()
                    .forEach((source, count) -> out.printf("%-20s %,10d signals %s%n", source, count, verb));
            out.printf("%-20s %,10d rows %s%n", "quarantine", erasure.quarantineRows(), verb);
            out.println(erasure.summary());
            out.flush();
        }
    }
}
