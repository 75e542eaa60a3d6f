package io.earshot.text;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code earshot reindex}: rebuilds the search index from the store, showing progress. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the search index from the store.",
            "The index is derived from the signals: rebuilding it loses nothing. The server rebuilds it by itself when it"
                    + " is missing or out of date; use this after restoring a store from a backup."
        })
public class ReindexCommand implements Callable<Integer> {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = root.startContext("--earshot.search.rebuild-on-start=false")) {
            long started = System.nanoTime();
            IndexStatus done = context.getBean(SearchIndex.class).rebuild(status -> {
                if (status.building()) {
                    out.printf(
                            "Indexed %,d of %,d signals (%d%%)%n", status.indexed(), status.total(), status.percent());
                    out.flush();
                }
            });
            out.printf("Done in %.1f s: %,d signals indexed.%n", (System.nanoTime() - started) / 1e9, done.indexed());
            return 0;
        }
    }
}
