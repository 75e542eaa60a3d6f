package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReindexCommandTests {

    @Test
    void rebuildsTheIndexFromTheStoreShowingProgress(@TempDir Path dataDir, @TempDir Path files) throws Exception {
        Path csv = Files.writeString(
                files.resolve("survey.csv"),
                "id,date,nps,comment\na,2025-03-01,9,Lovely staff\nb,2025-03-02,2,Long queue\n");
        assertThat(EarshotCommand.execute(
                        "--data-dir", dataDir.toString(), "import", csv.toString(), "--source", "survey"))
                .isZero();
        StringWriter out = new StringWriter();

        int exit = new CommandLine(new EarshotCommand())
                .setOut(new PrintWriter(out))
                .execute("--data-dir", dataDir.toString(), "reindex");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Indexed 0 of 2 signals (0%)").contains("2 signals indexed.");
        assertThat(dataDir.resolve("index").resolve("signals")).isDirectoryContaining("glob:**segments_*");
    }
}
