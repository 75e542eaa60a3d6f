package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reels: ordered playlists of clips. A reel keeps a clip that became hidden in its place, so it comes back where
 * it was when consent is given again; players skip it and say why. Every change is audited.
 */
@Service
public class Reels {

    private final JdbcTemplate jdbc;
    private final Clips clips;
    private final Audit audit;
    private final Clock clock;

    Reels(JdbcTemplate jdbc, Clips clips, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.clips = clips;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * One place in a reel.
     *
     * @param position from 1, in playing order
     */
    public record Entry(int position, ClipStatus clip) {}

    public Reel create(String title, String description, String actor) {
        Reel reel = new Reel(UUID.randomUUID(), title, description, clock.instant(), actor);
        jdbc.update(
                "INSERT INTO reel VALUES (?, ?, ?, ?, ?)",
                reel.id(),
                reel.title(),
                reel.description(),
                Timestamp.from(reel.createdAt()),
                actor);
        audit.record("reel.create", "reel:" + reel.id(), reel.title());
        return reel;
    }

    public Optional<Reel> find(UUID id) {
        return jdbc.query("SELECT * FROM reel WHERE id = ?", Reels::reel, id).stream()
                .findFirst();
    }

    /** Reel {@code id}, or an {@link IllegalArgumentException} saying there is none. */
    public Reel get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no reel " + id));
    }

    /** Every reel, newest first. */
    public List<Reel> all() {
        return jdbc.query("SELECT * FROM reel ORDER BY created_at DESC, title", Reels::reel);
    }

    /** The clips of reel {@code id} in playing order, each with whether it may be shown today. */
    public List<Entry> entries(UUID id) {
        return jdbc
                .query(
                        "SELECT position, clip_id FROM reel_clip WHERE reel_id = ? ORDER BY position",
                        (row, n) -> new Object[] {row.getInt(1), row.getObject(2, UUID.class)},
                        id)
                .stream()
                .flatMap(row -> clips.status((UUID) row[1]).map(clip -> new Entry((Integer) row[0], clip)).stream())
                .toList();
    }

    /** Appends clip {@code clipId} to reel {@code id}; a clip is in a reel once. */
    @Transactional
    public void add(UUID id, UUID clipId, String actor) {
        get(id);
        Clip clip = clips.get(clipId);
        if (positionOf(id, clipId).isPresent()) {
            throw new IllegalArgumentException("'" + clip.title() + "' is already in this reel");
        }
        jdbc.update(
                "INSERT INTO reel_clip SELECT ?, coalesce(max(position), 0) + 1, ? FROM reel_clip WHERE reel_id = ?",
                id,
                clipId,
                id);
        audit.record("reel.add", "reel:" + id, "clip " + clipId);
    }

    /** Takes clip {@code clipId} out of reel {@code id}; those after it move up. */
    @Transactional
    public void remove(UUID id, UUID clipId, String actor) {
        int position = position(id, clipId);
        jdbc.update("DELETE FROM reel_clip WHERE reel_id = ? AND position = ?", id, position);
        jdbc.update("UPDATE reel_clip SET position = position - 1 WHERE reel_id = ? AND position > ?", id, position);
        audit.record("reel.remove", "reel:" + id, "clip " + clipId);
    }

    /** Moves clip {@code clipId} one place earlier ({@code up}) or later in reel {@code id}; at an end, nothing moves. */
    @Transactional
    public void move(UUID id, UUID clipId, boolean up, String actor) {
        int position = position(id, clipId);
        int other = up ? position - 1 : position + 1;
        Integer count = jdbc.queryForObject("SELECT count(*) FROM reel_clip WHERE reel_id = ?", Integer.class, id);
        if (other < 1 || other > count) {
            return;
        }
        jdbc.update("UPDATE reel_clip SET position = -1 WHERE reel_id = ? AND position = ?", id, other);
        jdbc.update("UPDATE reel_clip SET position = ? WHERE reel_id = ? AND position = ?", other, id, position);
        jdbc.update("UPDATE reel_clip SET position = ? WHERE reel_id = ? AND position = -1", position, id);
        audit.record("reel.move", "reel:" + id, "clip " + clipId + " to place " + other);
    }

    /** Deletes reel {@code id}; its clips stay. */
    @Transactional
    public void delete(UUID id, String actor) {
        Reel reel = get(id);
        jdbc.update("DELETE FROM reel_clip WHERE reel_id = ?", id);
        jdbc.update("DELETE FROM reel WHERE id = ?", id);
        audit.record("reel.delete", "reel:" + id, reel.title());
    }

    private int position(UUID id, UUID clipId) {
        get(id);
        return positionOf(id, clipId)
                .orElseThrow(() -> new IllegalArgumentException("Clip " + clipId + " is not in this reel"));
    }

    private Optional<Integer> positionOf(UUID id, UUID clipId) {
        return jdbc
                .queryForList(
                        "SELECT position FROM reel_clip WHERE reel_id = ? AND clip_id = ?", Integer.class, id, clipId)
                .stream()
                .findFirst();
    }

    private static Reel reel(ResultSet row, int n) throws SQLException {
        return new Reel(
                row.getObject("id", UUID.class),
                row.getString("title"),
                row.getString("description"),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"));
    }
}
