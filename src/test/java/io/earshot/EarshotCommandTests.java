package io.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EarshotCommandTests {

    @Test
    void helpListsEveryCommandAndTheGlobalDataDirOption() {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new EarshotCommand())
                .setOut(new PrintWriter(out))
                .execute("--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString()).contains("--data-dir=DIR", "import", "metrics", "demo", "customers");
    }

    @Test
    void refusesAnUnknownCommandWithAUsageError() {
        assertThat(EarshotCommand.execute("no-such-command")).isEqualTo(CommandLine.ExitCode.USAGE);
    }
}
