package io.earshot.programme;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Who watched which clip, when and for how long: the reach of clips and reels, and a leader's time with clips. */
@Service
class ClipViews implements EncounterSource {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ClipViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that user {@code userId} just watched {@code seconds} of {@code clip} (in reel {@code reelId}, or
     * alone when {@code null}). A view cannot be longer than the clip (with a second for the player's rounding).
     */
    void record(Clip clip, UUID userId, UUID reelId, double seconds) {
        double longest = clip.length().toMillis() / 1000.0 + 1;
        if (!(seconds > 0) || seconds > longest) {
            throw new IllegalArgumentException("The seconds watched must be more than 0 and at most " + longest
                    + " for this clip, not " + seconds);
        }
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO clip_view VALUES (?, ?, ?, ?, ?, ?)",
                UUID.randomUUID(),
                clip.id(),
                userId,
                reelId,
                Timestamp.from(now.minus(Duration.ofMillis(Math.round(seconds * 1000)))),
                Math.min(seconds, clip.length().toMillis() / 1000.0));
    }

    /** The reach of clip {@code clipId}, alone or in reels. */
    Reach ofClip(UUID clipId) {
        return reach("clip_id = ?", clipId);
    }

    /** The reach of reel {@code reelId}: the views of its clips played in it. */
    Reach ofReel(UUID reelId) {
        return reach("reel_id = ?", reelId);
    }

    /** What user {@code userId} watched, oldest first: their time with customers' words for exposure. */
    List<ClipView> viewsBy(UUID userId) {
        return jdbc.query(
                "SELECT v.clip_id, c.title, v.started_at, v.seconds FROM clip_view v JOIN clip c ON c.id = v.clip_id"
                        + " WHERE v.user_id = ? ORDER BY v.started_at, v.id",
                (row, n) -> new ClipView(
                        row.getObject(1, UUID.class),
                        row.getString(2),
                        row.getTimestamp(3).toInstant(),
                        row.getDouble(4)),
                userId);
    }

    /** Exposure from clips watched: each view is the seconds actually played, from when it started. */
    @Override
    public Map<UUID, List<Encounter>> encounters() {
        Map<UUID, List<Encounter>> encounters = new java.util.HashMap<>();
        jdbc.query(
                "SELECT v.user_id, v.clip_id, c.title, v.started_at, v.seconds FROM clip_view v"
                        + " JOIN clip c ON c.id = v.clip_id WHERE v.seconds >= 1",
                row -> {
                    encounters
                            .computeIfAbsent(row.getObject(1, UUID.class), user -> new java.util.ArrayList<>())
                            .add(Encounter.clipView(
                                    row.getTimestamp(4).toInstant(),
                                    (long) row.getDouble(5),
                                    row.getString(3),
                                    "/clips/" + row.getObject(2, UUID.class)));
                });
        return encounters;
    }

    private Reach reach(String where, UUID id) {
        Map<UUID, Double> byViewer = new LinkedHashMap<>();
        jdbc.query(
                "SELECT user_id, sum(seconds) AS seconds FROM clip_view WHERE " + where
                        + " GROUP BY user_id ORDER BY seconds DESC, user_id",
                row -> {
                    byViewer.put(row.getObject(1, UUID.class), row.getDouble(2));
                },
                id);
        double total =
                byViewer.values().stream().mapToDouble(Double::doubleValue).sum();
        return new Reach(byViewer.size(), total, byViewer);
    }
}
