package io.earshot.programme;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The lines of a recorded customer session in the order they were said.
 *
 * @param lines numbered 1, 2, 3… in order, each starting at or after the one before (lines may overlap when people
 *     talk over each other)
 */
public record Transcript(List<TranscriptLine> lines) {

    public Transcript {
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        for (int i = 0; i < lines.size(); i++) {
            TranscriptLine line = lines.get(i);
            if (line.number() != i + 1) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " of the transcript is numbered " + line.number());
            }
            if (i > 0 && line.startMillis() < lines.get(i - 1).startMillis()) {
                throw new IllegalArgumentException(
                        "line " + line.number() + " starts before line " + (i) + " of the transcript");
            }
        }
    }

    /** The named speakers, in the order they first speak. */
    public Set<String> speakers() {
        Set<String> speakers = new LinkedHashSet<>();
        for (TranscriptLine line : lines) {
            if (line.speaker() != null) {
                speakers.add(line.speaker());
            }
        }
        return speakers;
    }
}
