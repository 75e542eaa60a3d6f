package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What is to be done after closeness events, by whom and by when, and whether it was. Changes are audited. */
@Service
public class FollowUps {

    private final JdbcTemplate jdbc;
    private final ClosenessEvents events;
    private final People people;
    private final Audit audit;
    private final Clock clock;

    FollowUps(JdbcTemplate jdbc, ClosenessEvents events, People people, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** Adds a follow-up to event {@code eventId}; returns it. */
    @Transactional
    public FollowUp add(UUID eventId, String text, UUID ownerId, LocalDate dueOn, String actor) {
        events.get(eventId);
        FollowUp followUp = new FollowUp(UUID.randomUUID(), eventId, text, ownerId, dueOn, null);
        if (!people.active(ownerId)) {
            throw new IllegalArgumentException("The owner must be one of the active users offered");
        }
        jdbc.update(
                "INSERT INTO event_follow_up VALUES (?, ?, ?, ?, ?, NULL, ?, ?)",
                followUp.id(),
                eventId,
                followUp.text(),
                ownerId,
                Date.valueOf(dueOn),
                Timestamp.from(clock.instant()),
                actor);
        audit.record("event.follow-up", "event:" + eventId, followUp.text() + ", due " + dueOn);
        return followUp;
    }

    /** Marks follow-up {@code id} of event {@code eventId} done today, or open again. */
    @Transactional
    public void markDone(UUID eventId, UUID id, boolean done, String actor) {
        find(eventId, id)
                .orElseThrow(() -> new IllegalArgumentException("There is no follow-up " + id + " of this event"));
        jdbc.update(
                "UPDATE event_follow_up SET done_on = ? WHERE id = ?",
                done ? Date.valueOf(LocalDate.now(clock)) : null,
                id);
        audit.record("event.follow-up." + (done ? "done" : "reopen"), "event:" + eventId, "follow-up " + id);
    }

    public Optional<FollowUp> find(UUID eventId, UUID id) {
        return jdbc
                .query(
                        "SELECT * FROM event_follow_up WHERE id = ? AND event_id = ?",
                        (row, n) -> followUp(row),
                        id,
                        eventId)
                .stream()
                .findFirst();
    }

    /** The follow-ups of event {@code eventId}, open ones first, then by due date. */
    public List<FollowUp> ofEvent(UUID eventId) {
        return jdbc.query(
                "SELECT * FROM event_follow_up WHERE event_id = ? ORDER BY done_on IS NOT NULL, due_on, text",
                (row, n) -> followUp(row),
                eventId);
    }

    private static FollowUp followUp(java.sql.ResultSet row) throws java.sql.SQLException {
        Date doneOn = row.getDate("done_on");
        return new FollowUp(
                row.getObject("id", UUID.class),
                row.getObject("event_id", UUID.class),
                row.getString("text"),
                row.getObject("owner_id", UUID.class),
                row.getDate("due_on").toLocalDate(),
                doneOn == null ? null : doneOn.toLocalDate());
    }
}
