package io.earshot.programme;

/**
 * One spoken line of a recorded customer session: when it was said, by whom if the transcript says, and what.
 *
 * @param number the line's place in the transcript, from 1
 * @param startMillis when the line starts, in milliseconds from the start of the recording
 * @param endMillis when the line ends, at or after {@code startMillis}
 * @param speaker who speaks, as the transcript names them, or {@code null} when it does not
 * @param text the words, on one line, without markup
 */
public record TranscriptLine(int number, long startMillis, long endMillis, String speaker, String text) {

    public TranscriptLine {
        if (number < 1) {
            throw new IllegalArgumentException("number must be 1 or more, was " + number);
        }
        if (startMillis < 0) {
            throw new IllegalArgumentException("startMillis must be 0 or more, was " + startMillis);
        }
        if (endMillis < startMillis) {
            throw new IllegalArgumentException(
                    "endMillis must be at or after startMillis " + startMillis + ", was " + endMillis);
        }
        if (speaker != null && speaker.isBlank()) {
            throw new IllegalArgumentException("speaker must be null or non-blank");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must be non-blank");
        }
    }
}
