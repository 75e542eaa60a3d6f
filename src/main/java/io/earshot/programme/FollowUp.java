package io.earshot.programme;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something to be done after a closeness event, by someone, by a date.
 *
 * @param doneOn the day it was marked done, or {@code null} while open
 */
public record FollowUp(UUID id, UUID eventId, String text, UUID ownerId, LocalDate dueOn, LocalDate doneOn) {

    static final int MAX_TEXT = 500;

    public FollowUp {
        text = Text.required(text, "A follow-up", MAX_TEXT);
        if (ownerId == null) {
            throw new IllegalArgumentException("A follow-up needs an owner: choose one of the people offered");
        }
        if (dueOn == null) {
            throw new IllegalArgumentException("A follow-up needs a due date such as 2026-12-31");
        }
    }

    public boolean done() {
        return doneOn != null;
    }

    /** Whether it is still open after its due date. */
    public boolean overdue(LocalDate today) {
        return doneOn == null && dueOn.isBefore(today);
    }
}
