package io.earshot.programme;

import io.earshot.access.DataScopes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signals an insight may link to: those in the store that the viewer's data scope lets them see. It reads the
 * signal table directly because the signal module offers no look-up by id; only ids and texts are read.
 */
@Component
class SignalReferences {

    /** What a page shows for a signal with no words (a score alone). */
    static final String NO_WORDS = "(a score without words)";

    private final JdbcTemplate jdbc;
    private final DataScopes scopes;

    SignalReferences(JdbcTemplate jdbc, DataScopes scopes) {
        this.jdbc = jdbc;
        this.scopes = scopes;
    }

    /** The texts of those of {@code ids} the viewer may see, by id; the others are left out. */
    Map<UUID, String> visible(Collection<UUID> ids) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return texts;
        }
        List<Object> parameters = new ArrayList<>(ids);
        String marks = String.join(", ", ids.stream().map(id -> "?").toList());
        String scope = scopes.current().sql(parameters);
        jdbc.query(
                "SELECT DISTINCT CAST(id AS VARCHAR) AS id, text FROM signal WHERE id IN (" + marks + ") AND " + scope,
                row -> {
                    String text = row.getString("text");
                    texts.put(UUID.fromString(row.getString("id")), text == null || text.isBlank() ? NO_WORDS : text);
                },
                parameters.toArray());
        return texts;
    }

    /** Refuses when any of {@code ids} is not a signal the viewer may see, naming the first such id. */
    void requireVisible(Collection<UUID> ids) {
        Map<UUID, String> found = visible(ids);
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw new IllegalArgumentException("Signal " + id + " does not exist or is outside the data you may"
                        + " see; paste the id of a signal from search or the verbatims");
            }
        }
    }
}
