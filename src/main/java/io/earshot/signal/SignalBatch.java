package io.earshot.signal;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Appends accepted rows to the {@code signal} table with DuckDB's Appender, inside the import's transaction (the
 * connection must already have run a statement in it, or the Appender commits on its own). Signal ids are time-ordered
 * (UUID version 7) from a fast seeded generator, as a secure random UUID per row would cost more than the rest of the
 * row.
 */
final class SignalBatch implements AutoCloseable {

    private final DuckDBAppender appender;
    private final String source;
    private final UUID importId;
    private final long receivedAtMicros;
    private final String provenancePrefix;
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final long idHigh;
    private long appended;

    SignalBatch(DuckDBConnection connection, UUID importId, String source, long receivedAtMicros, String fileName)
            throws SQLException {
        this.appender = connection.createAppender("signal");
        this.importId = importId;
        this.source = source;
        this.receivedAtMicros = receivedAtMicros;
        this.provenancePrefix = fileName + ":";
        this.idHigh = ((receivedAtMicros / 1_000) << 16) | 0x7000L;
    }

    void append(RowResult.Accepted row) throws SQLException {
        appender.beginRow();
        appender.appendUUID(idHigh | random.nextInt(0x1000), random.nextLong() >>> 2 | 0x8000_0000_0000_0000L);
        appender.append(source);
        appender.append(row.externalId());
        text(row.value(ImportField.CUSTOMER_ID));
        text(row.value(ImportField.ACCOUNT_ID));
        appender.appendEpochMicros(row.occurredAtMicros());
        appender.appendEpochMicros(receivedAtMicros);
        text(row.value(ImportField.CHANNEL));
        text(row.value(ImportField.TOUCHPOINT));
        text(row.value(ImportField.JOURNEY_STAGE));
        text(row.value(ImportField.PRODUCT));
        text(row.value(ImportField.REGION));
        text(row.value(ImportField.SEGMENT));
        score(row.nps());
        score(row.csat());
        score(row.ces());
        text(row.value(ImportField.TEXT));
        text(row.value(ImportField.LANGUAGE));
        text(row.attributes());
        appender.append(provenancePrefix + row.line());
        appender.append(importId);
        appender.endRow();
        appended++;
    }

    private void text(String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    private void score(Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.byteValue());
        }
    }

    long appended() {
        return appended;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }
}
