package io.earshot.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code earshot demo}: loads the demo company into the store. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Load the demo company into the store.")
public class DemoCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 1;
    }
}
