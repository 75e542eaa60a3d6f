package io.earshot.signal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads the dates of import files as UTC microseconds. ISO-8601 ({@code 2024-03-05T14:22:05.123+01:00}, {@code
 * 2024-03-05 14:22}, {@code 2024-03-05}) is parsed by hand without allocation, since every row has a date; other
 * common forms ({@code 03/05/2024} month first, {@code 5 Mar 2024}, {@code Mar 5, 2024}, {@code 05.03.2024}) go
 * through {@link DateTimeFormatter}. Dates without an offset are in the import's zone.
 */
final class Dates {

    /** Returned for text that is not a date. */
    static final long INVALID = Long.MIN_VALUE;

    static final String ACCEPTED =
            "ISO-8601 such as 2024-03-05T14:22:00Z or 2024-03-05 14:22, 03/05/2024 (month first),"
                    + " 5 Mar 2024 or Mar 5, 2024";

    private static final List<DateTimeFormatter> OTHER_FORMS = List.of(
            form("M/d/uuuu[ H:mm[:ss]]"),
            form("M/d/uuuu h:mm[:ss] a"),
            form("d MMM uuuu[ H:mm[:ss]]"),
            form("d MMMM uuuu[ H:mm[:ss]]"),
            form("MMM d, uuuu[ H:mm[:ss]]"),
            form("MMMM d, uuuu[ H:mm[:ss]]"),
            form("d.M.uuuu[ H:mm[:ss]]"),
            form("uuuu/M/d[ H:mm[:ss]]"),
            DateTimeFormatter.ISO_DATE_TIME,
            DateTimeFormatter.RFC_1123_DATE_TIME);

    private Dates() {}

    private static DateTimeFormatter form(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }

    static long micros(String value, ZoneId zone) {
        String text = value.strip();
        long fast = iso(text, zone);
        return fast != INVALID ? fast : other(text, zone);
    }

    private static long iso(String s, ZoneId zone) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return INVALID;
        }
        int year = digits(s, 0, 4), month = digits(s, 5, 2), day = digits(s, 8, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > LocalDate.of(2000, month, 1).lengthOfMonth()) {
            return INVALID;
        }
        if (month == 2 && day == 29 && !java.time.Year.isLeap(year)) {
            return INVALID;
        }
        int hour = 0, minute = 0, second = 0, micro = 0, i = 10;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ') && i + 6 <= n && s.charAt(i + 3) == ':') {
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i + 3 <= n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    int scale = 100_000;
                    for (i++; i < n && Character.isDigit(s.charAt(i)); i++) {
                        micro += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
                return INVALID;
            }
        }
        long local = (LocalDate.of(year, month, day).toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second)
                        * 1_000_000L
                + micro;
        int offsetSeconds;
        if (i == n) {
            offsetSeconds = zone instanceof ZoneOffset fixed
                    ? fixed.getTotalSeconds()
                    : zone.getRules()
                            .getOffset(LocalDateTime.of(year, month, day, hour, minute, second))
                            .getTotalSeconds();
        } else {
            offsetSeconds = offset(s, i);
            if (offsetSeconds == Integer.MIN_VALUE) {
                return INVALID;
            }
        }
        return local - offsetSeconds * 1_000_000L;
    }

    /** {@code Z}, {@code +01:00}, {@code +0100} or {@code +01} at {@code i}, in seconds; MIN_VALUE otherwise. */
    private static int offset(String s, int i) {
        int n = s.length();
        if (s.charAt(i) == 'Z' && i + 1 == n) {
            return 0;
        }
        char sign = s.charAt(i);
        if ((sign != '+' && sign != '-') || i + 3 > n) {
            return Integer.MIN_VALUE;
        }
        int hours = digits(s, i + 1, 2), minutes = 0;
        int rest = n - (i + 3);
        if (rest == 3 && s.charAt(i + 3) == ':') {
            minutes = digits(s, i + 4, 2);
        } else if (rest == 2) {
            minutes = digits(s, i + 3, 2);
        } else if (rest != 0) {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59) {
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The uncommon forms; parse exceptions are expected here, off the hot path. */
    private static long other(String text, ZoneId zone) {
        for (DateTimeFormatter form : OTHER_FORMS) {
            try {
                TemporalAccessor parsed = form.parse(text);
                LocalDate date = LocalDate.from(parsed);
                LocalDateTime local = parsed.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
                        ? LocalDateTime.from(parsed)
                        : date.atStartOfDay();
                ZoneId in = parsed.query(java.time.temporal.TemporalQueries.zone());
                var instant = local.atZone(in != null ? in : zone).toInstant();
                return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
            } catch (java.time.DateTimeException e) {
                // try the next form
            }
        }
        return INVALID;
    }
}
