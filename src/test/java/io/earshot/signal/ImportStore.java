package io.earshot.signal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test fixtures: import files written into a temporary folder, and questions asked of the store afterwards. */
record ImportStore(Path dir, JdbcTemplate jdbc, SignalImports imports) {

    void clear() {
        jdbc.execute("DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import");
    }

    Path file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path file(String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CSV file of the given lines, each ended by a line feed. */
    Path csv(String name, String... lines) {
        return file(name, String.join("\n", lines) + "\n");
    }

    ImportReport importFile(Path file) {
        return importFile(file, "survey");
    }

    ImportReport importFile(Path file, String source) {
        return imports.importFile(
                new ImportRequest(file, null, source, null, ZoneOffset.UTC, "test"), ImportProgress.NONE);
    }

    long signals() {
        return jdbc.queryForObject("SELECT count(*) FROM signal", Long.class);
    }

    List<String> externalIds() {
        return jdbc.queryForList("SELECT external_id FROM signal ORDER BY external_id", String.class);
    }

    List<Map<String, Object>> quarantine() {
        return jdbc.queryForList("SELECT line, field, reason, message, raw FROM quarantine ORDER BY line");
    }

    List<Long> quarantinedLines() {
        return jdbc.queryForList("SELECT line FROM quarantine ORDER BY line", Long.class);
    }

    Map<String, Object> signal(String externalId) {
        return jdbc.queryForMap(
                "SELECT *, strftime(occurred_at, '%Y-%m-%dT%H:%M:%S') AS occurred FROM signal WHERE external_id = ?",
                externalId);
    }
}
