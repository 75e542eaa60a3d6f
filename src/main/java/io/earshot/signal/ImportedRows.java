package io.earshot.signal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Set-based SQL over the rows an import has just appended, run inside its transaction: numbers repeated content
 * hashes, then removes rows whose key repeats within the file or is already stored. The store keeps no unique index
 * (ADR 2): imports run one at a time and this is where uniqueness of {@code (source, external_id)} is enforced.
 */
final class ImportedRows {

    private ImportedRows() {}

    /** Removes the import's duplicate rows and returns how many there were. */
    static long removeDuplicates(Connection connection, UUID importId, String source) throws SQLException {
        long duplicates = 0;
        if (repeatedKeys(connection, importId) > 0) {
            numberRepeatedHashes(connection, importId);
            duplicates += update(connection, """
                    DELETE FROM signal WHERE import_id = ? AND id IN (
                      SELECT id FROM (
                        SELECT id, row_number() OVER (PARTITION BY external_id ORDER BY id) AS occurrence
                        FROM signal WHERE import_id = ?)
                      WHERE occurrence > 1)""", importId, importId);
        }
        if (earlierImportOf(connection, source, importId)) {
            duplicates += update(connection, """
                    DELETE FROM signal
                    WHERE import_id = ?
                      AND external_id IN (SELECT external_id FROM signal WHERE source = ? AND import_id <> ?)""", importId, source, importId);
        }
        return duplicates;
    }

    /**
     * Whether an earlier import of the source was recorded. Without one there is no stored signal of the source (every
     * signal is appended by an import, in the transaction that records it, and records are never deleted), so the
     * anti-join — a scan of the whole signal table — can be skipped: the common case of a first import into a new
     * source. {@code signal_import} holds a row per import, so this look-up stays cheap however many signals there are.
     */
    private static boolean earlierImportOf(Connection connection, String source, UUID importId) throws SQLException {
        try (PreparedStatement earlier = connection.prepareStatement(
                "SELECT EXISTS (SELECT 1 FROM signal_import WHERE source = ? AND id <> ?)")) {
            earlier.setString(1, source);
            earlier.setObject(2, importId);
            try (ResultSet result = earlier.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static long repeatedKeys(Connection connection, UUID importId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM (SELECT external_id FROM signal WHERE import_id = ? GROUP BY external_id"
                        + " HAVING count(*) > 1)")) {
            count.setObject(1, importId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /**
     * Gives the 2nd, 3rd, … row with the same content hash in this file the ids {@code …-2}, {@code …-3} in file order
     * (ids increase in file order within an import, see {@link SignalStage}; DuckDB may store the rows in any order). Done here rather than while reading because counting occurrences in Java would need every
     * hash of the file in memory; in SQL it touches only the repeated ones.
     */
    static void numberRepeatedHashes(Connection connection, UUID importId) throws SQLException {
        update(connection, """
                UPDATE signal SET external_id = left(signal.external_id, length(signal.external_id) - 1)
                                                || numbered.occurrence
                FROM (
                  SELECT id, row_number() OVER (PARTITION BY external_id ORDER BY id) AS occurrence
                  FROM signal
                  WHERE import_id = ? AND starts_with(external_id, 'sha256-')
                    AND external_id IN (
                      SELECT external_id FROM signal WHERE import_id = ? GROUP BY external_id HAVING count(*) > 1)
                ) AS numbered
                WHERE signal.id = numbered.id AND numbered.occurrence > 1""", importId, importId);
    }

    private static long update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeLargeUpdate();
        }
    }
}
