package io.earshot.programme;

import java.util.Arrays;
import java.util.Locale;

/** Whether an invited person came to a session, as it actually happened. */
public enum Attendance {
    /** Invited; attendance not recorded yet. */
    INVITED,
    ATTENDED,
    ABSENT;

    /** Whether attendance was recorded. */
    public boolean recorded() {
        return this != INVITED;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The store's column: {@code null} for invited, else whether they came. */
    Boolean column() {
        return this == INVITED ? null : this == ATTENDED;
    }

    static Attendance ofColumn(Boolean attended) {
        return attended == null ? INVITED : attended ? ATTENDED : ABSENT;
    }

    /** The attendance named {@code value} in a form; an unknown name is refused with the accepted ones. */
    public static Attendance of(String value) {
        return Arrays.stream(values())
                .filter(attendance -> attendance.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not an attendance; use one of "
                        + Arrays.stream(values()).map(Attendance::value).toList()));
    }
}
