package io.earshot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code earshot bench-embeddings} runs both sides on the same texts and finds the same vectors; bad sizes are refused.
 */
class BenchEmbeddingsCommandTests {

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int exitCode = new CommandLine(new BenchEmbeddingsCommand())
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void timesBothSidesOnTheSameTextsAndComparesTheirVectors() {
        Run run = run("--texts", "60", "--rounds", "1", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 caller thread(s), 60 texts").contains("from banking77 + CFPB");
        assertThat(run.out()).containsPattern("round 1: Earshot \\d+\\.\\d texts/s, direct ONNX Runtime \\d+\\.\\d");
        assertThat(run.out()).containsPattern("Ratio Earshot ÷ direct: \\d\\.\\d{3}×");
        assertThat(run.out()).contains("60 of 60 texts ≥ 0.999");
    }

    @Test
    void refusesSizesItCannotRun() {
        Run none = run("--texts", "0");
        assertThat(none.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(none.err()).contains("--texts must be between 1 and 10,345, got 0");

        Run rounds = run("--texts", "10", "--rounds", "0");
        assertThat(rounds.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(rounds.err()).contains("--rounds must be at least 1, got 0");
    }

    @Test
    void usesTheDemoCompanysRealTextsBothKinds() {
        var texts = BenchEmbeddingsCommand.shippedTexts();
        assertThat(texts).as("banking77 queries and CFPB narratives").hasSize(10_345);
        assertThat(texts.subList(0, 1_000))
                .anyMatch(text -> text.length() > 500)
                .anyMatch(text -> text.length() < 80);
    }
}
