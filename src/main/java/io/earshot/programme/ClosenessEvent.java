package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A closeness event: the programme opens the experience of meeting customers to the whole business, with an agenda,
 * invited customers from the panel, employees of any role and conversation tables.
 *
 * @param agenda Markdown
 * @param customers the invited panel members, id to their attendance
 * @param employees the invited users, id to their attendance
 */
public record ClosenessEvent(
        UUID id,
        UUID programmeId,
        String title,
        Instant startsAt,
        Instant endsAt,
        String place,
        String agenda,
        boolean cancelled,
        Map<UUID, Attendance> customers,
        Map<UUID, Attendance> employees) {

    static final int MAX_TITLE = 120;
    static final int MAX_PLACE = 200;
    static final int MAX_AGENDA = 100_000;
    static final Duration MAX_LENGTH = Duration.ofHours(12);

    public ClosenessEvent {
        title = Text.required(title, "An event's title", MAX_TITLE);
        place = Text.required(place, "An event's place", MAX_PLACE);
        agenda = Text.optional(agenda, "The agenda", MAX_AGENDA);
        if (startsAt == null || endsAt == null) {
            throw new IllegalArgumentException("An event needs a date, a start time and an end time");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException(
                    "An event must end after it starts; the end time is not after the start");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            throw new IllegalArgumentException("An event lasts at most 12 hours on one day");
        }
        customers = Map.copyOf(customers);
        employees = Map.copyOf(employees);
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    /** Whether {@code userId} was invited and not recorded as absent. */
    public boolean attends(UUID userId) {
        Attendance attendance = employees.get(userId);
        return attendance != null && attendance != Attendance.ABSENT;
    }

    /** Whether panel member {@code memberId} was invited and not recorded as absent. */
    public boolean hosts(UUID memberId) {
        Attendance attendance = customers.get(memberId);
        return attendance != null && attendance != Attendance.ABSENT;
    }

    Occasion occasion() {
        return new Occasion(id, programmeId, title, startsAt, endsAt);
    }
}
