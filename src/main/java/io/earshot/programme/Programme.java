package io.earshot.programme;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A closeness programme: a goal, an executive sponsor, a cadence at which each cohort meets customers, and a period.
 *
 * @param sponsorId the executive sponsor, a user; {@code null} until one is named
 * @param cadenceDays each cohort meets customers every this many days
 * @param endsOn the last day, or {@code null} for a programme that runs on
 */
public record Programme(
        UUID id,
        String name,
        String goal,
        UUID sponsorId,
        int cadenceDays,
        LocalDate startsOn,
        LocalDate endsOn,
        Instant createdAt,
        String createdBy) {

    static final int MAX_NAME = 120;
    static final int MAX_GOAL = 2_000;

    public Programme {
        name = Text.required(name, "A programme's name", MAX_NAME);
        goal = Text.required(goal, "A programme's goal", MAX_GOAL);
        if (cadenceDays < 1 || cadenceDays > 365) {
            throw new IllegalArgumentException(
                    "The cadence must be between 1 and 365 days between sessions, not " + cadenceDays);
        }
        if (startsOn == null) {
            throw new IllegalArgumentException("A programme needs a start date");
        }
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException(
                    "A programme cannot end (" + endsOn + ") before it starts (" + startsOn + ")");
        }
    }

    /** Whether the programme runs on {@code day}. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** The cadence in words, e.g. "every 6 weeks". */
    public String cadence() {
        if (cadenceDays % 7 == 0) {
            int weeks = cadenceDays / 7;
            return weeks == 1 ? "every week" : "every " + weeks + " weeks";
        }
        return cadenceDays == 1 ? "every day" : "every " + cadenceDays + " days";
    }
}
