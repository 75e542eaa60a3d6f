package io.earshot.programme;

import java.util.Arrays;
import java.util.Locale;

/** How a customer session is held. */
public enum SessionFormat {
    VIDEO_CALL("Video call"),
    IN_PERSON("In person"),
    PHONE("Phone");

    private final String label;

    SessionFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** How the store and forms name it, e.g. {@code video_call}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named {@code value}; an unknown name is refused with the accepted ones. */
    public static SessionFormat of(String value) {
        return Arrays.stream(values())
                .filter(format -> format.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a session format; use one of "
                        + Arrays.stream(values()).map(SessionFormat::value).toList()));
    }
}
