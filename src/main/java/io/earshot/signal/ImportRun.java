package io.earshot.signal;

import io.earshot.access.Redactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.duckdb.DuckDBConnection;
import tools.jackson.databind.ObjectMapper;

/**
 * One import inside an open transaction: records it, streams the rows through validation into staged chunks loaded
 * into {@code signal} and into the quarantine's appender, removes duplicates in SQL and completes the record with the
 * counts. The caller commits or rolls back.
 */
final class ImportRun {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportRun.class);

    private final ImportHistory history;
    private final ObjectMapper json;
    private final Clock clock;
    private final Path staging;
    private final int chunkRows;

    /**
     * @param staging where accepted rows are staged in chunk files before they are loaded (see {@link SignalStage})
     * @param chunkRows rows per chunk file
     */
    ImportRun(ImportHistory history, ObjectMapper json, Clock clock, Path staging, int chunkRows) {
        this.staging = staging;
        this.chunkRows = chunkRows;
        this.history = history;
        this.json = json;
        this.clock = clock;
    }

    ImportReport run(Connection connection, ImportInput input, ImportProgress progress)
            throws SQLException, IOException {
        ImportRequest request = input.request();
        UUID importId = UUID.randomUUID();
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        // The record's INSERT opens the transaction that the quarantine's Appender and the chunk loads then join.
        history.start(connection, importId, request, input.format(), started);
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        long receivedAt = started.getEpochSecond() * 1_000_000L + started.getNano() / 1_000;
        Map<String, Long> reasons = new HashMap<>();
        long rows = 0, rejected = 0, appended = 0;
        List<String> notes = new ArrayList<>();
        Map<String, Long> redacted;
        Utf8Reader text = new Utf8Reader(input.stream());
        try (RowSource source = input.format().open(text, json, input.rules(), request.fileName(), input.strict());
                SignalStage signals = new SignalStage(staging, chunkRows, receivedAt);
                QuarantineBatch quarantine = new QuarantineBatch(duck, importId)) {
            RowValidator validator =
                    new RowValidator(request.fileName(), request.zone(), source, input.redactor(), json);
            try (RowPipeline pipeline = new RowPipeline(source, validator, signals, text, input.size(), progress)) {
                for (RowPipeline.Handoff batch = pipeline.next(); batch != null; batch = pipeline.next()) {
                    for (RowResult.Rejected rejection : batch.rejected()) {
                        quarantine.append(rejection);
                        reasons.merge(rejection.reason(), 1L, Long::sum);
                        rejected++;
                    }
                    if (batch.chunk() != null) {
                        appended += signals.load(
                                connection, batch.chunk(), importId, request.source(), receivedAt, request.fileName());
                    }
                }
                rows = pipeline.rows();
            }
            redacted = validator.redacted();
            if (source.empty()) {
                notes.add(request.fileName() + " is empty: it has no header and no rows.");
            } else if (rows == 0) {
                notes.add(
                        request.fileName() + " has a header but no rows: " + String.join(", ", source.headers()) + ".");
            }
        }
        progress.update(text.bytesRead(), input.size(), rows);
        long appendedAt = System.nanoTime();
        long duplicates = ImportedRows.removeDuplicates(connection, importId, request.source());
        log.debug(
                "{}: read and appended {} rows in {} ms, removed {} duplicates in {} ms",
                request.fileName(),
                rows,
                (appendedAt - startedNanos) / 1_000_000,
                duplicates,
                (System.nanoTime() - appendedAt) / 1_000_000);
        Instant finished = clock.instant();
        ImportReport report = new ImportReport(
                importId,
                request.source(),
                request.fileName(),
                appended - duplicates,
                duplicates,
                rejected,
                mostFrequentFirst(reasons),
                Duration.between(started, finished),
                notes,
                redacted);
        history.finish(connection, importId, text.sha256(), finished, report);
        return report;
    }

    private static Map<String, Long> mostFrequentFirst(Map<String, Long> reasons) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /**
     * What to read: the request, its content, how it is laid out and mapped.
     *
     * @param size the content's length in bytes, or -1 when unknown
     * @param strict whether malformed JSON fails the whole import (API bodies) rather than one row
     * @param redactor the personal data to replace in the source's texts (see {@code SourcePolicies})
     */
    record ImportInput(
            ImportRequest request,
            InputStream stream,
            long size,
            ImportFormat format,
            MappingRules rules,
            boolean strict,
            Redactor redactor) {}
}
