package io.earshot.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads SubRip (SRT): blocks separated by blank lines, each a cue number, a timing line ({@code hh:mm:ss,mmm -->
 * hh:mm:ss,mmm}; a full stop for the comma is accepted, as many tools write it; anything after the end time is
 * ignored) and text lines. A text line that is a number followed by a timing line starts the next cue, so a missing
 * blank line loses nothing. Cue numbers are not checked to be consecutive: editors renumber, and the order that counts
 * is time order.
 */
final class SubRip {

    static final Pattern NUMBER = Pattern.compile("[ \\t]*\\d+[ \\t]*");
    static final Pattern TIMING = Pattern.compile("[ \\t]*(\\d+):([0-5]\\d):([0-5]\\d)[,.](\\d{3})[ \\t]*-->[ \\t]*"
            + "(\\d+):([0-5]\\d):([0-5]\\d)[,.](\\d{3})(?:[ \\t]+.*)?[ \\t]*");

    private SubRip() {}

    static TranscriptParse parse(SourceLines source) {
        Cues cues = new Cues();
        for (int n = source.nextNonBlank(1); source.exists(n); n = source.nextNonBlank(n)) {
            if (!NUMBER.matcher(source.at(n)).matches()) {
                return new TranscriptParse.Malformed(n, "a cue number such as 12", source.found(n));
            }
            int timingLine = n + 1;
            Matcher timing = TIMING.matcher(source.at(timingLine));
            if (!source.exists(timingLine) || !timing.matches()) {
                return new TranscriptParse.Malformed(
                        timingLine, "a cue timing such as 00:01:02,500 --> 00:01:05,000", source.found(timingLine));
            }
            long start = CueClock.millis(timing.group(1), timing.group(2), timing.group(3), timing.group(4));
            long end = CueClock.millis(timing.group(5), timing.group(6), timing.group(7), timing.group(8));
            Optional<TranscriptParse.Malformed> fault = cues.check(timingLine, start, end, source.at(timingLine));
            if (fault.isPresent()) {
                return fault.get();
            }
            List<String> text = new ArrayList<>();
            for (n = timingLine + 1; source.exists(n) && !source.isBlank(n) && !startsCue(source, n); n++) {
                text.add(source.at(n));
            }
            cues.add(start, end, CueText.of(text));
        }
        return cues.result(TranscriptFormat.SRT);
    }

    /** Whether line {@code n} is a cue number with a timing line under it. */
    static boolean startsCue(SourceLines source, int n) {
        return NUMBER.matcher(source.at(n)).matches()
                && TIMING.matcher(source.at(n + 1)).matches();
    }
}
