package io.earshot.text;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code earshot discover-themes [--k N] [--days 90]}: discovers the themes of the stored signals, keeping the ids and
 * the analysts' edits of the stored themes, with progress on standard error. Embeds first the texts that have no
 * vector yet.
 */
@Command(
        name = "discover-themes",
        mixinStandardHelpOptions = true,
        description = {
            "Discover the themes of the stored signals (the Themes page shows them).",
            "Clusters the signals of the last days by meaning; clusters like a stored theme keep its id and the analysts'"
                    + " name, merge, split or deletion. Older and later signals join the nearest theme."
        })
public class DiscoverThemesCommand implements Callable<Integer> {

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--k",
            paramLabel = "N",
            description = "The number of themes (2 to 500); chosen automatically when not given.")
    Integer k;

    @Option(
            names = "--days",
            paramLabel = "DAYS",
            defaultValue = "90",
            description = "Cluster the signals that occurred in the last DAYS days (default: ${DEFAULT-VALUE}).")
    int days;

    @Override
    public Integer call() {
        if (k != null && (k < 2 || k > ThemeCatalogue.MAX_K)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--k must be between 2 and " + ThemeCatalogue.MAX_K + ", not " + k);
        }
        if (days < 1 || days > ThemeCatalogue.MAX_DAYS) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--days must be between 1 and " + ThemeCatalogue.MAX_DAYS + ", not " + days);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // the command runs its own discovery (and embeds on this thread): no background work of its own
        try (ConfigurableApplicationContext context = root.startContext(
                "--earshot.text.themes.resume-on-start=false", "--earshot.search.rebuild-on-start=false")) {
            long started = System.nanoTime();
            SignalEmbeddings embeddings = context.getBean(SignalEmbeddings.class);
            EmbeddingProgress embedding = embeddings.progress();
            if (embedding.missing() > 0) {
                err.printf("Embedding %,d texts without a vector first…%n", embedding.missing());
                err.flush();
                embeddings.embedMissing();
            }
            ThemeCatalogue catalogue = context.getBean(ThemeCatalogue.class);
            ThemeRun run = catalogue.discoverNow(
                    k == null ? 0 : k, days, "cli:" + System.getProperty("user.name", "unknown"), progress -> {
                        err.printf(
                                "%s: %,d of %,d signals (%d%%)%n",
                                progress.phase().describe(), progress.done(), progress.total(), progress.percent());
                        err.flush();
                    });
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            out.printf(
                    "Done in %.1f s: %,d signals of the last %d days, %d themes%s.%n",
                    (System.nanoTime() - started) / 1e9,
                    run.signals(),
                    days,
                    run.themes(),
                    k == null ? " (number chosen automatically)" : "");
            List<StoredTheme> active = context.getBean(StoredThemes.class).all().stream()
                    .filter(StoredTheme::isActive)
                    .toList();
            record Row(int id, long size, String label) {}
            active.stream()
                    .map(theme -> new Row(
                            theme.id(),
                            jdbc.queryForObject(
                                    "SELECT count(*) FROM signal_theme WHERE theme_id = ?", Long.class, theme.id()),
                            theme.label()))
                    .sorted(Comparator.comparingLong((Row row) -> -row.size()).thenComparingInt(Row::id))
                    .forEach(row -> out.printf("%6d  %,8d  %s%n", row.id(), row.size(), row.label()));
            out.flush();
            return 0;
        }
    }
}
