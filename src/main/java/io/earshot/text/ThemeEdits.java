package io.earshot.text;

import io.earshot.access.Audit;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What analysts do to themes: rename, merge, split, delete, and restore a deleted one. Each edit is one transaction,
 * records who made it and when on the theme and in the audit log, and is kept in the theme's status so that a
 * recomputation honours it ({@link ThemeRecomputation}). A request that cannot be done is refused with an
 * {@link IllegalArgumentException} that says why; nothing is changed then.
 */
@Service
public class ThemeEdits {

    /** The longest label. */
    static final int MAX_LABEL = 80;

    /** The most parts a split may make. */
    static final int MAX_PARTS = 10;

    private final JdbcTemplate jdbc;
    private final StoredThemes themes;
    private final SignalEmbeddings embeddings;
    private final ThemeAssignment assignment;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThemeEdits(
            JdbcTemplate jdbc,
            StoredThemes themes,
            SignalEmbeddings embeddings,
            ThemeAssignment assignment,
            Audit audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.themes = themes;
        this.embeddings = embeddings;
        this.assignment = assignment;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Names theme {@code id}; a recomputation keeps the name. */
    public void rename(int id, String label, String actor) {
        String name = label == null ? "" : label.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("A theme's name cannot be empty: write a few words");
        }
        if (name.length() > MAX_LABEL) {
            throw new IllegalArgumentException(
                    "A theme's name must be at most " + MAX_LABEL + " characters, this one has " + name.length());
        }
        List<UUID> members = themes.change(() -> {
            StoredTheme theme = editable(id, "renamed");
            themes.save(edited(theme, name, true, theme.status(), theme.mergedInto(), theme.centroid(), actor));
            return themes.members(id);
        });
        audit.record("theme.rename", "theme:" + id, name);
        events.publishEvent(ThemesChanged.of(members));
    }

    /**
     * Moves the signals of theme {@code from} into theme {@code into}; {@code from} is kept as merged, so that a
     * recomputation finding it again gives its signals to {@code into}.
     */
    public void merge(int from, int into, String actor) {
        if (from == into) {
            throw new IllegalArgumentException("A theme cannot be merged into itself: choose another theme");
        }
        List<UUID> moved = themes.change(() -> {
            StoredTheme source = editable(from, "merged");
            StoredTheme target = editable(into, "merged into");
            List<UUID> members = themes.members(from);
            jdbc.update("UPDATE signal_theme SET theme_id = ? WHERE theme_id = ?", into, from);
            jdbc.update("UPDATE theme SET merged_into = ? WHERE merged_into = ? AND status = 'merged'", into, from);
            themes.save(edited(
                    source, source.label(), source.renamed(), ThemeStatus.MERGED, into, source.centroid(), actor));
            float[] centroid = centroidOf(themes.members(into), target.centroid());
            themes.save(edited(target, target.label(), target.renamed(), ThemeStatus.ACTIVE, null, centroid, actor));
            refreshSimilarity(into);
            return members;
        });
        audit.record("theme.merge", "theme:" + from, "into theme " + into + ", " + moved.size() + " signals");
        events.publishEvent(ThemesChanged.of(moved));
    }

