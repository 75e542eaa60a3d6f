package io.earshot.signal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stages accepted rows in CSV chunk files under the data directory, each loaded into {@code signal} with DuckDB's
 * parallel CSV reader inside the import's transaction (ADR 7). The import's reader thread writes a chunk while the
 * import's thread loads the previous one. DuckDB's Appender did the same work on the import's thread alone: most of it
 * is DuckDB compressing and writing row groups, which a parallel {@code INSERT … SELECT} spreads over its threads.
 *
 * <p>The format is ours and unambiguous: every text value is quoted, with {@code "} doubled, so that an empty
 * <em>unquoted</em> field can only mean {@code null} ({@code nullstr=''} with {@code allow_quoted_nulls=false}); a
 * quoted empty field is the empty string. Backslashes are plain characters. Rows end with {@code \n}; newlines inside
 * values are quoted. The occurrence time is epoch microseconds. Constant columns (source, reception time, import, the
 * provenance's file name) are parameters of the load statement, not written per row.
 *
 * <p>Every file created is deleted after its load, and at {@link #close()} whatever happened.
 */
final class SignalStage implements AutoCloseable {

    /**
     * Rows per chunk file by default: large enough for DuckDB to load one in parallel and write its row groups straight
     * to the database file (with 250,000, half the data was written at commit instead), small enough that loading
     * overlaps with reading the next.
     */
    static final int CHUNK = 500_000;

    private static final String COLUMNS =
            "{'id': 'UUID', 'line': 'BIGINT', 'external_id': 'VARCHAR', 'customer_id': 'VARCHAR',"
                    + " 'account_id': 'VARCHAR', 'occurred_at': 'BIGINT', 'channel': 'VARCHAR', 'touchpoint': 'VARCHAR',"
                    + " 'journey_stage': 'VARCHAR', 'product': 'VARCHAR', 'region': 'VARCHAR', 'segment': 'VARCHAR',"
                    + " 'nps': 'TINYINT', 'csat': 'TINYINT', 'ces': 'TINYINT', 'text': 'VARCHAR', 'language': 'VARCHAR',"
                    + " 'attributes': 'VARCHAR'}";

    private static final String LOAD = """
            INSERT INTO signal (id, source, external_id, customer_id, account_id, occurred_at, received_at, channel,
                                touchpoint, journey_stage, product, region, segment, nps, csat, ces, text, language,
                                attributes, provenance, provenance_line, import_id)
            SELECT id, ?, external_id, customer_id, account_id, make_timestamp(occurred_at),
                   make_timestamp(CAST(? AS BIGINT)), channel, touchpoint, journey_stage, product, region, segment,
                   nps, csat, ces, text, language, attributes, ?, line, ?
            FROM read_csv(%s, columns = %s, header = false, auto_detect = false, delim = ',', quote = '"',
                          escape = '"', nullstr = '', allow_quoted_nulls = false, new_line = '\\n',
                          strict_mode = true, max_line_size = %d, buffer_size = %d)""";

    /**
     * DuckDB's default longest line and read buffer, in bytes. A chunk with a longer row (its text is at most {@value
     * RowValidator#MAX_TEXT} characters, but unmapped columns are not limited) is read with both raised to fit it.
     */
    private static final long MAX_LINE = 2 << 20, BUFFER = 32 << 20;

    /** A finished chunk file and its longest row, in bytes. */
    record Chunk(Path file, long longestRow) {}

    /**
     * Lets DuckDB insert a chunk's rows in parallel in any order, which costs about 30% less CPU than the ordered load
     * (whose row groups are merged back into order). The setting is the session's; file order is kept in the ids instead.
     */
    private static final String ORDER_FREE = "SET preserve_insertion_order = false";

    private final Path directory;
    private final int chunkRows;
    private final long idHigh;
    private long idLow;
    private final Set<Path> files = ConcurrentHashMap.newKeySet();
    private StageWriter out;
    private Path current;
    private int rows;

    /**
     * @param chunkRows rows per chunk file
     * @param receivedAtMicros the import's time, the timestamp of every signal id (UUID version 7); the ids of one import
     *     increase in file order, which is how {@link ImportedRows} tells the first of repeated rows
     */
    SignalStage(Path directory, int chunkRows, long receivedAtMicros) {
        this.directory = directory;
        this.chunkRows = chunkRows;
        SecureRandom random = new SecureRandom();
        this.idHigh = ((receivedAtMicros / 1_000) << 16) | 0x7000L | random.nextInt(0x1000);
        // RFC 9562's monotonic random: a random start, incremented per row, with 2^61 rows of headroom.
        this.idLow = (random.nextLong() >>> 3) | 0x8000_0000_0000_0000L;
    }

    /** Writes one row to the current chunk, opening one if needed; {@code true} when the chunk is full. */
    boolean append(RowResult.Accepted row) throws IOException {
        if (out == null) {
            Files.createDirectories(directory);
            current = Files.createTempFile(directory, "import-", ".csv");
            files.add(current);
            out = new StageWriter(Files.newOutputStream(current));
            rows = 0;
        }
        StageWriter w = out;
        w.uuid(idHigh, idLow++);
        w.separator();
        w.number(row.line());
        w.separator();
        w.quoted(row.externalId());
        w.separator();
        text(w, row.value(ImportField.CUSTOMER_ID));
        text(w, row.value(ImportField.ACCOUNT_ID));
        w.number(row.occurredAtMicros());
        w.separator();
        text(w, row.value(ImportField.CHANNEL));
        text(w, row.value(ImportField.TOUCHPOINT));
        text(w, row.value(ImportField.JOURNEY_STAGE));
        text(w, row.value(ImportField.PRODUCT));
        text(w, row.value(ImportField.REGION));
        text(w, row.value(ImportField.SEGMENT));
        score(w, row.nps());
        score(w, row.csat());
        score(w, row.ces());
        text(w, row.value(ImportField.TEXT));
        text(w, row.value(ImportField.LANGUAGE));
        if (row.attributes() != null) {
            w.quoted(row.attributes());
        }
        w.endRow();
        return ++rows >= chunkRows;
    }

    /** Closes the current chunk and returns it, or {@code null} when no row was written since the last one. */
    Chunk finishChunk() throws IOException {
        if (out == null) {
            return null;
        }
        out.close();
        Chunk chunk = new Chunk(current, out.longestRow());
        out = null;
        current = null;
        return chunk;
    }

    /**
     * Loads a finished chunk into {@code signal} in the connection's open transaction, deletes it, and returns the rows
     * inserted. DuckDB may store the rows in any order (see {@link #ORDER_FREE}); their ids increase in file order.
     */
    long load(Connection connection, Chunk chunk, UUID importId, String source, long receivedAtMicros, String fileName)
            throws SQLException, IOException {
        long maxLine = Math.max(MAX_LINE, chunk.longestRow());
        String sql = LOAD.formatted(
                sqlText(chunk.file().toAbsolutePath().toString()), COLUMNS, maxLine, Math.max(BUFFER, 2 * maxLine));
        try (Statement settings = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            settings.execute(ORDER_FREE);
            insert.setString(1, source);
            insert.setLong(2, receivedAtMicros);
            insert.setString(3, fileName);
            insert.setObject(4, importId);
            try {
                return insert.executeLargeUpdate();
            } finally {
                settings.execute("RESET preserve_insertion_order");
            }
        } finally {
            delete(chunk.file());
        }
    }

    private void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        files.remove(file);
    }

    /** Closes the open chunk, if any, and deletes every file this stage created that is still there. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            failure = e;
        }
        out = null;
        for (Path file : Set.copyOf(files)) {
            try {
                delete(file);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static String sqlText(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static void text(StageWriter w, String value) throws IOException {
        if (value != null) {
            w.quoted(value);
        }
        w.separator();
    }

    private static void score(StageWriter w, Integer value) throws IOException {
        if (value != null) {
            w.number(value);
        }
        w.separator();
    }
}
