package io.earshot.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT: the {@code WEBVTT} header (and any header lines up to the first blank line), then blocks separated by
 * blank lines. NOTE, STYLE and REGION blocks are skipped; a cue is an optional identifier line, a timing line
 * ({@code [hh:]mm:ss.ttt --> [hh:]mm:ss.ttt}, then settings, which are ignored) and its text lines. A text line holding
 * "-->" starts the next cue, as in the WebVTT parsing rules, so a missing blank line loses nothing.
 */
final class WebVtt {

    static final Pattern HEADER = Pattern.compile("WEBVTT(?:[ \\t].*)?");
    static final String TIMING_EXAMPLE = "a cue timing such as 00:01:02.500 --> 00:01:05.000";

    private static final String TIME = "(?:(\\d+):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final Pattern TIMING =
            Pattern.compile("[ \\t]*" + TIME + "[ \\t]*-->[ \\t]*" + TIME + "(?:[ \\t]+.*)?[ \\t]*");
    /** A first line that starts like a time is a broken timing, not a cue identifier. */
    private static final Pattern TIME_LIKE = Pattern.compile("[ \\t]*\\d+:\\d.*");

    private WebVtt() {}

    static TranscriptParse parse(SourceLines source) {
        int n = source.nextNonBlank(1);
        if (!HEADER.matcher(source.at(n)).matches()) {
            return new TranscriptParse.Malformed(n, "the header WEBVTT on the first line", source.found(n));
        }
        n++;
        while (source.exists(n) && !source.isBlank(n) && !source.at(n).contains("-->")) {
            n++; // header lines such as "Kind: captions"
        }
        Cues cues = new Cues();
        for (n = source.nextNonBlank(n); source.exists(n); n = source.nextNonBlank(n)) {
            String first = source.at(n);
            if (startsWithKeyword(first, "NOTE")
                    || startsWithKeyword(first, "STYLE")
                    || startsWithKeyword(first, "REGION")) {
                while (source.exists(n) && !source.isBlank(n)) {
                    n++;
                }
                continue;
            }
            int timingLine = first.contains("-->") || TIME_LIKE.matcher(first).matches() ? n : n + 1;
            Matcher timing = TIMING.matcher(source.at(timingLine));
            if (!source.exists(timingLine) || !timing.matches()) {
                return new TranscriptParse.Malformed(timingLine, TIMING_EXAMPLE, source.found(timingLine));
            }
            long start = CueClock.millis(timing.group(1), timing.group(2), timing.group(3), timing.group(4));
            long end = CueClock.millis(timing.group(5), timing.group(6), timing.group(7), timing.group(8));
            Optional<TranscriptParse.Malformed> fault = cues.check(timingLine, start, end, source.at(timingLine));
            if (fault.isPresent()) {
                return fault.get();
            }
            List<String> text = new ArrayList<>();
            for (n = timingLine + 1;
                    source.exists(n) && !source.isBlank(n) && !source.at(n).contains("-->");
                    n++) {
                text.add(source.at(n));
            }
            cues.add(start, end, CueText.of(text));
        }
        return cues.result(TranscriptFormat.WEBVTT);
    }

    private static boolean startsWithKeyword(String line, String keyword) {
        return line.startsWith(keyword)
                && (line.length() == keyword.length()
                        || line.charAt(keyword.length()) == ' '
                        || line.charAt(keyword.length()) == '\t');
    }
}
