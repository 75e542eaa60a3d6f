package io.earshot.programme;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

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

    /**
     * The attendance rows of {@code table} for the occasions (sessions, workshops, events) whose ids {@code ids}
     * selects: occasion id ({@code occasion} column) to person id ({@code person} column) to attendance.
     */
    static Map<UUID, Map<UUID, Attendance>> read(
            JdbcTemplate jdbc, String table, String occasion, String person, String ids, Object... args) {
        Map<UUID, Map<UUID, Attendance>> attendance = new HashMap<>();
        jdbc.query(
                "SELECT " + occasion + ", " + person + ", attended FROM " + table + " WHERE " + occasion + " IN (" + ids
                        + ")",
                row -> {
                    attendance
                            .computeIfAbsent(row.getObject(1, UUID.class), id -> new HashMap<>())
                            .put(row.getObject(2, UUID.class), ofColumn((Boolean) row.getObject(3)));
                },
                args);
        return attendance;
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
