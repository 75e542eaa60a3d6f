package io.earshot.programme;

/** Checks on the text people type into the programme's forms, with messages that say what is accepted. */
final class Text {

    private Text() {}

    /** {@code value} stripped, with runs of white space made one; refused when blank or longer than {@code max}. */
    static String required(String value, String what, int max) {
        String text = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw new IllegalArgumentException(what + " cannot be empty");
        }
        return limited(text, what, max);
    }

    /** {@code value} stripped, or {@code ""} when absent; refused when longer than {@code max}. */
    static String optional(String value, String what, int max) {
        return limited(value == null ? "" : value.strip(), what, max);
    }

    private static String limited(String text, String what, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(
                    what + " must be at most " + max + " characters, this one has " + text.length());
        }
        return text;
    }
}
