package io.earshot.text;

/** The polarity of what a customer wrote, in the order the classifier's outputs use. */
public enum Sentiment {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

    /** The lower-case name written in files and pages: {@code negative}, {@code neutral} or {@code positive}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
