package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.EarshotCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code earshot discover-themes} on a store of 60 real customer messages imported by the command line. */
class DiscoverThemesCommandTests {

    @Test
    void discoversTheThemesOfTheStoreShowingProgress(@TempDir Path dataDir, @TempDir Path files) throws Exception {
        StringBuilder csv = new StringBuilder("id,date,nps,comment\n");
        String day = LocalDate.now(ZoneOffset.UTC).minusDays(3).toString();
        int row = 0;
        for (String intent : List.of("card_arrival", "exchange_rate", "age_limit")) {
            for (String text : BankingTexts.of(intent, 0, 20)) {
                csv.append("r")
                        .append(row++)
                        .append(',')
                        .append(day)
                        .append(",7,\"")
                        .append(text.replace("\"", "\"\""))
                        .append("\"\n");
            }
        }
        Path file = Files.writeString(files.resolve("chats.csv"), csv);
        assertThat(EarshotCommand.execute(
                        "--data-dir", dataDir.toString(), "import", file.toString(), "--source", "chat"))
                .isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new EarshotCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute("--data-dir", dataDir.toString(), "discover-themes", "--k", "3", "--days", "30");

        assertThat(exit).isZero();
        assertThat(err.toString())
                .contains("Embedding 60 texts without a vector first")
                .contains("reading texts and vectors: 60 of 60 signals")
                .contains("clustering: 60 of 60 signals");
        assertThat(out.toString()).contains(": 60 signals of the last 30 days, 3 themes.");
        assertThat(out.toString().lines().filter(line -> line.matches("\\s+\\d+\\s+\\d+\\s+.+")))
                .hasSize(3);
    }

    @Test
    void refusesANumberOfThemesBelowTwo(@TempDir Path dataDir) {
        StringWriter err = new StringWriter();

        int exit = new CommandLine(new EarshotCommand())
                .setErr(new PrintWriter(err))
                .execute("--data-dir", dataDir.toString(), "discover-themes", "--k", "1");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--k must be between 2 and 500, not 1");
    }
}
