package io.earshot.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * An attendee's answer to a closeness event's feedback form; one per attendee, which they may edit.
 *
 * @param rating 1 to 5: how close to customers did this make you feel?
 * @param change what they will do differently
 */
public record Feedback(UUID eventId, UUID userId, int rating, String change, Instant givenAt) {

    static final int MAX_CHANGE = 2_000;

    public Feedback {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException(
                    "'How close to customers did this make you feel?' takes 1 to 5, not " + rating);
        }
        change = Text.optional(change, "'What will you do differently?'", MAX_CHANGE);
    }
}
