package io.earshot.signal;

import jakarta.annotation.PreDestroy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Runs the imports started from the Imports page in the background, one after another, and remembers the last 100. */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    private static final int REMEMBERED = 100;

    private final SignalImports imports;
    private final Uploads uploads;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("page-import").daemon().factory());
    private final Map<UUID, ImportJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ImportJob> eldest) {
            return size() > REMEMBERED;
        }
    });

    ImportJobs(SignalImports imports, Uploads uploads) {
        this.imports = imports;
        this.uploads = uploads;
    }

    ImportJob start(ImportRequest request, UUID upload) {
        ImportJob job = new ImportJob(request.fileName());
        jobs.put(job.id(), job);
        runner.execute(() -> {
            try {
                job.finish(imports.importFile(request, job));
            } catch (ImportException e) {
                job.fail(e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Import of {} failed", request.fileName(), e);
                job.fail("The import failed and nothing was imported: " + e.getMessage());
            } finally {
                uploads.delete(upload);
            }
        });
        return job;
    }

    Optional<ImportJob> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
