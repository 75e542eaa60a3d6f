package io.earshot.metric;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code earshot metrics --by FIELD [--period month] [--format csv|json]}. */
@Command(name = "metrics", mixinStandardHelpOptions = true, description = "Print NPS, CSAT, CES and POC per slice.")
public class MetricsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
