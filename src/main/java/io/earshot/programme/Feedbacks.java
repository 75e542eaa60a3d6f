package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attendees' answers to closeness events' feedback forms: one per attendee and event, replaced when they edit it.
 * Only invited employees not recorded as absent answer, once the event has started. Every answer is audited.
 */
@Service
public class Feedbacks {

    private final JdbcTemplate jdbc;
    private final ClosenessEvents events;
    private final Audit audit;
    private final Clock clock;

    Feedbacks(JdbcTemplate jdbc, ClosenessEvents events, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why someone may not answer event {@code event}'s form, or nothing when {@code userId} may. */
    public Optional<String> refusal(ClosenessEvent event, UUID userId) {
        if (!event.employees().containsKey(userId)) {
            return Optional.of("Only employees invited to this event give feedback on it");
        }
        if (!event.attends(userId)) {
            return Optional.of("You were recorded as absent from this event, so there is nothing to give feedback on");
        }
        if (!event.hasStarted(clock.instant())) {
            return Optional.of("Feedback opens when the event starts, " + event.startsAt());
        }
        return Optional.empty();
    }

    /** Records (or replaces) user {@code userId}'s answer about event {@code eventId}; returns it. */
    @Transactional
    public Feedback give(UUID eventId, UUID userId, int rating, String change, String actor) {
        ClosenessEvent event = events.get(eventId);
        Feedback feedback = new Feedback(eventId, userId, rating, change, clock.instant());
        refusal(event, userId).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        boolean edited = find(eventId, userId).isPresent();
        jdbc.update("DELETE FROM event_feedback WHERE event_id = ? AND user_id = ?", eventId, userId);
        jdbc.update(
                "INSERT INTO event_feedback VALUES (?, ?, ?, ?, ?)",
                eventId,
                userId,
                feedback.rating(),
                feedback.change(),
                Timestamp.from(feedback.givenAt()));
        audit.record(
                edited ? "event.feedback.edit" : "event.feedback", "event:" + eventId, "rating " + feedback.rating());
        return feedback;
    }

    public Optional<Feedback> find(UUID eventId, UUID userId) {
        return jdbc
                .query(
                        "SELECT * FROM event_feedback WHERE event_id = ? AND user_id = ?",
                        (row, n) -> feedback(row),
                        eventId,
                        userId)
                .stream()
                .findFirst();
    }

    /** The answers about event {@code eventId}, latest first. */
    public List<Feedback> ofEvent(UUID eventId) {
        return jdbc.query(
                "SELECT * FROM event_feedback WHERE event_id = ? ORDER BY given_at DESC, user_id",
                (row, n) -> feedback(row),
                eventId);
    }

    private static Feedback feedback(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Feedback(
                row.getObject("event_id", UUID.class),
                row.getObject("user_id", UUID.class),
                row.getInt("rating"),
                row.getString("change"),
                row.getTimestamp("given_at").toInstant());
    }
}
