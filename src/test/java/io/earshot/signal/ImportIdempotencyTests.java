package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.TemporaryStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ImportIdempotencyTests {

    @TempDir
    Path files;

    /** Collects the events an import publishes. */
    static class Published {
        final List<SignalsIngested> events = new ArrayList<>();

        @EventListener
        void on(SignalsIngested event) {
            events.add(event);
        }
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Published published() {
            return new Published();
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignalImports imports;

    @Autowired
    Published published;

    ImportStore store;

    @BeforeEach
    void emptyStore() {
        store = new ImportStore(files, jdbc, imports);
        store.clear();
        published.events.clear();
    }

    @Test
    void reimportingAFileAddsNothing() {
        Path file = store.csv("ids.csv", "id,date,nps", "a,2024-03-05,9", "b,2024-03-05,3", "c,2024-03-05,7");
        store.importFile(file);

        ImportReport again = store.importFile(file);

        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(again.summary()).isEqualTo("All 3 rows were already imported; nothing was added.");
        assertThat(store.signals()).isEqualTo(3);
    }

    @Test
    void twoIdenticalRowsWithoutIdsAreTwoSignalsAndReimportingAddsNothing() {
        Path file = store.csv(
                "no-ids.csv", "date,nps,comment", "2024-03-05,9,same", "2024-03-05,9,same", "2024-03-05,4,other");

        ImportReport first = store.importFile(file);
        ImportReport again = store.importFile(file);

        assertThat(first.accepted()).isEqualTo(3);
        assertThat(store.externalIds())
                .hasSize(3)
                .allMatch(id -> id.matches("sha256-[0-9a-f]{64}-[12]"))
                .filteredOn(id -> id.endsWith("-2"))
                .hasSize(1);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(3);
        assertThat(store.signals()).isEqualTo(3);
    }

    @Test
    void aFileWithOneMoreCopyOfARowAddsOnlyThatCopy() {
        store.importFile(store.csv("one.csv", "date,nps,comment", "2024-03-05,9,same"));

        ImportReport report =
                store.importFile(store.csv("two.csv", "date,nps,comment", "2024-03-05,9,same", "2024-03-05,9,same"));

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.duplicates()).isEqualTo(1);
    }

    @Test
    void anIdRepeatedWithinAFileIsADuplicateOfItsFirstRow() {
        ImportReport report = store.importFile(
                store.csv("repeat.csv", "id,date,nps", "a,2024-03-05,9", "a,2024-03-06,1", "b,2024-03-05,5"));

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(((Number) store.signal("a").get("nps")).intValue()).isEqualTo(9);
    }

    @Test
    void theSameIdFromAnotherSourceIsAnotherSignal() {
        Path file = store.csv("ids.csv", "id,date,nps", "a,2024-03-05,9");
        store.importFile(file, "survey");

        ImportReport report = store.importFile(file, "review");

        assertThat(report.accepted()).isEqualTo(1);
    }

    @Test
    void reimportingIntoASourceFindsItsDuplicatesWhateverOtherSourcesHold() {
        // The first import of a source skips the anti-join (nothing of that source is stored yet); the second must not.
        Path file = store.csv("ids.csv", "id,date,nps", "a,2024-03-05,9", "b,2024-03-06,7");
        store.importFile(file, "survey");
        ImportReport first = store.importFile(file, "review");

        ImportReport again = store.importFile(file, "review");

        assertThat(first.accepted()).isEqualTo(2);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(2);
    }

    @Test
    void publishesSignalsIngestedOnlyWhenSignalsWereAdded() {
        Path file = store.csv("ids.csv", "id,date,nps", "a,2024-03-05,9", "b,2024-03-05,3");

        ImportReport first = store.importFile(file);
        store.importFile(file);

        assertThat(published.events).containsExactly(new SignalsIngested(first.importId(), "survey", 2));
    }

    @Test
    void aFailureWhileReadingLeavesNothingOfTheImportBehind() {
        StringBuilder csv = new StringBuilder("id,date,nps,comment\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("r").append(i).append(",2024-03-05,").append(i % 12).append(",some words\n");
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportRequest request =
                new ImportRequest(files.resolve("failing.csv"), null, "survey", null, ZoneOffset.UTC, null);
        var input = new ImportRun.ImportInput(
                request,
                new FailingAfter(content, content.length - 1000),
                content.length,
                ImportFormat.CSV,
                MappingRules.AUTOMATIC,
                false,
                io.earshot.access.Redactor.of(java.util.EnumSet.allOf(io.earshot.access.PiiKind.class)));
        long[] rowsSeen = {0};

        assertThatThrownBy(() -> imports.importInput(input, (read, total, rows) -> rowsSeen[0] = rows))
                .isInstanceOf(ImportException.class)
                .hasMessageContaining("nothing was imported")
                .hasMessageContaining("disk went away");

        assertThat(rowsSeen[0]).as("rows were appended before the failure").isGreaterThan(40_000);
        assertThat(store.signals()).isZero();
        assertThat(store.quarantine()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class))
                .isZero();
        assertThat(published.events).isEmpty();

        ImportReport rerun = store.importFile(store.file("failing.csv", content));
        assertThat(rerun.accepted()).isEqualTo(45_834);
        assertThat(rerun.rejected()).isEqualTo(4_166);
    }

    /** A stream that serves part of its content and then fails, like a file on a disk that disappears. */
    static final class FailingAfter extends InputStream {
        private final InputStream content;
        private long left;

        FailingAfter(byte[] content, long failAfter) {
            this.content = new ByteArrayInputStream(content);
            this.left = failAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                throw new IOException("disk went away");
            }
            int n = content.read(buffer, offset, (int) Math.min(length, left));
            left -= n;
            return n;
        }
    }
}
