package io.earshot.signal;

import java.sql.SQLException;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Appends rejected rows, raw text and all, to the {@code quarantine} table inside the import's transaction. */
final class QuarantineBatch implements AutoCloseable {

    private final DuckDBAppender appender;
    private final UUID importId;

    QuarantineBatch(DuckDBConnection connection, UUID importId) throws SQLException {
        this.appender = connection.createAppender("quarantine");
        this.importId = importId;
    }

    void append(RowResult.Rejected row) throws SQLException {
        appender.beginRow();
        appender.append(importId);
        appender.append(row.line());
        if (row.field() == null) {
            appender.appendNull();
        } else {
            appender.append(row.field());
        }
        appender.append(row.reason());
        appender.append(row.raw());
        appender.append(row.message());
        appender.endRow();
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
