package io.earshot.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** Reads a derived table's rows of given signals and one model, 1,000 ids per query. */
final class ModelRows {

    private static final int IDS_PER_QUERY = 1_000;

    private ModelRows() {}

    /**
     * @param select a query up to {@code FROM table}, whose table has {@code signal_id} and {@code model} columns
     */
    static void read(
            JdbcTemplate jdbc, String select, Collection<UUID> signalIds, String model, RowCallbackHandler row) {
        List<UUID> ids = List.copyOf(signalIds);
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY));
            List<Object> parameters = new ArrayList<>(part);
            parameters.add(model);
            jdbc.query(
                    select + " WHERE signal_id IN ("
                            + String.join(",", part.stream().map(id -> "?").toList()) + ") AND model = ?",
                    row,
                    parameters.toArray());
        }
    }

    /** Those of {@code signalIds} that have a row of {@code model} in {@code table}. */
    static List<UUID> ids(JdbcTemplate jdbc, String table, Collection<UUID> signalIds, String model) {
        List<UUID> found = new ArrayList<>();
        read(jdbc, "SELECT DISTINCT signal_id FROM " + table, signalIds, model, r -> {
            found.add(r.getObject(1, UUID.class));
        });
        return found;
    }
}
