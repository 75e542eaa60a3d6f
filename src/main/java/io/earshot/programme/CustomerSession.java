package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A short facilitated conversation between a cohort's leaders and customers from the panel.
 *
 * @param guide the discussion guide, Markdown
 * @param notes what was heard, Markdown
 * @param leaders the invited leaders, user id to their attendance
 * @param customers the invited panel members, id to their attendance
 */
public record CustomerSession(
        UUID id,
        UUID programmeId,
        UUID cohortId,
        String title,
        Instant startsAt,
        int minutes,
        SessionFormat format,
        UUID facilitatorId,
        String guide,
        String notes,
        boolean cancelled,
        Map<UUID, Attendance> leaders,
        Map<UUID, Attendance> customers) {

    static final int MAX_TITLE = 120;
    static final int MAX_MINUTES = 8 * 60;
    static final int MAX_MARKDOWN = 100_000;

    public CustomerSession {
        title = Text.required(title, "A session's title", MAX_TITLE);
        if (startsAt == null) {
            throw new IllegalArgumentException("A session needs a date and time");
        }
        if (minutes < 5 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("A session lasts 5 to " + MAX_MINUTES + " minutes, not " + minutes);
        }
        guide = Text.optional(guide, "The discussion guide", MAX_MARKDOWN);
        notes = Text.optional(notes, "The notes", MAX_MARKDOWN);
        leaders = Map.copyOf(leaders);
        customers = Map.copyOf(customers);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    /** Whether it has ended by {@code now}. */
    public boolean isPast(Instant now) {
        return !endsAt().isAfter(now);
    }

    /** Whether attendance has been recorded for anyone. */
    public boolean attendanceRecorded() {
        return leaders.values().stream().anyMatch(Attendance::recorded)
                || customers.values().stream().anyMatch(Attendance::recorded);
    }

    /** The customers who came (or, before attendance is recorded, those invited). */
    public long customersMet() {
        return attendanceRecorded()
                ? customers.values().stream()
                        .filter(Attendance.ATTENDED::equals)
                        .count()
                : customers.size();
    }
}
