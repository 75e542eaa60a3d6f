package io.earshot.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cues of one file as a parser reads them, in file order, checking that each starts at or after the one before (as
 * WebVTT requires) and ends at or after its own start. Cues without words are checked but not kept.
 */
final class Cues {

    private final List<TranscriptLine> lines = new ArrayList<>();
    private long previousStart = -1;
    private int previousLine;

    /**
     * The fault in a cue's timing on source line {@code line}, if any.
     *
     * @param timing the timing as the file writes it, quoted in the error
     */
    Optional<TranscriptParse.Malformed> check(int line, long start, long end, String timing) {
        if (end < start) {
            return Optional.of(new TranscriptParse.Malformed(
                    line, "an end at or after the start " + CueClock.format(start), "'" + timing.strip() + "'"));
        }
        if (start < previousStart) {
            return Optional.of(new TranscriptParse.Malformed(
                    line,
                    "a start at or after " + CueClock.format(previousStart) + ", where the cue on line " + previousLine
                            + " starts (cues must be in time order)",
                    CueClock.format(start)));
        }
        previousStart = start;
        previousLine = line;
        return Optional.empty();
    }

    /** Keeps a checked cue, unless it has no words. */
    void add(long start, long end, CueText text) {
        if (!text.isEmpty()) {
            lines.add(new TranscriptLine(lines.size() + 1, start, end, text.speaker(), text.text()));
        }
    }

    /** The transcript, or the whole file as malformed when no cue had words. */
    TranscriptParse result(TranscriptFormat format) {
        if (lines.isEmpty()) {
            return new TranscriptParse.Malformed(0, "at least one cue with a timing and words", "no cues");
        }
        return new TranscriptParse.Parsed(new Transcript(lines), format);
    }
}
