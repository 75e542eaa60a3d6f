package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * A time range of a recorded customer session worth showing to others, with a title, the customer's words and tags.
 *
 * @param startMs where it starts, in milliseconds from the start of the recording
 * @param endMs where it ends, after {@code startMs} and at most {@link #MAX_LENGTH} later
 * @param quote what the customer says in it, shown on title cards and searched as an interview signal
 * @param tags free tags, without duplicates
 * @param themeIds ids of the text module's themes it illustrates
 * @param signalId the interview signal it became while shared, else {@code null}
 */
public record Clip(
        UUID id,
        UUID recordingId,
        long startMs,
        long endMs,
        String title,
        String quote,
        List<String> tags,
        List<String> themeIds,
        UUID signalId,
        Instant createdAt,
        String createdBy) {

    /** The longest clip: five minutes. A clip is a moment, not the session. */
    public static final Duration MAX_LENGTH = Duration.ofMinutes(5);

    static final int MAX_TITLE = 120;
    static final int MAX_QUOTE = 2_000;
    static final int MAX_TAG = 40;
    static final int MAX_TAGS = 20;

    public Clip {
        if (startMs < 0) {
            throw new IllegalArgumentException("The clip's start must be 0 s or later, not " + seconds(startMs));
        }
        if (endMs <= startMs) {
            throw new IllegalArgumentException(
                    "The clip's end (" + seconds(endMs) + ") must come after its start (" + seconds(startMs) + ")");
        }
        if (endMs - startMs > MAX_LENGTH.toMillis()) {
            throw new IllegalArgumentException("A clip lasts at most " + MAX_LENGTH.toMinutes() + " minutes; this one"
                    + " lasts " + seconds(endMs - startMs) + ": choose a shorter range");
        }
        title = Text.required(title, "A clip's title", MAX_TITLE);
        quote = Text.required(quote, "A clip's quote", MAX_QUOTE);
        tags = List.copyOf(new LinkedHashSet<>(tags));
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("A clip has at most " + MAX_TAGS + " tags, not " + tags.size());
        }
        for (String tag : tags) {
            if (tag.isBlank() || tag.contains(",") || tag.length() > MAX_TAG) {
                throw new IllegalArgumentException("A tag is a word or phrase of 1 to " + MAX_TAG
                        + " characters without commas, not '" + tag + "'");
            }
        }
        themeIds = List.copyOf(new LinkedHashSet<>(themeIds));
    }

    /** How long it lasts. */
    public Duration length() {
        return Duration.ofMillis(endMs - startMs);
    }

    /** Where it is in the recording, as pages show it, e.g. {@code 1:02–1:40}. */
    public String range() {
        return clock(startMs) + "–" + clock(endMs);
    }

    /** The free tags typed as one comma-separated line, e.g. {@code "fees, onboarding"}, cleaned. */
    static List<String> tagsOf(String typed) {
        List<String> tags = new ArrayList<>();
        if (typed != null) {
            Arrays.stream(typed.split(","))
                    .map(tag -> tag.strip().replaceAll("\\s+", " "))
                    .filter(tag -> !tag.isEmpty())
                    .forEach(tags::add);
        }
        return tags;
    }

    /** A time as people read it in messages, e.g. {@code 83.5 s}. */
    static String seconds(long millis) {
        return (millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0)) + " s";
    }

    /** A time as the pages show it, e.g. {@code 1:23}. */
    public static String clock(long millis) {
        long seconds = millis / 1000;
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
