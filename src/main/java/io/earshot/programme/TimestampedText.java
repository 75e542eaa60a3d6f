package io.earshot.programme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads plain text whose lines start with a time: {@code [00:01:02] Anna: text}, {@code 00:01:02 Anna: text},
 * {@code (01:02) text}, the time as {@code h:mm:ss} or {@code m:ss}, with an optional fraction of a second. Lines
 * without a time continue the line before; blank lines are ignored. Each line ends where the next starts; the last
 * ends after {@value #MILLIS_PER_WORD} ms per word (150 words a minute, a usual speaking rate), at least 1 s, since
 * nothing in the file says when it ends.
 */
final class TimestampedText {

    static final long MILLIS_PER_WORD = 400;
    static final String LINE_EXAMPLE = "a line starting with a time such as [00:01:02] Anna: text";

    /** Minutes after hours must be 00–59; alone they may run on ("75:12"). */
    private static final String TIME = "(?:(\\d{1,3}):(?=[0-5]\\d:))?(\\d{1,3}):([0-5]\\d)(?:[.,](\\d{1,3}))?";

    private static final Pattern TIMED_LINE = Pattern.compile(
            "[ \\t]*(?:\\[" + TIME + "]|\\(" + TIME + "\\)|" + TIME + "(?=[ \\t]|$))[ \\t]*(?:[-–—|:][ \\t]*)?(.*)");
    /** A line that starts like a time but is not one, such as {@code [00:01:75]}: a broken time, not words. */
    private static final Pattern TIME_LIKE = Pattern.compile("[ \\t]*[\\[(]?\\d{1,3}:\\d.*");

    private TimestampedText() {}

    private record Timed(int line, long start, List<String> text) {}

    static TranscriptParse parse(SourceLines source) {
        List<Timed> timed = new ArrayList<>();
        Cues cues = new Cues();
        for (int n = source.nextNonBlank(1); source.exists(n); n = source.nextNonBlank(n + 1)) {
            String line = source.at(n);
            Matcher time = TIMED_LINE.matcher(line);
            if (time.matches()) {
                long start = start(time);
                var fault = cues.check(n, start, start, timeOf(line, time));
                if (fault.isPresent()) {
                    return fault.get();
                }
                timed.add(new Timed(n, start, new ArrayList<>(List.of(time.group(13)))));
            } else if (timed.isEmpty() || TIME_LIKE.matcher(line).matches()) {
                return new TranscriptParse.Malformed(n, LINE_EXAMPLE, source.found(n));
            } else {
                timed.getLast().text().add(line);
            }
        }
        for (int i = 0; i < timed.size(); i++) {
            Timed line = timed.get(i);
            CueText text = CueText.of(line.text());
            if (text.isEmpty()) {
                return new TranscriptParse.Malformed(
                        line.line(), "words after the time (or on the lines under it)", source.found(line.line()));
            }
            long end = i + 1 < timed.size() ? timed.get(i + 1).start() : line.start() + lastLineMillis(text.text());
            cues.add(line.start(), end, text);
        }
        return cues.result(TranscriptFormat.TIMESTAMPED_TEXT);
    }

    private static long start(Matcher time) {
        for (int group = 1; group <= 9; group += 4) {
            if (time.group(group + 1) != null) {
                return CueClock.millis(
                        time.group(group), time.group(group + 1), time.group(group + 2), time.group(group + 3));
            }
        }
        throw new IllegalStateException("a timed line without a time: " + time.group());
    }

    private static String timeOf(String line, Matcher time) {
        return line.substring(0, time.start(13)).strip();
    }

    private static long lastLineMillis(String text) {
        return Math.max(1000, text.split(" ").length * MILLIS_PER_WORD);
    }
}
