package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ImportFileTests {

    @TempDir
    Path files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignalImports imports;

    ImportStore store;

    @BeforeEach
    void emptyStore() {
        store = new ImportStore(files, jdbc, imports);
        store.clear();
    }

    @Test
    void importsEveryValidRowWithItsMappedFieldsAndKeepsOtherColumnsAsAttributes() {
        Path file = store.csv(
                "survey.csv",
                "Response ID,Submitted At,How likely are you to recommend us?,Comment,Region,Plan",
                "R1,2024-03-05 14:22,9,Great app,North,gold",
                "R2,2024-03-06T08:00:00+01:00,3,Too slow,South,");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.duplicates()).isZero();
        assertThat(report.rejected()).isZero();
        Map<String, Object> r1 = store.signal("R1");
        assertThat(r1.get("occurred")).isEqualTo("2024-03-05T14:22:00");
        assertThat(((Number) r1.get("nps")).intValue()).isEqualTo(9);
        assertThat(r1.get("text")).isEqualTo("Great app");
        assertThat(r1.get("region")).isEqualTo("North");
        assertThat(r1.get("attributes").toString()).isEqualTo("{\"Plan\":\"gold\"}");
        assertThat(r1.get("provenance")).isEqualTo("survey.csv");
        assertThat(r1.get("provenance_line")).isEqualTo(2L);
        assertThat(store.signal("R2").get("occurred")).isEqualTo("2024-03-06T07:00:00");
        assertThat(store.signal("R2").get("attributes")).isNull();
    }

    static final String HEADER = "id,date,nps,csat,ces,comment";

    @Test
    void rejectsRowWithScoreOutOfRange() {
        Path file = store.csv(
                "scores.csv",
                HEADER,
                "a,2024-03-05,10,5,7,top of every scale",
                "b,2024-03-05,0,1,1,bottom of every scale",
                "c,2024-03-05,11,,,nps too high",
                "d,2024-03-05,,0,,csat too low",
                "e,2024-03-05,,,8,ces too high",
                "f,2024-03-05,7.5,,,nps not whole",
                "g,2024-03-05,-1,,,nps negative",
                "h,2024-03-05,9.0,,,nps written as a decimal");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.reasons())
                .containsExactly(
                        Map.entry("nps out of range", 3L),
                        Map.entry("ces out of range", 1L),
                        Map.entry("csat out of range", 1L));
        assertThat(store.externalIds()).containsExactly("a", "b", "h");
        assertThat(store.quarantinedLines()).containsExactly(4L, 5L, 6L, 7L, 8L);
        assertThat(store.quarantine().getFirst())
                .containsEntry("field", "nps")
                .containsEntry("raw", "c,2024-03-05,11,,,nps too high")
                .containsEntry(
                        "message",
                        "scores.csv line 4, field nps: '11' is not a valid NPS; use a whole number from 0 to 10,"
                                + " or leave it empty");
    }

    @Test
    void rejectsRowWithADateItCannotReadAndAcceptsCommonDateForms() {
        Path file = store.csv(
                "dates.csv",
                HEADER,
                "iso,2024-03-05T14:22:05Z,9,,,",
                "iso-offset,2024-03-05T14:22:05.5-02:00,9,,,",
                "space,2024-03-05 14:22,9,,,",
                "us,03/05/2024,9,,,",
                "words,5 Mar 2024,9,,,",
                "month-first,\"Mar 5, 2024\",9,,,",
                "bad,yesterday,9,,,",
                "no-day,2024-02-30,9,,,",
                "missing,,9,,,");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(6);
        assertThat(report.reasons()).containsExactly(Map.entry("invalid date", 2L), Map.entry("missing date", 1L));
        assertThat(store.signal("iso").get("occurred")).isEqualTo("2024-03-05T14:22:05");
        assertThat(store.signal("iso-offset").get("occurred")).isEqualTo("2024-03-05T16:22:05");
        assertThat(store.signal("space").get("occurred")).isEqualTo("2024-03-05T14:22:00");
        assertThat(store.signal("us").get("occurred")).isEqualTo("2024-03-05T00:00:00");
        assertThat(store.signal("words").get("occurred")).isEqualTo("2024-03-05T00:00:00");
        assertThat(store.signal("month-first").get("occurred")).isEqualTo("2024-03-05T00:00:00");
        assertThat(store.quarantine().get(0).get("message").toString())
                .startsWith("dates.csv line 8, field date: 'yesterday' is not a date; use ISO-8601");
    }

    @Test
    void readsDatesWithoutAnOffsetInTheImportZone() {
        Path file = store.csv("zoned.csv", HEADER, "summer,2024-07-01 12:00,9,,,", "offset,2024-07-01T12:00Z,9,,,");

        imports.importFile(
                new ImportRequest(file, null, "survey", null, ZoneId.of("Europe/London"), "test"), ImportProgress.NONE);

        assertThat(store.signal("summer").get("occurred")).isEqualTo("2024-07-01T11:00:00");
        assertThat(store.signal("offset").get("occurred")).isEqualTo("2024-07-01T12:00:00");
    }

    @Test
    void rejectsRowsWithoutADateOrWithoutTextAndScores() {
        Path file = store.csv("required.csv", HEADER, "a,2024-03-05,,,,", "b,2024-03-05,,,,just words", "c,,5,,,");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.reasons()).containsExactly(Map.entry("missing date", 1L), Map.entry("no text or score", 1L));
    }

    @Test
    void rejectsOnlyTheRowWithInvalidUtf8() {
        byte[] before =
                (HEADER + "\na,2024-03-05,9,,,caf\u00e9 ok\nb,2024-03-05,9,,,bad ").getBytes(StandardCharsets.UTF_8);
        byte[] after = " byte\nc,2024-03-05,9,,,real \ufffd is fine\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[before.length + 1 + after.length];
        System.arraycopy(before, 0, content, 0, before.length);
        content[before.length] = (byte) 0xC3;
        System.arraycopy(after, 0, content, before.length + 1, after.length);

        ImportReport report = store.importFile(store.file("utf8.csv", content));

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reasons()).containsExactly(Map.entry("invalid UTF-8", 1L));
        assertThat(store.quarantinedLines()).containsExactly(3L);
        assertThat(store.signal("a").get("text")).isEqualTo("caf\u00e9 ok");
        assertThat(store.signal("c").get("text")).isEqualTo("real \ufffd is fine");
    }

    @Test
    void rejectsRowsWithTheWrongNumberOfFields() {
        Path file = store.csv(
                "fields.csv",
                HEADER,
                "a,2024-03-05,9,,,ok",
                "b,2024-03-05,9",
                "c,2024-03-05,9,,,too,many",
                "d,2024-03-05,9,,,ok");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reasons()).containsExactly(Map.entry("wrong number of fields", 2L));
        assertThat(store.quarantine().getFirst())
                .containsEntry("line", 3L)
                .containsEntry("raw", "b,2024-03-05,9")
                .containsEntry(
                        "message",
                        "fields.csv line 3: the row has 3 fields but the header has 6; quote values that contain ','"
                                + " or line breaks");
    }

    @Test
    void countsQuotedLineBreaksInLineNumbers() {
        Path file = store.csv(
                "multiline.csv",
                HEADER,
                "a,2024-03-05,9,,,\"first line",
                "second line",
                "third line\"",
                "b,2024-03-05,11,,,\"two",
                "lines\"",
                "c,2024-03-05,12,,,one line");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(store.signal("a").get("text")).isEqualTo("first line\nsecond line\nthird line");
        assertThat(store.quarantinedLines()).containsExactly(5L, 7L);
        assertThat(store.signal("a").get("provenance")).isEqualTo("multiline.csv");
        assertThat(store.signal("a").get("provenance_line")).isEqualTo(2L);
    }

    @Test
    void rejectsATenMegabyteFieldWithoutFailingTheImport() {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path file = store.csv(
                "huge.csv", HEADER, "a,2024-03-05,9,,,short", "b,2024-03-05,9,,," + huge, "c,2024-03-05,9,,,short");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reasons()).containsExactly(Map.entry("text too long", 1L));
        assertThat(store.quarantine().getFirst().get("message"))
                .isEqualTo("huge.csv line 3, field comment: the text has 10,485,760 characters; at most 100,000 are"
                        + " accepted");
    }

    @Test
    void reportsAnEmptyFileAsEmpty() {
        ImportReport report = store.importFile(store.file("empty.csv", ""));

        assertThat(report.rows()).isZero();
        assertThat(report.summary()).isEqualTo("empty.csv is empty: it has no header and no rows.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class))
                .isEqualTo(1);
    }

    @Test
    void reportsAHeaderOnlyFileAsHavingNoRows() {
        ImportReport report = store.importFile(store.csv("header.csv", HEADER));

        assertThat(report.rows()).isZero();
        assertThat(report.summary())
                .isEqualTo("header.csv has a header but no rows: id, date, nps, csat, ces, comment.");
    }

    @Test
    void readsAFileWithAByteOrderMark() {
        ImportReport report = store.importFile(store.file("bom.csv", "\ufeff" + HEADER + "\na,2024-03-05,9,,,ok\n"));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(store.signal("a").get("nps")).isNotNull();
    }

    @Test
    void importsJsonLinesAndRejectsTheBrokenLine() {
        Path file = store.file("chat.jsonl", """
                {"id": "j1", "created_at": "2024-03-05T10:00:00Z", "message": "Hello", "agent": "Sam"}
                {"id": "j2", "created_at": "2024-03-05T10:01:00Z", "message": "broken
                [1, 2]

                {"id": "j3", "created_at": "2024-03-05T10:02:00Z", "nps": 4, "attributes": {"queue": "cards"}}
                """);

        ImportReport report = store.importFile(file, "chat");

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.reasons()).containsExactly(Map.entry("invalid JSON", 1L), Map.entry("not a JSON object", 1L));
        assertThat(store.quarantinedLines()).containsExactly(2L, 3L);
        assertThat(store.signal("j1").get("attributes").toString()).isEqualTo("{\"agent\":\"Sam\"}");
        assertThat(store.signal("j3").get("attributes").toString()).isEqualTo("{\"queue\":\"cards\"}");
        assertThat(((Number) store.signal("j3").get("nps")).intValue()).isEqualTo(4);
    }

    @Test
    void aMappingFileOverridesTheAutomaticMapping() {
        Path mapping = store.file("mapping.properties", "nps=Rating\ntext=Notes\n");
        Path file = store.csv("mapped.csv", "id,date,Rating,Score,Notes", "a,2024-03-05,8,99,hello");

        ImportReport report =
                imports.importFile(new ImportRequest(file, null, "survey", mapping, null, "test"), ImportProgress.NONE);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(((Number) store.signal("a").get("nps")).intValue()).isEqualTo(8);
        assertThat(store.signal("a").get("attributes").toString()).isEqualTo("{\"Score\":\"99\"}");
    }

    @Test
    void refusesAMappingThatNamesAColumnTheFileLacks() {
        Path mapping = store.file("mapping.properties", "nps=Rating\n");
        Path file = store.csv("mapped.csv", HEADER, "a,2024-03-05,8,,,");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.importFile(
                        new ImportRequest(file, null, "survey", mapping, null, "test"), ImportProgress.NONE))
                .isInstanceOf(ImportException.class)
                .hasMessage("The mapping names columns that mapped.csv does not have: nps=Rating. Its columns are: id,"
                        + " date, nps, csat, ces, comment.");
        assertThat(store.signals()).isZero();
    }

    @Test
    void everyAcceptedRowIsInTheStore() {
        Path file = store.csv(
                "all.csv",
                HEADER,
                "a,2024-03-05,9,,,",
                "b,2024-03-05,,4,,",
                "c,2024-03-05,,,2,",
                "d,2024-03-05,,,,words");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(4);
        assertThat(store.externalIds()).containsExactly("a", "b", "c", "d");
        assertThat(jdbc.queryForObject("SELECT accepted FROM signal_import", Long.class))
                .isEqualTo(4);
    }
}
