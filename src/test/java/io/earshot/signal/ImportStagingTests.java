package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.ObjectMapper;

/**
 * Accepted rows go through staged CSV chunk files (here of two rows, so that every import spans several) before DuckDB
 * loads them: values must come back exactly, in file order, and no file may stay behind.
 */
@SpringBootTest(properties = {"earshot.demo.load-on-empty-store=false", "earshot.import.chunk-rows=2"})
class ImportStagingTests {

    @TempDir
    static Path dataDir;

    @TempDir
    Path files;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) throws IOException {
        registry.add("earshot.data-dir", () -> dataDir.toString());
        // a chunk left behind by an import that was killed mid-way
        Files.createDirectories(dataDir.resolve("staging"));
        Files.writeString(dataDir.resolve("staging/import-killed-0.csv"), "\"left\",\"behind\"\n");
    }

    @Test
    void removesChunksLeftBehindByAnImportThatWasKilledAtStart() {
        assertThat(dataDir.resolve("staging/import-killed-0.csv")).doesNotExist();
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignalImports imports;

    @Autowired
    ObjectMapper json;

    ImportStore store;

    @BeforeEach
    void emptyStore() {
        store = new ImportStore(files, jdbc, imports);
        store.clear();
    }

    /** Texts that a careless CSV format would mangle: its quote, separators, line breaks, escapes and null markers. */
    static final List<String> TRICKY = List.of(
            "He said \"hi\", then left",
            "\"",
            "\"\"",
            "\"quoted\"",
            "a,b;c\td|e",
            "line one\nline two",
            "windows\r\nline\rbreaks",
            "back\\slash at the end\\",
            "\\N",
            "\\\"",
            "NULL",
            "null",
            " padded ",
            ",",
            "\n,\n",
            "\"\",\"\n\"",
            "ünïcödé € 中文 😀 \uD83D\uDE00",
            "x".repeat(100_000));

    @Test
    void stagesTextWithQuotesSeparatorsLineBreaksBackslashesAndNullMarkersExactly() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < TRICKY.size(); i++) {
            String text = TRICKY.get(i);
            lines.append(json.writeValueAsString(java.util.Map.of(
                            "id", "t" + i,
                            "created_at", "2024-03-05T10:00:00Z",
                            "message", text,
                            "region", text,
                            "note", text)))
                    .append('\n');
        }

        ImportReport report = store.importFile(store.file("tricky.jsonl", lines.toString()), "chat");

        assertThat(report.accepted()).isEqualTo(TRICKY.size());
        for (int i = 0; i < TRICKY.size(); i++) {
            var signal = store.signal("t" + i);
            String text = TRICKY.get(i);
            assertThat(signal.get("text")).as("text %d", i).isEqualTo(text);
            assertThat(signal.get("region")).as("region %d", i).isEqualTo(text);
            assertThat(json.readTree(signal.get("attributes").toString())
                            .get("note")
                            .asString())
                    .as("attribute %d", i)
                    .isEqualTo(text);
            assertThat(signal.get("customer_id")).isNull();
            assertThat(signal.get("provenance")).isEqualTo("tricky.jsonl");
            assertThat(signal.get("provenance_line")).isEqualTo((long) (i + 1));
        }
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void stagesARowLongerThanDuckDbsDefaultLineLimit() {
        String long1 = "é\"".repeat(1_500_000);
        Path file = store.csv(
                "long.csv", "id,date,comment,notes", "a,2024-03-05,short,\"" + long1.replace("\"", "\"\"") + "\"");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(1);
        String attributes = store.signal("a").get("attributes").toString();
        assertThat(attributes).hasSize(long1.length() + 1_500_000 + "{\"notes\":\"\"}".length());
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void numbersRepeatedRowsInFileOrderAcrossChunks() {
        Path file = store.csv(
                "repeats.csv",
                "date,nps,comment",
                "2024-03-05,9,same",
                "2024-03-05,1,other",
                "2024-03-05,9,same",
                "2024-03-05,1,other",
                "2024-03-05,9,same",
                "2024-03-05,9,same");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(6);
        List<String> byLine = jdbc.queryForList(
                "SELECT right(external_id, 2) FROM signal WHERE external_id LIKE 'sha256-%'"
                        + " ORDER BY provenance_line",
                String.class);
        assertThat(byLine).containsExactly("-1", "-1", "-2", "-2", "-3", "-4");
        assertThat(store.importFile(file).accepted())
                .as("a re-import adds nothing")
                .isZero();
    }

    @Test
    void keepsTheFirstOfRepeatedIdsAcrossChunks() {
        Path file = store.csv(
                "ids.csv",
                "id,date,comment",
                "a,2024-03-05,first",
                "b,2024-03-05,b",
                "c,2024-03-05,c",
                "a,2024-03-05,second",
                "a,2024-03-05,third");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.duplicates()).isEqualTo(2);
        assertThat(store.signal("a").get("text")).isEqualTo("first");
    }

    @Test
    void aFailureAfterSomeChunksWereLoadedLeavesNothingBehind() {
        StringBuilder csv = new StringBuilder("id,date,nps,comment\n");
        for (int i = 0; i < 2_000; i++) {
            csv.append("r").append(i).append(",2024-03-05,").append(i % 11).append(",\"some, \"\"quoted\"\" words\"\n");
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportRequest request =
                new ImportRequest(files.resolve("failing.csv"), null, "survey", null, ZoneOffset.UTC, null);
        var input = new ImportRun.ImportInput(
                request,
                new ImportIdempotencyTests.FailingAfter(content, content.length - 100),
                content.length,
                ImportFormat.CSV,
                MappingRules.AUTOMATIC,
                false,
                io.earshot.access.Redactor.of(java.util.EnumSet.allOf(io.earshot.access.PiiKind.class)));

        assertThatThrownBy(() -> imports.importInput(input, ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("disk went away");

        assertThat(store.signals()).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class))
                .isZero();
        assertThat(stagedFiles()).isEmpty();

        ImportReport rerun = store.importFile(store.file("failing.csv", content));
        assertThat(rerun.accepted()).isEqualTo(2_000);
        assertThat(store.signal("r1999").get("text")).isEqualTo("some, \"quoted\" words");
        assertThat(stagedFiles()).isEmpty();
    }

    private static List<Path> stagedFiles() {
        Path staging = dataDir.resolve("staging");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(staging)) {
            return list.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
