package io.earshot.text;

import io.earshot.platform.Remembered;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code theme} and {@code signal_theme} tables. Every change of them goes through {@link #change}: one at a time
 * (a recomputation's result, an analyst's edit and the assignment of arriving signals never interleave) and in one
 * transaction, so the tables are never seen half-written.
 */
@Repository
class StoredThemes {

    private static final String COLUMNS = "id, label, key_phrases, renamed, status, merged_into, split_from, centroid,"
            + " created_at, updated_at, edited_by, edited_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ReentrantLock lock = new ReentrantLock();

    /** The active themes' labels, read for every search's theme facet; forgotten by every change of themes. */
    private final Remembered<Map<String, String>> labels = new Remembered<>(this::readLabels);

    StoredThemes(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Runs {@code work} alone among changes of themes, in one transaction. */
    <T> T change(Supplier<T> work) {
        lock.lock();
        try {
            return transaction.execute(status -> {
                labels.forget();
                return work.get();
            });
        } finally {
            lock.unlock();
        }
    }

    /** The labels of the active themes, by id (as text, as the index and links carry it), in order of id. */
    Map<String, String> activeLabels() {
        return labels.get();
    }

    private Map<String, String> readLabels() {
        Map<String, String> active = new LinkedHashMap<>();
        jdbc.query("SELECT id, label FROM theme WHERE status = 'active' ORDER BY id", rs -> {
            active.put(Integer.toString(rs.getInt(1)), rs.getString(2));
        });
        return java.util.Collections.unmodifiableMap(active);
    }

    /** Every stored theme, whatever its status, by id. */
    List<StoredTheme> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM theme ORDER BY id", StoredThemes::theme);
    }

    Optional<StoredTheme> find(int id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM theme WHERE id = ?", StoredThemes::theme, id).stream()
                .findFirst();
    }

    /** The theme {@code id}, or an exception saying it does not exist. */
    StoredTheme get(int id) {
        return find(id).orElseThrow(() -> new NoSuchTheme(id));
    }

    boolean isEmpty() {
        return jdbc.queryForObject("SELECT count(*) FROM theme", Long.class) == 0;
    }

    /** The id the next new theme gets: ids are never reused, so a link to a theme never lands on another. */
    int nextId() {
        Integer max = jdbc.queryForObject("SELECT max(id) FROM theme", Integer.class);
        return max == null ? 1 : max + 1;
    }

    /** The signals of theme {@code id}. */
    List<UUID> members(int id) {
        return jdbc.queryForList("SELECT signal_id FROM signal_theme WHERE theme_id = ?", UUID.class, id);
    }

    /** Writes a theme, new or changed, as given. */
    void save(StoredTheme theme) {
        labels.forget();
        jdbc.update("DELETE FROM theme WHERE id = ?", theme.id());
        jdbc.update(
                "INSERT INTO theme (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS FLOAT[384]), ?, ?, ?, ?)",
                theme.id(),
                theme.label(),
                String.join(StoredTheme.SEPARATOR, theme.keyPhrases()),
                theme.renamed(),
                theme.status().value(),
                theme.mergedInto(),
                theme.splitFrom(),
                theme.centroid() == null ? null : literal(theme.centroid()),
                timestamp(theme.createdAt()),
                timestamp(theme.updatedAt()),
                theme.editedBy(),
                timestamp(theme.editedAt()));
    }

    /** Stores signals' themes, each with its similarity to the theme's centroid. */
    void assign(List<Object[]> signalThemeSimilarity) {
        jdbc.batchUpdate(
                "INSERT INTO signal_theme (signal_id, theme_id, similarity) VALUES (?, ?, ?)", signalThemeSimilarity);
    }

    /** The vector literal DuckDB casts to {@code FLOAT[384]}. */
    static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.valueOf(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static StoredTheme theme(ResultSet r, int row) throws SQLException {
        String phrases = r.getString("key_phrases");
        return new StoredTheme(
                r.getInt("id"),
                r.getString("label"),
                phrases.isEmpty() ? List.of() : Arrays.asList(phrases.split(" · ")),
                r.getBoolean("renamed"),
                ThemeStatus.of(r.getString("status")),
                (Integer) r.getObject("merged_into"),
                (Integer) r.getObject("split_from"),
                floats(r.getArray("centroid")),
                instant(r.getTimestamp("created_at")),
                instant(r.getTimestamp("updated_at")),
                r.getString("edited_by"),
                instant(r.getTimestamp("edited_at")));
    }

    static float[] floats(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }

    /** Asked for a theme that was never stored. */
    static final class NoSuchTheme extends RuntimeException {
        NoSuchTheme(int id) {
            super("There is no theme " + id + ": pick one from the list of themes");
        }
    }
}
