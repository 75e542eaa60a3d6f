package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.earshot.EarshotCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCommandTests {

    @TempDir
    Path dir;

    @Test
    void writesTheInputRowsPlusSentimentAndScore() throws IOException {
        Path input = csv(
                "id,comment,region",
                "1,\"I love this app, thank you!\",North",
                "2,This is terrible and I am furious.,\"South, coast\"",
                "3,The parcel was delivered on Tuesday.,East");

        Run run = sentiment("--input", input.toString(), "--text-column", "comment", "--output", out().toString());

        assertThat(run.exitCode).isZero();
        List<List<String>> rows = read(out());
        assertThat(rows.get(0)).containsExactly("id", "comment", "region", "sentiment", "sentiment_score", "emotions");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1).subList(0, 4)).containsExactly("1", "I love this app, thank you!", "North", "positive");
        assertThat(rows.get(2).subList(0, 4))
                .containsExactly("2", "This is terrible and I am furious.", "South, coast", "negative");
        assertThat(rows.get(3).get(3)).isEqualTo("neutral");
        assertThat(Double.parseDouble(rows.get(1).get(4))).isBetween(0.5, 1.0);
        assertThat(Double.parseDouble(rows.get(2).get(4))).isBetween(-1.0, -0.5);
        assertThat(rows.get(1).get(5).split(";")).contains("gratitude").hasSizeLessThanOrEqualTo(3);
        assertThat(rows.get(2).get(5).split(";")).contains("anger");
        assertThat(run.err).contains("Wrote 3 rows");
    }

    @Test
    void givesEveryAwkwardTextAResult() throws IOException {
        Path input = csv(
                "id,text",
                "empty,",
                "emoji,😍😍🔥",
                "long,\"" + "The app is slow and the support team never answers. ".repeat(2_000) + "\"",
                "french,Le service client est vraiment nul.",
                "short-row");

        Run run = sentiment("--input", input.toString(), "--text-column", "text", "--output", out().toString());

        assertThat(run.exitCode).isZero();
        List<List<String>> rows = read(out());
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).containsExactly("empty", "", "neutral", "0.0000", "");
        for (List<String> row : rows.subList(2, 5)) {
            assertThat(row.get(2)).isIn("negative", "neutral", "positive");
            assertThat(Double.parseDouble(row.get(3))).isBetween(-1.0, 1.0);
            assertThat(row.get(4)).isNotEmpty();
        }
        assertThat(rows.get(3).get(2)).isEqualTo("negative");
        assertThat(rows.get(5)).containsExactly("short-row", "", "neutral", "0.0000", "");
    }

    @Test
    void aMissingColumnExitsWithTwoNamingItAndTheColumnsFound() throws IOException {
        Path input = csv("id,comment,region", "1,hello,North");

        Run run = sentiment("--input", input.toString(), "--text-column", "feedback", "--output", out().toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err)
                .contains("The column 'feedback' is not in ")
                .contains("Columns found: id, comment, region.");
    }

    @Test
    void anEmptyFileExitsWithTwo() throws IOException {
        Path input = csv();

        Run run = sentiment("--input", input.toString(), "--text-column", "comment", "--output", out().toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("is empty: expected a header row naming the column 'comment'");
    }

    private Path out() {
        return dir.resolve("out.csv");
    }

    private Path csv(String... lines) throws IOException {
        Path file = dir.resolve("in.csv");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static List<List<String>> read(Path file) throws IOException {
        try (CsvReader<CsvRecord> csv =
                CsvReader.builder().allowMissingFields(true).ofCsvRecord(file, StandardCharsets.UTF_8)) {
            List<List<String>> rows = new ArrayList<>();
            csv.forEach(record -> rows.add(record.getFields()));
            return rows;
        }
    }

    private record Run(int exitCode, String out, String err) {}

    private static Run sentiment(String... args) {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream(), errBytes = new ByteArrayOutputStream();
        PrintStream out = System.out, err = System.err;
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int exitCode = EarshotCommand.execute(
                    Stream.concat(Stream.of("sentiment"), Stream.of(args)).toArray(String[]::new));
            return new Run(
                    exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
