package io.earshot.signal;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code earshot import FILE --source NAME [--mapping FILE]}. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Import a CSV or JSON Lines file of signals.")
public class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
