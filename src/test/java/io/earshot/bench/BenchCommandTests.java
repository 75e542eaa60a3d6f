package io.earshot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTests {

    @Test
    void runsEveryPhaseOnASmallSizeAndCleansUp(@TempDir Path dataDir) throws IOException {
        StringWriter out = new StringWriter();
        int exitCode = new CommandLine(new EarshotCommand())
                .setOut(new PrintWriter(out))
                .execute("--data-dir", dataDir.toString(), "bench", "--rows", "2000");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains("| 2,000 |", "DuckDB read_csv", "raw SQL", "Peak heap per phase")
                .containsPattern("\\| 2,000 \\| .*rows/s");
        try (var files = Files.list(dataDir)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.startsWith("bench-")))
                    .isEmpty();
        }
    }
}
