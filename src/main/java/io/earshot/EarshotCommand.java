package io.earshot;

import io.earshot.access.UsersCommand;
import io.earshot.bench.BenchCommand;
import io.earshot.bench.BenchEmbeddingsCommand;
import io.earshot.bench.SearchBenchCommand;
import io.earshot.demo.DemoCommand;
import io.earshot.metric.MetricsCommand;
import io.earshot.platform.CommandContext;
import io.earshot.signal.CustomersCommand;
import io.earshot.signal.ImportCommand;
import io.earshot.text.DiscoverThemesCommand;
import io.earshot.text.ReindexCommand;
import io.earshot.text.SentimentCommand;
import io.earshot.text.ThemesCommand;
import io.earshot.text.TrainEmotionsCommand;
import io.earshot.text.TrainSentimentCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Unmatched;

/**
 * The {@code earshot} command line. Without a sub-command it serves the web application; every sub-command opens the
 * same store (under {@code --data-dir}) in a context without a web server, does its work and exits.
 */
@Command(
        name = "earshot",
        mixinStandardHelpOptions = true,
        versionProvider = EarshotCommand.Version.class,
        description = "Earshot keeps decision-makers within earshot of their customers.",
        subcommands = {
            ImportCommand.class,
            MetricsCommand.class,
            DemoCommand.class,
            UsersCommand.class,
            CustomersCommand.class,
            BenchCommand.class,
            BenchEmbeddingsCommand.class,
            SearchBenchCommand.class,
            ThemesCommand.class,
            ReindexCommand.class,
            DiscoverThemesCommand.class,
            SentimentCommand.class,
            TrainSentimentCommand.class,
            TrainEmotionsCommand.class
        },
        footer = {
            "",
            "Without a command, Earshot serves http://localhost:8080 (Spring properties such as --server.port=9090 pass through)."
        })
public class EarshotCommand implements Callable<Integer>, CommandContext {

    @Option(
            names = "--data-dir",
            scope = ScopeType.INHERIT,
            paramLabel = "DIR",
            description = "Where the store lives (default: ${DEFAULT-VALUE}).",
            defaultValue = "./data")
    Path dataDir;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    /** The exit code {@link #execute} returns while the web application serves: the process must not exit. */
    public static final int SERVING = Integer.MIN_VALUE;

    /** Runs the command line and returns the process exit code. */
    public static int execute(String... args) {
        return new CommandLine(new EarshotCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUnmatchedOptionsArePositionalParams(false)
                .execute(args);
    }

    /** Serves the web application until the process is stopped. */
    @Override
    public Integer call() {
        for (String argument : springArguments) {
            if (!argument.startsWith("--")) {
                System.err.println(
                        "Unknown command '" + argument + "'. Run 'earshot --help' for the list of commands.");
                return CommandLine.ExitCode.USAGE;
            }
        }
        List<String> args = new ArrayList<>(springArguments);
        args.add("--earshot.data-dir=" + dataDir());
        new SpringApplicationBuilder(EarshotApplication.class).run(args.toArray(String[]::new));
        return SERVING;
    }

    /**
     * Starts Earshot without its web server, for a command that works on the store. Close the returned context when the
     * command is done.
     */
    @Override
    public ConfigurableApplicationContext startContext(String... extraProperties) {
        List<String> args = new ArrayList<>(List.of(
                "--earshot.data-dir=" + dataDir(),
                "--earshot.demo.load-on-empty-store=false",
                "--earshot.text.embeddings.backfill=false",
                "--spring.main.log-startup-info=false"));
        args.addAll(List.of(extraProperties));
        try {
            return new SpringApplicationBuilder(EarshotApplication.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("logging.level.root=WARN")
                    .run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            if (causes(e).anyMatch(cause -> String.valueOf(cause.getMessage()).contains("Could not set lock"))) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "The store in " + dataDir() + " is in use by another Earshot process (a running server?)."
                                + " Stop it, or pass another --data-dir.");
            }
            throw e;
        }
    }

    private static java.util.stream.Stream<Throwable> causes(Throwable e) {
        return java.util.stream.Stream.iterate(e, cause -> cause != null, Throwable::getCause);
    }

    private Path dataDir() {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "Cannot create the data directory " + dataDir + ": " + e.getMessage());
        }
        return dataDir.toAbsolutePath().normalize();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = EarshotCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Earshot " + (version == null ? "development build" : version)};
        }
    }
}
