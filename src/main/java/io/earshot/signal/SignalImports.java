package io.earshot.signal;

import io.earshot.access.Audit;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports files of signals into the store: parses, maps, validates, quarantines bad rows, skips signals already stored,
 * records the import and publishes {@link SignalsIngested}. Imports run one at a time, each in one transaction: a
 * failure leaves nothing of it behind, and running it again completes it.
 */
@Service
public class SignalImports {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SignalImports.class);

    private final DataSource store;
    private final ImportRun run;
    private final ApplicationEventPublisher events;
    private final Audit audit;
    private final SignalWriteLock oneAtATime;

    SignalImports(
            DataSource store,
            ImportHistory history,
            ObjectMapper json,
            Clock clock,
            ApplicationEventPublisher events,
            Audit audit,
            SignalWriteLock oneAtATime,
            @Value("${earshot.data-dir}") Path dataDir,
            @Value("${earshot.import.chunk-rows:" + SignalStage.CHUNK + "}") int chunkRows) {
        this.store = store;
        this.run = new ImportRun(history, json, clock, dataDir.resolve("staging"), chunkRows);
        this.events = events;
        this.audit = audit;
        this.oneAtATime = oneAtATime;
        removeLeftoverChunks(dataDir.resolve("staging"));
    }

    /**
     * Deletes chunk files that an import killed mid-way left behind; its transaction was rolled back with them. Safe
     * because this process holds the store's file lock once it has a connection: no other process imports here.
     */
    private void removeLeftoverChunks(Path staging) {
        try (Connection lock = store.getConnection();
                var leftovers =
                        Files.isDirectory(staging) ? Files.list(staging) : java.util.stream.Stream.<Path>empty()) {
            for (Path file : leftovers.toList()) {
                Files.deleteIfExists(file);
                log.info("Removed {}, left behind by an import that did not finish", file);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot clear the staging directory " + staging, e);
        }
    }

    /**
     * Imports one CSV or JSON Lines file and reports what became of every row.
     *
     * @throws ImportException when the file or its mapping cannot be read at all
     */
    public ImportReport importFile(ImportRequest request, ImportProgress progress) {
        MappingRules rules = request.mapping() == null ? MappingRules.AUTOMATIC : MappingFile.read(request.mapping());
        try (InputStream in = Files.newInputStream(request.file())) {
            ImportFormat format = ImportFormat.of(request.fileName(), request.file());
            long size = Files.size(request.file());
            return importInput(new ImportRun.ImportInput(request, in, size, format, rules, false), progress);
        } catch (NoSuchFileException e) {
            throw new ImportException("The file " + request.file() + " does not exist.");
        } catch (IOException e) {
            throw new ImportException("Cannot read " + request.file() + ": " + e.getMessage(), 0, 0, e);
        }
    }

    /**
     * Imports a request body of the API: a JSON array of objects, or JSON Lines. Malformed JSON fails the whole body
     * with its line and column, as a client can correct and resend it.
     *
     * @param jsonLines whether the body is JSON Lines; otherwise it is told by its first character
     */
    ImportReport importBody(ImportRequest request, InputStream body, boolean jsonLines) {
        try {
            InputStream in = new BufferedInputStream(body, 1 << 16);
            ImportFormat format = ImportFormat.JSON_LINES;
            if (!jsonLines) {
                in.mark(4096);
                format = ImportFormat.sniff(in);
                in.reset();
                format = format == ImportFormat.CSV ? ImportFormat.JSON_ARRAY : format;
            }
            return importInput(
                    new ImportRun.ImportInput(request, in, -1, format, MappingRules.AUTOMATIC, true),
                    ImportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs one import in one transaction, holding the lock that makes imports the single writer of signals. */
    ImportReport importInput(ImportRun.ImportInput input, ImportProgress progress) {
        ImportReport report;
        oneAtATime.lock();
        try (Connection connection = store.getConnection()) {
            connection.setAutoCommit(false);
            try {
                report = run.run(connection, input, progress);
                long committing = System.nanoTime();
                connection.commit();
                log.debug(
                        "{}: committed in {} ms",
                        input.request().fileName(),
                        (System.nanoTime() - committing) / 1_000_000);
            } catch (IOException | SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (IOException e) {
            throw new ImportException(
                    "Reading " + input.request().fileName() + " failed, nothing was imported: " + e.getMessage(),
                    0,
                    0,
                    e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The store refused the import of " + input.request().fileName() + ", nothing was imported: "
                            + e.getMessage(),
                    e);
        } finally {
            oneAtATime.unlock();
        }
        audit.record(
                input.request().importedBy() == null
                        ? "unknown"
                        : input.request().importedBy(),
                "import",
                report.source() + ":" + report.fileName(),
                "import=%s, accepted=%d, duplicates=%d, rejected=%d"
                        .formatted(report.importId(), report.accepted(), report.duplicates(), report.rejected()),
                Audit.currentOrigin());
        if (report.accepted() > 0) {
            events.publishEvent(new SignalsIngested(report.importId(), report.source(), report.accepted()));
        }
        return report;
    }
}
