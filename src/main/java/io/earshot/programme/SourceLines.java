package io.earshot.programme;

import java.util.List;
import java.util.regex.Pattern;

/** The lines of a decoded transcript file, numbered from 1 as an editor numbers them, with how to name each in errors. */
record SourceLines(List<String> lines) {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final int QUOTED_LENGTH = 80;

    SourceLines {
        lines = List.copyOf(lines);
    }

    /** Splits text at LF, CRLF or CR; a final line break does not start another line. */
    static SourceLines of(String text) {
        return new SourceLines(List.of(LINE_BREAK.split(text, -1)));
    }

    int count() {
        return lines.size();
    }

    /** The text of line {@code number} (from 1); the empty string past the end of the file. */
    String at(int number) {
        return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
    }

    boolean exists(int number) {
        return number >= 1 && number <= lines.size();
    }

    boolean isBlank(int number) {
        return at(number).isBlank();
    }

    /** The first non-blank line at or after {@code number}, or {@code count() + 1} when there is none. */
    int nextNonBlank(int number) {
        int n = number;
        while (exists(n) && isBlank(n)) {
            n++;
        }
        return n;
    }

    /** Line {@code number} as an error's "found": the quoted text, "a blank line" or "the end of the file". */
    String found(int number) {
        if (!exists(number) || (number == lines.size() && at(number).isEmpty())) {
            return "the end of the file";
        }
        String text = at(number).strip();
        if (text.isEmpty()) {
            return "a blank line";
        }
        return "'" + (text.length() > QUOTED_LENGTH ? text.substring(0, QUOTED_LENGTH) + "…" : text) + "'";
    }
}
