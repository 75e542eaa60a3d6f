package io.earshot.programme;

/** Where a leader stands against the {@link ExposureTarget}, as of an instant. */
public enum ExposureStatus {
    /** The target is met and stays met for at least {@link Exposure#NOTICE} without further encounters. */
    ON_TRACK("On track"),
    /** The target is met, but without further encounters it would no longer be within {@link Exposure#NOTICE}. */
    DUE_SOON("Due soon"),
    /** The target is not met in the current window. */
    OVERDUE("Overdue"),
    /** The leader has never had an encounter that has ended. */
    NONE("No encounters yet");

    private final String label;

    ExposureStatus(String label) {
        this.label = label;
    }

    /** The name pages show, e.g. {@code Due soon}. */
    public String label() {
        return label;
    }
}
