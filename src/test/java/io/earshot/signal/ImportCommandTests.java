package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTests {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {}

    Run earshot(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream stdout = System.out, stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EarshotCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void importsAFileAndPrintsTheReportWithReasons() throws Exception {
        Path file = Files.writeString(
                dir.resolve("survey.csv"), "id,date,nps\na,2024-03-05,9\nb,2024-03-05,11\nc,2024-03-05,\n");

        Run run =
                earshot("--data-dir", dir.resolve("data").toString(), "import", file.toString(), "--source", "survey");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("accepted:  1", "duplicate: 0", "rejected:  2")
                .contains("1  nps out of range", "1  no text or score");
        assertThat(run.err()).contains("Importing: 100% (3 rows)");

        Run again =
                earshot("--data-dir", dir.resolve("data").toString(), "import", file.toString(), "--source", "survey");
        assertThat(again.out()).contains("accepted:  0", "duplicate: 1");
    }

    @Test
    void failsWithAClearMessageForAMissingFile() {
        Run run = earshot(
                "--data-dir", dir.toString(), "import", dir.resolve("nope.csv").toString(), "--source", "survey");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Cannot import", "nope.csv: no such file.");
    }

    @Test
    void failsWithAClearMessageForABadMapping() throws Exception {
        Path file = Files.writeString(dir.resolve("survey.csv"), "id,date,nps\na,2024-03-05,9\n");
        Path mapping = Files.writeString(dir.resolve("mapping.properties"), "score=Rating\n");

        Run run = earshot(
                "--data-dir",
                dir.resolve("data").toString(),
                "import",
                file.toString(),
                "--source",
                "survey",
                "--mapping",
                mapping.toString());

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.SOFTWARE);
        assertThat(run.err()).contains("names an unknown field 'score'", "with one of the fields external_id");
    }
}
