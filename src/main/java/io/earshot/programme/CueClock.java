package io.earshot.programme;

/** Reads and writes the clock times of transcripts ({@code 01:02:03.500}) as milliseconds from the start. */
final class CueClock {

    private CueClock() {}

    /**
     * The milliseconds of a time already matched by a caller's pattern: optional hours, minutes, seconds and an
     * optional fraction of a second of 1 to 3 digits (".5" is 500 ms).
     */
    static long millis(String hours, String minutes, String seconds, String fraction) {
        long h = hours == null ? 0 : Long.parseLong(hours);
        long m = Long.parseLong(minutes);
        long s = Long.parseLong(seconds);
        long ms = fraction == null || fraction.isEmpty() ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return ((h * 60 + m) * 60 + s) * 1000 + ms;
    }

    /** A time as {@code hh:mm:ss.ttt}, the way errors quote it. */
    static String format(long millis) {
        long seconds = millis / 1000;
        return "%02d:%02d:%02d.%03d".formatted(seconds / 3600, seconds / 60 % 60, seconds % 60, millis % 1000);
    }
}
