package io.earshot.programme;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much time with customers a leader should spend in every rolling window, e.g. two hours every six weeks.
 *
 * <p>The window is a {@link Duration}, not a calendar period: exposure is counted on instants, so a day is 24 hours
 * and a week 7 days whatever the time zone.
 *
 * @param amount the time to spend, more than zero and no more than {@code window}
 * @param window the length of the rolling window, more than zero
 */
public record ExposureTarget(Duration amount, Duration window) {

    /** Two hours every six weeks (42 days). */
    public static final ExposureTarget DEFAULT = new ExposureTarget(Duration.ofHours(2), Duration.ofDays(42));

    /** The form {@link #parse} accepts, for error messages and settings pages. */
    public static final String FORM =
            "<amount>/<window> in whole numbers with a unit m (minutes), h (hours), d (days) or w (weeks),"
                    + " e.g. 2h/6w or 90m/30d";

    private static final Pattern TEXT =
            Pattern.compile("\\s*(\\d{1,6})\\s*([mhdw])\\s*/\\s*(\\d{1,6})\\s*([mhdw])\\s*", Pattern.CASE_INSENSITIVE);

    public ExposureTarget {
        Objects.requireNonNull(amount, "Exposure target amount is required");
        Objects.requireNonNull(window, "Exposure target window is required");
        String problem = problem(amount, window);
        if (problem != null) {
            throw new IllegalArgumentException("Exposure target " + problem);
        }
    }

    /** The target written as {@code text}, e.g. {@code 2h/6w}; an error naming the accepted {@link #FORM} otherwise. */
    public static ExposureTarget parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Exposure target '" + text + "' is not of the form " + FORM);
        }
        Duration amount = duration(matcher.group(1), matcher.group(2));
        Duration window = duration(matcher.group(3), matcher.group(4));
        String problem = problem(amount, window);
        if (problem != null) {
            throw new IllegalArgumentException("Exposure target '" + text + "': " + problem);
        }
        return new ExposureTarget(amount, window);
    }

    /** The target in the form {@link #parse} reads, with the largest whole unit, e.g. {@code 2h/6w}. */
    public String text() {
        return text(amount) + "/" + text(window);
    }

    /** The target in words for pages, e.g. {@code 2 hours every 6 weeks}. */
    public String label() {
        return words(amount) + " every " + words(window);
    }

    @Override
    public String toString() {
        return text();
    }

    /** What makes {@code amount} per {@code window} unusable as a target, or {@code null} when it is usable. */
    private static String problem(Duration amount, Duration window) {
        if (!amount.isPositive()) {
            return "amount must be more than zero, was " + text(amount);
        }
        if (!window.isPositive()) {
            return "window must be more than zero, was " + text(window);
        }
        if (amount.compareTo(window) > 0) {
            return "amount " + text(amount) + " cannot be more than its window " + text(window);
        }
        return null;
    }

    private static Duration duration(String number, String unit) {
        long n = Long.parseLong(number);
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static String text(Duration duration) {
        Unit unit = Unit.largestDividing(duration);
        if (duration.isZero()) {
            return "0";
        }
        return unit == null ? duration.toString() : duration.toMinutes() / unit.minutes + unit.symbol;
    }

    private static String words(Duration duration) {
        Unit unit = Unit.largestDividing(duration);
        if (unit == null) {
            return duration.toString();
        }
        long n = duration.toMinutes() / unit.minutes;
        return n + " " + unit.word + (n == 1 ? "" : "s");
    }

    /** The units a target is written in, largest first. */
    private enum Unit {
        WEEK("w", "week", 7 * 24 * 60),
        DAY("d", "day", 24 * 60),
        HOUR("h", "hour", 60),
        MINUTE("m", "minute", 1);

        private final String symbol;
        private final String word;
        private final long minutes;

        Unit(String symbol, String word, long minutes) {
            this.symbol = symbol;
            this.word = word;
            this.minutes = minutes;
        }

        /** The largest unit that {@code duration} is a whole number of, or {@code null} below whole minutes. */
        static Unit largestDividing(Duration duration) {
            if (duration.isZero() || duration.isNegative()) {
                return null;
            }
            if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
                return null;
            }
            for (Unit unit : values()) {
                if (duration.toMinutes() % unit.minutes == 0) {
                    return unit;
                }
            }
            return null;
        }
    }
}
