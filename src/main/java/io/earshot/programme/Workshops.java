package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored empathy workshops of programmes, with their prompts and who was invited and came. Changes are audited. */
@Service
public class Workshops {

    private final JdbcTemplate jdbc;
    private final Programmes programmes;
    private final People people;
    private final Audit audit;
    private final Clock clock;

    Workshops(JdbcTemplate jdbc, Programmes programmes, People people, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a scheduled workshop is to be; the reel may be chosen later. */
    public record Plan(
            String title,
            Instant startsAt,
            int minutes,
            UUID reelId,
            UUID facilitatorId,
            Collection<UUID> attendeeIds) {}

    /** Schedules a workshop of programme {@code programmeId} with the default prompts; returns it. */
    @Transactional
    public Workshop schedule(UUID programmeId, Plan plan, String actor) {
        programmes.get(programmeId);
        Workshop workshop = new Workshop(
                UUID.randomUUID(),
                programmeId,
                plan.title(),
                plan.startsAt(),
                plan.minutes(),
                plan.reelId(),
                plan.facilitatorId(),
                false,
                Workshop.DEFAULT_PROMPTS,
                Map.of());
        if (plan.reelId() != null) {
            requireReel(plan.reelId());
        }
        if (plan.facilitatorId() != null && !people.active(plan.facilitatorId())) {
            throw new IllegalArgumentException("The facilitator must be one of the active users offered");
        }
        requireActive(plan.attendeeIds());
        jdbc.update(
                "INSERT INTO workshop VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?)",
                workshop.id(),
                programmeId,
                workshop.title(),
                Timestamp.from(workshop.startsAt()),
                workshop.minutes(),
                workshop.reelId(),
                workshop.facilitatorId(),
                Timestamp.from(clock.instant()),
                actor);
        insertPrompts(workshop.id(), workshop.prompts());
        new LinkedHashSet<>(plan.attendeeIds())
                .forEach(user -> jdbc.update("INSERT INTO workshop_attendee VALUES (?, ?, NULL)", workshop.id(), user));
        audit.record("workshop.schedule", "workshop:" + workshop.id(), workshop.title() + " at " + workshop.startsAt());
        return get(workshop.id());
    }

    /** Invites {@code userIds} to workshop {@code id}; those already invited keep their attendance. */
    @Transactional
    public void invite(UUID id, Collection<UUID> userIds, String actor) {
        Workshop workshop = get(id);
        if (userIds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one person to invite");
        }
        requireActive(userIds);
        List<UUID> added = new LinkedHashSet<>(userIds)
                .stream()
                        .filter(user -> !workshop.attendees().containsKey(user))
                        .toList();
        added.forEach(user -> jdbc.update("INSERT INTO workshop_attendee VALUES (?, ?, NULL)", id, user));
        audit.record("workshop.invite", "workshop:" + id, added.size() + " invited");
    }

    /** Makes reel {@code reelId} the one workshop {@code id} plays. */
    @Transactional
    public void chooseReel(UUID id, UUID reelId, String actor) {
        get(id);
        requireReel(reelId);
        jdbc.update("UPDATE workshop SET reel_id = ? WHERE id = ?", reelId, id);
        audit.record("workshop.reel", "workshop:" + id, "reel " + reelId);
    }

    /** Replaces the prompts of workshop {@code id}, kept in the order given. */
    @Transactional
    public void writePrompts(UUID id, List<String> prompts, String actor) {
        get(id);
        List<String> checked = Workshop.prompts(prompts);
        jdbc.update("DELETE FROM workshop_prompt WHERE workshop_id = ?", id);
        insertPrompts(id, checked);
        audit.record("workshop.prompts", "workshop:" + id, checked.size() + " prompts");
    }

    /** Records who came, as it happened; someone not invited, or a workshop not started yet, is refused. */
    @Transactional
    public void recordAttendance(UUID id, Map<UUID, Attendance> attendance, String actor) {
        Workshop workshop = get(id);
        if (!workshop.hasStarted(clock.instant())) {
            throw new IllegalArgumentException(
                    "Attendance is recorded once a workshop has started; this one starts " + workshop.startsAt());
        }
        attendance.forEach((user, came) -> {
            if (!workshop.attendees().containsKey(user)) {
                throw new IllegalArgumentException("Attendee " + user + " was not invited to this workshop");
            }
            jdbc.update(
                    "UPDATE workshop_attendee SET attended = ? WHERE workshop_id = ? AND user_id = ?",
                    came.column(),
                    id,
                    user);
        });
        audit.record("workshop.attendance", "workshop:" + id, attendance.size() + " attendees");
    }

    /** Cancels workshop {@code id}; it stays on the record. */
    @Transactional
    public void cancel(UUID id, String actor) {
        get(id);
        jdbc.update("UPDATE workshop SET cancelled = true WHERE id = ?", id);
        audit.record("workshop.cancel", "workshop:" + id, "cancelled");
    }

    public Optional<Workshop> find(UUID id) {
        return workshops("id = ?", id).stream().findFirst();
    }

    /** Workshop {@code id}, or an {@link IllegalArgumentException} saying there is none. */
    public Workshop get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no workshop " + id));
    }

