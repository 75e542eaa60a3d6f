package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code target/earshot.jar} as a user runs it: the classes and native libraries come from jars nested in
 * it, which the tests on the class path never see (the background embedding once failed only there, on pool threads).
 * Run by Failsafe after {@code package}.
 */
class PackagedJarIT {

    @Test
    void importsAndDiscoversThemesFromThePackagedJar(@TempDir Path dataDir, @TempDir Path files) throws Exception {
        StringBuilder csv = new StringBuilder("id,date,nps,comment\n");
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        int row = 0;
        for (String intent : List.of("card_arrival", "exchange_rate")) {
            for (String text : BankingTexts.of(intent, 0, 15)) {
                csv.append("r").append(row++).append(',').append(day).append(",7,\"");
                csv.append(text.replace("\"", "\"\"")).append("\"\n");
            }
        }
        Path file = Files.writeString(files.resolve("chats.csv"), csv);

        Result imported = earshot(dataDir, "import", file.toString(), "--source", "chat");
        assertThat(imported.exit()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("30 new");

        Result themes = earshot(dataDir, "discover-themes", "--k", "2", "--days", "30");
        assertThat(themes.exit()).as(themes.output()).isZero();
        assertThat(themes.output())
                .contains("Embedding 30 texts without a vector first")
                .contains(": 30 signals of the last 30 days, 2 themes.");
    }

    private record Result(int exit, String output) {}

    private static Result earshot(Path dataDir, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + dataDir,
                "-jar",
                Path.of("target", "earshot.jar").toAbsolutePath().toString(),
                "--data-dir",
                dataDir.toString()));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("out.txt").toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("earshot " + String.join(" ", command) + " did not finish in 3 minutes");
        }
        return new Result(process.exitValue(), Files.readString(dataDir.resolve("out.txt"), StandardCharsets.UTF_8));
    }
}
