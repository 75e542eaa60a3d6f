package io.earshot.programme;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An empathy workshop: a facilitator plays a reel of customer clips to the attendees and asks the prompts, in order;
 * what they learn is kept as {@link Insight}s.
 *
 * @param reelId the reel played, or {@code null} until one is chosen
 * @param facilitatorId the user who facilitates it, or {@code null} until one is chosen
 * @param prompts the questions asked, in order
 * @param attendees the invited users, id to their attendance
 */
public record Workshop(
        UUID id,
        UUID programmeId,
        String title,
        Instant startsAt,
        int minutes,
        UUID reelId,
        UUID facilitatorId,
        boolean cancelled,
        List<String> prompts,
        Map<UUID, Attendance> attendees) {

    static final int MAX_TITLE = 120;
    static final int MAX_MINUTES = 8 * 60;
    static final int MAX_PROMPT = 300;
    static final int MAX_PROMPTS = 20;

    /** The prompts a workshop starts with; the facilitator may change them. */
    static final List<String> DEFAULT_PROMPTS = List.of(
            "How would this affect customers' lives?",
            "What did you hear that surprised you?",
            "What would this customer want us to stop, start or keep doing?",
            "What will you do differently as a result?");

    public Workshop {
        title = Text.required(title, "A workshop's title", MAX_TITLE);
        if (startsAt == null) {
            throw new IllegalArgumentException("A workshop needs a date and time");
        }
        if (minutes < 15 || minutes > MAX_MINUTES) {
            throw new IllegalArgumentException("A workshop lasts 15 to " + MAX_MINUTES + " minutes, not " + minutes);
        }
        prompts = prompts(prompts);
        attendees = Map.copyOf(attendees);
    }

    /** {@code typed} checked as a workshop's prompts: 1 to 20 questions of at most 300 characters each. */
    static List<String> prompts(List<String> typed) {
        List<String> prompts = typed.stream()
                .map(String::strip)
                .filter(prompt -> !prompt.isEmpty())
                .toList();
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("A workshop needs at least one prompt, one question per line");
        }
        if (prompts.size() > MAX_PROMPTS) {
            throw new IllegalArgumentException(
                    "A workshop has at most " + MAX_PROMPTS + " prompts, these are " + prompts.size());
        }
        for (int i = 0; i < prompts.size(); i++) {
            Text.required(prompts.get(i), "Prompt " + (i + 1), MAX_PROMPT);
        }
        return List.copyOf(prompts);
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    /** Whether it has started by {@code now}, so that attendance can be recorded. */
    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    Occasion occasion() {
        return new Occasion(id, programmeId, title, startsAt, endsAt());
    }
}
