package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTests {

    @Test
    void receivesTheRootCommandToStartItsContextFrom() {
        EarshotCommand root = new EarshotCommand();
        List<CommandLine> parsed =
                new CommandLine(root).parseArgs("demo", "--today", "2026-11-22").asCommandLineList();

        DemoCommand demo = parsed.get(1).getCommand();
        assertThat(demo.root).isSameAs(root);
        assertThat(demo.today).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void loadsTheDemoIntoTheStoreOfTheDataDir(@TempDir Path dataDir) {
        assertThat(EarshotCommand.execute("--data-dir", dataDir.toString(), "demo", "--today", "2026-11-22"))
                .isZero();
        assertThat(EarshotCommand.execute("--data-dir", dataDir.toString(), "demo", "--today", "2026-11-22"))
                .as("running it again adds nothing and succeeds")
                .isZero();
    }
}
