package io.earshot.signal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The record of every import ({@code signal_import}) and its quarantined rows. */
@Repository
class ImportHistory {

    private static final TypeReference<LinkedHashMap<String, Long>> REASONS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ImportHistory(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a started import; the first statement of the import's transaction. */
    void start(Connection connection, UUID id, ImportRequest request, ImportFormat format, Instant startedAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO signal_import (id, source, file_name, content_sha256, format, started_at, finished_at, accepted,"
                        + " duplicates, rejected, imported_by, reasons) VALUES (?, ?, ?, '', ?, ?, ?, 0, 0, 0, ?, '{}')")) {
            insert.setObject(1, id);
            insert.setString(2, request.source());
            insert.setString(3, request.fileName());
            insert.setString(4, format.key());
            insert.setObject(5, utc(startedAt));
            insert.setObject(6, utc(startedAt));
            insert.setString(7, request.importedBy());
            insert.executeUpdate();
        }
    }

    void finish(Connection connection, UUID id, String sha256, Instant finishedAt, ImportReport report)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE signal_import SET content_sha256 = ?, finished_at = ?, accepted = ?, duplicates = ?,"
                        + " rejected = ?, reasons = ?, redacted = ? WHERE id = ?")) {
            update.setString(1, sha256);
            update.setObject(2, utc(finishedAt));
            update.setLong(3, report.accepted());
            update.setLong(4, report.duplicates());
            update.setLong(5, report.rejected());
            update.setString(6, json.writeValueAsString(report.reasons()));
            update.setString(7, json.writeValueAsString(report.redacted()));
            update.setObject(8, id);
            update.executeUpdate();
        }
    }

    List<ImportRecord> page(int page, int size) {
        return jdbc.query(
                "SELECT * FROM signal_import ORDER BY started_at DESC, id LIMIT ? OFFSET ?",
                this::record,
                size,
                (long) page * size);
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class);
        return count == null ? 0 : count;
    }

    Optional<ImportRecord> find(UUID id) {
        return jdbc.query("SELECT * FROM signal_import WHERE id = ?", this::record, id).stream()
                .findFirst();
    }

    private ImportRecord record(java.sql.ResultSet row, int n) throws SQLException {
        return new ImportRecord(
                row.getObject("id", UUID.class),
                row.getString("source"),
                row.getString("file_name"),
                row.getString("format"),
                row.getString("content_sha256"),
                instant(row.getTimestamp("started_at")),
                instant(row.getTimestamp("finished_at")),
                row.getLong("accepted"),
                row.getLong("duplicates"),
                row.getLong("rejected"),
                row.getString("imported_by"),
                reasons(row.getString("reasons")));
    }

    /** The quarantined rows of an import in file order: line, field, reason, message, raw. */
    void quarantine(UUID importId, RowCallbackHandler rows) {
        jdbc.query(
                "SELECT line, field, reason, message, raw FROM quarantine WHERE import_id = ? ORDER BY line",
                rows,
                importId);
    }

    private Map<String, Long> reasons(String text) {
        return text == null || text.isBlank() ? Map.of() : json.readValue(text, REASONS);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
