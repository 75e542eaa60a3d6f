package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemesCommandTests {

    @TempDir
    Path folder;

    @Test
    void writesEveryRowWithItsThemeIdAndLabel() throws IOException {
        Path input = csv(
                "id,comment,region",
                "1,My card was declined at the supermarket,North",
                "2,Card payment declined again at the shop,South",
                "3,\"The shop declined my debit card, again\",North",
                "4,How do I reset my password?,North",
                "5,I forgot my password and cannot log in,South",
                "6,Password reset email never arrived,South",
                "7,,North",
                "8,👍🔥,South");
        Path output = folder.resolve("themes.csv");

        Run run = themes(
                "--input", input.toString(), "--text-column", "comment", "--k", "2", "--output", output.toString());

        assertThat(run.exitCode).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(0)).isEqualTo("id,comment,region,theme_id,theme_label");
        String cards = themeOf(lines.get(1));
        String passwords = themeOf(lines.get(4));
        assertThat(cards).isNotEqualTo(passwords).contains("declined");
        assertThat(passwords).contains("password");
        assertThat(lines.get(2)).endsWith(cards);
        assertThat(lines.get(3))
                .startsWith("3,\"The shop declined my debit card, again\",North,")
                .endsWith(cards);
        assertThat(lines.get(5)).endsWith(passwords);
        assertThat(lines.get(7)).isEqualTo("7,,North,0,(no text)");
        assertThat(lines.get(8)).isEqualTo("8,👍🔥,South,0,(no text)");
        assertThat(run.err).contains("Embedding 8 texts", "2 themes (--k)");
    }

    @Test
    void refusesAMissingColumnNamingItAndListingTheColumnsFound() throws IOException {
        Path input = csv("id,comment,region", "1,hello,North");

        Run run = themes(
                "--input",
                input.toString(),
                "--text-column",
                "text",
                "--output",
                folder.resolve("o.csv").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("No column 'text'", "its columns are: id, comment, region");
        assertThat(folder.resolve("o.csv")).doesNotExist();
    }

    @Test
    void refusesAKBelowOne() throws IOException {
        Path input = csv("comment", "hello");

        Run run = themes(
                "--input",
                input.toString(),
                "--text-column",
                "comment",
                "--k",
                "0",
                "--output",
                folder.resolve("o.csv").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("--k must be 1 or more");
    }

    private Path csv(String... lines) throws IOException {
        Path file = folder.resolve("input.csv");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
        return file;
    }

    /** The theme_id and theme_label of an output line. */
    private static String themeOf(String line) {
        String[] fields = line.split(",");
        return fields[fields.length - 2] + "," + fields[fields.length - 1];
    }

    private static Run themes(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "themes";
        System.arraycopy(args, 0, all, 1, args.length);
        PrintStream out = System.out, err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream(), errBytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            int exitCode = EarshotCommand.execute(all);
            return new Run(
                    exitCode, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private record Run(int exitCode, String out, String err) {}
}
