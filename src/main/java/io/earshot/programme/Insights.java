package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outputs of empathy workshops: insights, each linked to the programme's clips and the signals behind it. A clip
 * must be one of the programme's and shared; a signal must exist within the viewer's data. Changes are audited.
 */
@Service
public class Insights {

    private final JdbcTemplate jdbc;
    private final Workshops workshops;
    private final ProgrammeClips clips;
    private final SignalReferences signals;
    private final Audit audit;
    private final Clock clock;

    Insights(
            JdbcTemplate jdbc,
            Workshops workshops,
            ProgrammeClips clips,
            SignalReferences signals,
            Audit audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.workshops = workshops;
        this.clips = clips;
        this.signals = signals;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds an insight to workshop {@code workshopId}; returns it. */
    @Transactional
    public Insight add(
            UUID workshopId, String text, Collection<UUID> clipIds, Collection<UUID> signalIds, String actor) {
        Workshop workshop = workshops.get(workshopId);
        Insight insight = new Insight(
                UUID.randomUUID(),
                workshopId,
                text,
                List.copyOf(clipIds),
                List.copyOf(signalIds),
                clock.instant(),
                actor);
        Map<UUID, ProgrammeClips.ProgrammeClip> found = clips.of(workshop.programmeId(), insight.clipIds());
        for (UUID clip : insight.clipIds()) {
            if (!found.containsKey(clip)) {
                throw new IllegalArgumentException(
                        "Clip " + clip + " is not a clip of this programme; choose one of the clips offered");
            }
            if (!found.get(clip).shared()) {
                throw new IllegalArgumentException("Clip '" + found.get(clip).title() + "' cannot be linked: "
                        + ProgrammeClips.WITHHELD.toLowerCase(java.util.Locale.ROOT));
            }
        }
        signals.requireVisible(insight.signalIds());
        jdbc.update(
                "INSERT INTO insight VALUES (?, ?, ?, ?, ?)",
                insight.id(),
                workshopId,
                insight.text(),
                Timestamp.from(insight.createdAt()),
                actor);
        insight.clipIds().forEach(clip -> jdbc.update("INSERT INTO insight_clip VALUES (?, ?)", insight.id(), clip));
        insight.signalIds()
                .forEach(signal -> jdbc.update("INSERT INTO insight_signal VALUES (?, ?)", insight.id(), signal));
        audit.record(
                "workshop.insight",
                "workshop:" + workshopId,
                insight.clipIds().size() + " clips, " + insight.signalIds().size() + " signals: " + insight.text());
        return insight;
    }

    /** The insights of workshop {@code workshopId}, oldest first. */
    public List<Insight> ofWorkshop(UUID workshopId) {
        Map<UUID, List<UUID>> clipIds = links("insight_clip", "clip_id", workshopId);
        Map<UUID, List<UUID>> signalIds = links("insight_signal", "signal_id", workshopId);
        return jdbc.query(
                "SELECT * FROM insight WHERE workshop_id = ? ORDER BY created_at, id",
                (row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new Insight(
                            id,
                            workshopId,
                            row.getString("text"),
                            clipIds.getOrDefault(id, List.of()),
                            signalIds.getOrDefault(id, List.of()),
                            row.getTimestamp("created_at").toInstant(),
                            row.getString("created_by"));
                },
                workshopId);
    }

    private Map<UUID, List<UUID>> links(String table, String column, UUID workshopId) {
        Map<UUID, List<UUID>> links = new HashMap<>();
        jdbc.query(
                "SELECT l.insight_id, l." + column + " FROM " + table + " l JOIN insight i ON i.id = l.insight_id"
                        + " WHERE i.workshop_id = ? ORDER BY l." + column,
                row -> {
                    links.computeIfAbsent(row.getObject(1, UUID.class), i -> new ArrayList<>())
                            .add(row.getObject(2, UUID.class));
                },
                workshopId);
        return links;
    }
}
