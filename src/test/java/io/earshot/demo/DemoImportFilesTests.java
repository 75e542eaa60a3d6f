package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.earshot.signal.ImportReport;
import io.earshot.signal.ImportRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the demo hands to the importer, checked without a store: one CSV per source, named like the signal fields. */
class DemoImportFilesTests {

    record Seen(ImportRequest request, List<NamedCsvRecord> rows) {}

    @Test
    void importsOneCsvPerSourceWithSignalFieldHeadersAndRemovesIt(@TempDir Path dataDir) throws IOException {
        List<Seen> seen = new ArrayList<>();
        DemoCompany demo = new DemoCompany(
                (request, progress) -> {
                    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(request.file())) {
                        seen.add(new Seen(request, csv.stream().toList()));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    progress.update(1, 1, seen.getLast().rows().size());
                    return new ImportReport(
                            UUID.randomUUID(),
                            request.source(),
                            request.fileName(),
                            seen.getLast().rows().size(),
                            0,
                            0,
                            Map.of(),
                            Duration.ZERO,
                            List.of(),
                            Map.of());
                },
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                dataDir,
                null,
                null);
        List<String> said = new ArrayList<>();

        List<ImportReport> reports = demo.load(demo.today(), said::add);

        assertThat(demo.today()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(seen).extracting(s -> s.request().source()).containsExactly("survey", "chat", "ticket", "review");
        assertThat(seen).extracting(s -> s.rows().size()).containsExactly(22_000, 14_000, 11_000, 3_000);
        assertThat(seen).allSatisfy(s -> {
            assertThat(s.request().file().getParent()).isEqualTo(dataDir);
            assertThat(s.request().fileName()).isEqualTo("demo-" + s.request().source() + ".csv");
            assertThat(s.rows().getFirst().getHeader()).containsExactlyElementsOf(DemoCsv.HEADER);
        });
        NamedCsvRecord first = seen.getFirst().rows().getFirst();
        assertThat(first.getField("external_id")).isEqualTo("NPS-000001");
        assertThat(Instant.parse(first.getField("occurred_at"))).isBefore(Instant.parse("2025-06-02T00:00:00Z"));
        assertThat(Integer.parseInt(first.getField("nps"))).isBetween(0, 10);
        assertThat(reports.stream().mapToLong(ImportReport::accepted).sum()).isEqualTo(50_000);
        assertThat(said).anyMatch(line -> line.contains("survey: 22,000 new"));
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("temporary import files are removed").isEmpty();
        }
    }
}
