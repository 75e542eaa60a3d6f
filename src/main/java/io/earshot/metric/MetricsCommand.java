package io.earshot.metric;

import io.earshot.platform.CommandContext;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code earshot metrics --by FIELD [--period day|week|month|quarter] [--filter field=value ...] [--from DATE] [--to
 * DATE] [--format csv|json|table]}: prints one row of NPS, CSAT, CES and POC per slice (and period).
 */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = {
            "Print NPS, CSAT, CES and POC per slice.",
            "One row per slice (and period) with NPS and its 95%% confidence interval, CSAT top-2-box %%, CES mean, POC"
                    + " count and rate; with --period also the change since the previous period and its p-value."
        })
public class MetricsCommand implements Callable<Integer> {

    /** How the rows are printed. */
    enum Format {
        CSV,
        JSON,
        TABLE
    }

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--by",
            paramLabel = "FIELD",
            description = "Slice by this field or attributes.NAME (default: one slice of everything).")
    String by;

    @Option(names = "--period", paramLabel = "PERIOD", description = "Trend by day, week, month or quarter.")
    String period;

    @Option(
            names = "--filter",
            paramLabel = "FIELD=VALUE",
            description = "Only signals whose field has this value; repeat for more.")
    List<String> filters;

    @Option(names = "--from", paramLabel = "DATE", description = "First day included (yyyy-mm-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "First day no longer included (yyyy-mm-dd).")
    LocalDate to;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "csv",
            description = "csv, json or table (default: ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        MetricQuery query;
        try {
            query = new MetricQuery(
                    by,
                    QueryParameters.period(period),
                    QueryParameters.filter(QueryParameters.pairs(filters, '='), from, to));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ConfigurableApplicationContext context = root.startContext()) {
            Metrics metrics = context.getBean(Metrics.class);
            List<SliceMetrics> rows = metrics.compute(query);
            switch (format) {
                case CSV -> MetricPrinter.csv(MetricTable.of(query, rows), out);
                case TABLE ->
                    MetricPrinter.table(
                            MetricTable.of(query, rows), metrics.poc().describe(), out);
                case JSON ->
                    out.println(json(MetricReport.of(query, rows, metrics.poc().describe())));
            }
            if (rows.isEmpty() && metrics.storeIsEmpty()) {
                spec.commandLine()
                        .getErr()
                        .println("The store has no signals yet: load some with 'earshot import FILE --source NAME'"
                                + " or 'earshot demo'.");
            }
        }
        out.flush();
        return 0;
    }

    private static String json(Map<String, Object> report) {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }
}
