package io.earshot.programme;

/** What came of reading a transcript file: its transcript, or the first place where it is not one. */
public sealed interface TranscriptParse permits TranscriptParse.Parsed, TranscriptParse.Malformed {

    /** A transcript read in full, and the format it was read as. */
    record Parsed(Transcript transcript, TranscriptFormat format) implements TranscriptParse {

        public Parsed {
            if (transcript == null || format == null) {
                throw new IllegalArgumentException("transcript and format are required");
            }
        }
    }

    /**
     * A file that is not a transcript Earshot can read; nothing of it is kept.
     *
     * @param line the 1-based line of the file at fault, or 0 when the fault is the file as a whole (too large, empty,
     *     no cues)
     * @param expected what would have been accepted there, such as "a cue timing such as 00:01:02.500 -->
     *     00:01:05.000"
     * @param found what was there instead, quoted when it is the line's text
     */
    record Malformed(int line, String expected, String found) implements TranscriptParse {

        public Malformed {
            if (line < 0 || expected == null || found == null) {
                throw new IllegalArgumentException("line must be 0 or more, expected and found are required");
            }
        }

        /** The fault for a person: "line 7: expected …, found …", without "line" when it is the whole file. */
        public String message() {
            return (line > 0 ? "line " + line + ": " : "") + "expected " + expected + ", found " + found;
        }
    }
}
