package io.earshot.access;

/** A kind of personal data the {@link Redactor} can find, with the placeholder that replaces it in redacted text. */
public enum PiiKind {
    EMAIL("[EMAIL]"),
    PHONE("[PHONE]"),
    CARD("[CARD]"),
    IBAN("[IBAN]"),
    NAME("[NAME]");

    private final String placeholder;

    PiiKind(String placeholder) {
        this.placeholder = placeholder;
    }

    /** The text that stands in for a redacted span of this kind, e.g. {@code [EMAIL]}. */
    public String placeholder() {
        return placeholder;
    }
}
