package io.earshot.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What people type into the programme's forms, read with errors that name the field and the accepted form. */
final class Forms {

    private Forms() {}

    static int number(String typed, String field, int blank) {
        if (typed == null || typed.isBlank()) {
            return blank;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a whole number, not '" + typed.strip() + "'");
        }
    }

    static BigDecimal amount(String typed, String field) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(typed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + " must be a number such as 25 or 25.50, not '" + typed.strip() + "'");
        }
    }

    static LocalDate date(String typed, String field, LocalDate blank) {
        if (typed == null || typed.isBlank()) {
            if (blank == null) {
                throw new IllegalArgumentException(field + " is needed, as a date such as 2026-12-31");
            }
            return blank;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " must be a date such as 2026-12-31, not '" + typed.strip() + "'");
        }
    }

    /** An optional date: blank gives {@code null}. */
    static LocalDate optionalDate(String typed, String field) {
        return typed == null || typed.isBlank() ? null : date(typed, field, null);
    }

    /** A date and time as a {@code datetime-local} field sends it, in {@code zone}. */
    static Instant time(String typed, String field, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            throw new IllegalArgumentException(field + " is needed, as a date and time such as 2026-12-31T14:30");
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " must be a date and time such as 2026-12-31T14:30, not '" + typed.strip() + "'");
        }
    }

    static UUID id(String typed, String field) {
        try {
            return UUID.fromString(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " is not one of the choices offered");
        }
    }

    static UUID optionalId(String typed, String field) {
        return typed == null || typed.isBlank() ? null : id(typed, field);
    }

    static List<UUID> ids(List<String> typed, String field) {
        List<UUID> ids = new ArrayList<>();
        if (typed != null) {
            for (String one : typed) {
                if (!one.isBlank()) {
                    ids.add(id(one, field));
                }
            }
        }
        return ids;
    }

    /**
     * The attendance a form records for the people whose fields are named {@code prefix:<id>} (e.g.
     * {@code leader:…} = {@code attended}), by id.
     */
    static Map<UUID, Attendance> attendance(Map<String, String> form, String prefix, String field) {
        Map<UUID, Attendance> attendance = new HashMap<>();
        String start = prefix + ":";
        form.forEach((key, value) -> {
            if (key.startsWith(start)) {
                attendance.put(id(key.substring(start.length()), field), Attendance.of(value));
            }
        });
        return attendance;
    }
}
