package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A stretch of time a leader spent with customers: a session attended, an empathy workshop, a closeness event or a clip
 * watched, as the half-open interval {@code [start, end)}.
 *
 * @param kind what the leader did
 * @param start when it began
 * @param end when it ended, after {@code start}
 * @param title what pages show, e.g. the session's name
 * @param reference what pages link to, e.g. the session id; may be {@code null}
 */
public record Encounter(Kind kind, Instant start, Instant end, String title, String reference) {

    /**
     * The ways a leader meets customers, declared in order of precedence: where encounters of different kinds overlap,
     * the overlapping time is attributed to the kind declared first (direct contact before second-hand).
     */
    public enum Kind {
        SESSION("Customer session"),
        EVENT("Closeness event"),
        WORKSHOP("Empathy workshop"),
        CLIP("Clip watched");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name pages show, e.g. {@code Customer session}. */
        public String label() {
            return label;
        }
    }

    public Encounter {
        Objects.requireNonNull(kind, "Encounter kind is required");
        Objects.requireNonNull(start, "Encounter start is required");
        Objects.requireNonNull(end, "Encounter end is required");
        Objects.requireNonNull(title, "Encounter title is required");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "Encounter '" + title + "' must end after it starts; it starts " + start + " and ends " + end);
        }
    }

    /** A clip view: watched from {@code viewedAt} for {@code seconds} seconds, more than zero. */
    public static Encounter clipView(Instant viewedAt, long seconds, String title, String reference) {
        if (seconds <= 0) {
            throw new IllegalArgumentException(
                    "Clip view of '" + title + "' must last more than zero seconds; it lasted " + seconds);
        }
        return new Encounter(Kind.CLIP, viewedAt, viewedAt.plusSeconds(seconds), title, reference);
    }

    /** How long the encounter lasted. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    Span span() {
        return new Span(start, end);
    }
}