    /** Programme {@code programmeId}'s workshops in time order. */
    public List<Workshop> ofProgramme(UUID programmeId) {
        return workshops("programme_id = ?", programmeId);
    }

    /** The workshops user {@code userId} actually attended (attendance recorded as came), in time order. */
    List<Occasion> attendedBy(UUID userId) {
        return workshops(
                        "NOT cancelled AND id IN (SELECT workshop_id FROM workshop_attendee WHERE user_id = ? AND attended)",
                        userId)
                .stream()
                .map(Workshop::occasion)
                .toList();
    }

    /** The workshops user {@code userId} is invited to that have not ended yet and are not cancelled, in time order. */
    List<Occasion> invitedUpcoming(UUID userId) {
        Instant now = clock.instant();
        return workshops(
                        "NOT cancelled AND id IN (SELECT workshop_id FROM workshop_attendee WHERE user_id = ?)", userId)
                .stream()
                .filter(workshop -> workshop.endsAt().isAfter(now))
                .map(Workshop::occasion)
                .toList();
    }

    /** Every reel's title by id, by title: the choices of a workshop's reel. */
    Map<UUID, String> reels() {
        Map<UUID, String> reels = new LinkedHashMap<>();
        jdbc.query("SELECT id, title FROM reel ORDER BY title, id", row -> {
            reels.put(row.getObject("id", UUID.class), row.getString("title"));
        });
        return reels;
    }

    private void requireActive(Collection<UUID> userIds) {
        for (UUID user : userIds) {
            if (!people.active(user)) {
                throw new IllegalArgumentException(
                        "Attendee " + user + " is not an active user; choose from those offered");
            }
        }
    }

    private void requireReel(UUID reelId) {
        if (!reels().containsKey(reelId)) {
            throw new IllegalArgumentException("There is no reel " + reelId + "; choose one of the reels offered");
        }
    }

    private void insertPrompts(UUID id, List<String> prompts) {
        for (int i = 0; i < prompts.size(); i++) {
            jdbc.update("INSERT INTO workshop_prompt VALUES (?, ?, ?)", id, i + 1, prompts.get(i));
        }
    }

    private List<Workshop> workshops(String where, Object... args) {
        String ids = "SELECT id FROM workshop WHERE " + where;
        Map<UUID, List<String>> prompts = new HashMap<>();
        jdbc.query(
                "SELECT workshop_id, text FROM workshop_prompt WHERE workshop_id IN (" + ids + ") ORDER BY position",
                row -> {
                    prompts.computeIfAbsent(row.getObject(1, UUID.class), w -> new ArrayList<>())
                            .add(row.getString(2));
                },
                args);
        Map<UUID, Map<UUID, Attendance>> attendees =
                Attendance.read(jdbc, "workshop_attendee", "workshop_id", "user_id", ids, args);
        return jdbc.query(
                "SELECT * FROM workshop WHERE " + where + " ORDER BY starts_at, title",
                (row, n) -> workshop(row, prompts, attendees),
                args);
    }

    private static Workshop workshop(
            ResultSet row, Map<UUID, List<String>> prompts, Map<UUID, Map<UUID, Attendance>> attendees)
            throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new Workshop(
                id,
                row.getObject("programme_id", UUID.class),
                row.getString("title"),
                row.getTimestamp("starts_at").toInstant(),
                row.getInt("minutes"),
                row.getObject("reel_id", UUID.class),
                row.getObject("facilitator_id", UUID.class),
                row.getBoolean("cancelled"),
                prompts.getOrDefault(id, Workshop.DEFAULT_PROMPTS),
                attendees.getOrDefault(id, Map.of()));
    }
}