    /**
     * Splits theme {@code id} into {@code parts} new themes by clustering its signals again; the theme is kept as
     * split, so that a recomputation finding it again gives each signal to the nearest part. Returns the new ids.
     */
    public List<Integer> split(int id, int parts, String actor) {
        if (parts < 2 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("A theme splits into 2 to " + MAX_PARTS + " parts, not " + parts);
        }
        record Split(List<Integer> ids, List<UUID> members) {}
        Split split = themes.change(() -> {
            StoredTheme theme = editable(id, "split");
            List<UUID> members = themes.members(id);
            Map<UUID, float[]> vectors = embeddings.vectors(members);
            Map<UUID, String> texts = texts(members);
            List<UUID> ids = members.stream()
                    .filter(vectors::containsKey)
                    .filter(texts::containsKey)
                    .toList();
            List<String> words = ids.stream().map(texts::get).toList();
            List<float[]> points = ids.stream().map(vectors::get).toList();
            long readable = words.stream().filter(ThemeDiscovery::hasWords).count();
            if (readable < parts) {
                throw new IllegalArgumentException("Theme " + id + " has " + readable
                        + " signals with words: too few to split into " + parts + " parts");
            }
            Themes found = ThemeDiscovery.discover(words, points, parts);
            Instant now = clock.instant();
            int next = themes.nextId();
            List<Integer> created = new ArrayList<>();
            jdbc.update("DELETE FROM signal_theme WHERE theme_id = ?", id);
            List<Object[]> rows = new ArrayList<>();
            for (Theme part : found.themes()) {
                if (part.id() == Theme.NO_TEXT) {
                    continue;
                }
                int newId = next + part.id() - 1;
                List<Integer> indexes = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (found.themeOf(i) == part.id()) {
                        indexes.add(i);
                    }
                }
                float[] centroid = ThemeRecomputation.centroid(indexes, points);
                themes.save(new StoredTheme(
                        newId,
                        StoredTheme.labelOf(part.keyPhrases(), newId),
                        part.keyPhrases(),
                        false,
                        ThemeStatus.ACTIVE,
                        null,
                        id,
                        centroid,
                        now,
                        now,
                        actor,
                        now));
                for (int i : indexes) {
                    rows.add(new Object[] {ids.get(i), newId, (double) Embedder.similarity(points.get(i), centroid)});
                }
                created.add(newId);
            }
            themes.assign(rows);
            themes.save(
                    edited(theme, theme.label(), theme.renamed(), ThemeStatus.SPLIT, null, theme.centroid(), actor));
            return new Split(created, members);
        });
        audit.record("theme.split", "theme:" + id, "into themes " + split.ids());
        events.publishEvent(ThemesChanged.of(split.members()));
        return split.ids();
    }

    /**
     * Deletes theme {@code id}: its signals lose their theme, and a recomputation finding it again leaves them without
     * one.
     */
    public void delete(int id, String actor) {
        List<UUID> members = themes.change(() -> {
            StoredTheme theme = editable(id, "deleted");
            List<UUID> ids = themes.members(id);
            jdbc.update("DELETE FROM signal_theme WHERE theme_id = ?", id);
            themes.save(
                    edited(theme, theme.label(), theme.renamed(), ThemeStatus.DELETED, null, theme.centroid(), actor));
            return ids;
        });
        audit.record("theme.delete", "theme:" + id, members.size() + " signals left without a theme");
        events.publishEvent(ThemesChanged.of(members));
    }

    /**
     * Brings deleted theme {@code id} back, active under its name. It gets the signals without a theme whose nearest
     * theme it now is, near enough, by the rule for signals arriving ({@link ThemeAssignment}): its former members and
     * the signals that arrived near it while it was deleted. Signals that a discovery had put in it but that lie
     * nearer another theme join it again at the next recomputation. Returns how many signals it got.
     */
    public int restore(int id, String actor) {
        List<UUID> members = themes.change(() -> {
            StoredTheme theme = themes.get(id);
            if (theme.status() != ThemeStatus.DELETED) {
                throw new IllegalArgumentException("Theme " + id + " is "
                        + theme.status().value() + ", not deleted: only a deleted theme can be restored");
            }
            themes.save(
                    edited(theme, theme.label(), theme.renamed(), ThemeStatus.ACTIVE, null, theme.centroid(), actor));
            assignment.assignNearestTo(id);
            return themes.members(id);
        });
        audit.record("theme.restore", "theme:" + id, members.size() + " signals without a theme joined it");
        events.publishEvent(ThemesChanged.of(members));
        return members.size();
    }

    /** Theme {@code id} if it exists and is active or retired; else why not. */
    private StoredTheme editable(int id, String edit) {
        StoredTheme theme = themes.get(id);
        return switch (theme.status()) {
            case ACTIVE, RETIRED -> theme;
            case MERGED ->
                throw new IllegalArgumentException("Theme " + id + " was merged into theme " + theme.mergedInto()
                        + " and cannot be " + edit + ": edit theme " + theme.mergedInto());
            case DELETED, SPLIT ->
                throw new IllegalArgumentException(
                        "Theme " + id + " was " + theme.status().value() + " and cannot be " + edit);
        };
    }

    private StoredTheme edited(
            StoredTheme theme,
            String label,
            boolean renamed,
            ThemeStatus status,
            Integer mergedInto,
            float[] centroid,
            String actor) {
        Instant now = clock.instant();
        return new StoredTheme(
                theme.id(),
                label,
                theme.keyPhrases(),
                renamed,
                status,
                mergedInto,
                theme.splitFrom(),
                centroid,
                theme.createdAt(),
                now,
                actor,
                now);
    }

    private float[] centroidOf(List<UUID> members, float[] fallback) {
        List<float[]> vectors = List.copyOf(embeddings.vectors(members).values());
        if (vectors.isEmpty()) {
            return fallback;
        }
        List<Integer> all =
                java.util.stream.IntStream.range(0, vectors.size()).boxed().toList();
        return ThemeRecomputation.centroid(all, vectors);
    }

    private void refreshSimilarity(int id) {
        jdbc.update("""
                UPDATE signal_theme SET similarity = (
                    SELECT array_cosine_similarity(e.vector, t.centroid)
                    FROM signal_embedding e, theme t
                    WHERE e.signal_id = signal_theme.signal_id AND e.model = ? AND t.id = signal_theme.theme_id)
                WHERE theme_id = ?""", Embedder.MODEL, id);
    }

    private Map<UUID, String> texts(List<UUID> ids) {
        Map<UUID, String> texts = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<UUID> part = ids.subList(from, Math.min(ids.size(), from + 1_000));
            jdbc.query(
                    "SELECT id, text FROM signal WHERE text IS NOT NULL AND id IN ("
                            + String.join(",", part.stream().map(x -> "?").toList()) + ")",
                    r -> {
                        texts.put(r.getObject(1, UUID.class), r.getString(2));
                    },
                    part.toArray());
        }
        return texts;
    }
}
