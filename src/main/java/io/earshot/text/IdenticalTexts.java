package io.earshot.text;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Copies a derived table's rows of one model from a signal to other signals with the identical text: what was computed
 * from a text once serves every signal that says the same (many surveys and chats repeat short answers word for word).
 */
final class IdenticalTexts {

    private IdenticalTexts() {}

    /**
     * For each of {@code signalIds} that has no row of {@code model} in {@code table} yet, copies the rows of the
     * signal with the smallest id among those with the identical text and rows of that model; returns the rows inserted.
     *
     * @param table a derived table with {@code signal_id} and {@code model} columns
     * @param columns its other columns, comma-separated
     */
    static int copy(JdbcTemplate jdbc, String table, String columns, String model, List<UUID> signalIds) {
        if (signalIds.isEmpty()) {
            return 0;
        }
        String copied = String.join(
                ", ",
                java.util.Arrays.stream(columns.split(","))
                        .map(c -> "t." + c.strip())
                        .toList());
        String sql = "INSERT INTO " + table + " (signal_id, model, " + columns + ")"
                + " SELECT m.id, t.model, " + copied
                + " FROM (SELECT m.id, min(d.id) AS donor"
                + "   FROM signal m JOIN signal d ON d.text = m.text AND d.id <> m.id"
                + "   WHERE m.id IN ("
                + String.join(",", signalIds.stream().map(id -> "?").toList()) + ")"
                + "     AND EXISTS (SELECT 1 FROM " + table + " x WHERE x.signal_id = d.id AND x.model = ?)"
                + "     AND NOT EXISTS (SELECT 1 FROM " + table + " o WHERE o.signal_id = m.id AND o.model = ?)"
                + "   GROUP BY m.id) m"
                + " JOIN " + table + " t ON t.signal_id = m.donor AND t.model = ?";
        List<Object> parameters = new ArrayList<>(signalIds);
        parameters.add(model);
        parameters.add(model);
        parameters.add(model);
        return jdbc.update(sql, parameters.toArray());
    }
}
