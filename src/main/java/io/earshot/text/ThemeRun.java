package io.earshot.text;

import java.time.Instant;

/**
 * One run of theme discovery over the stored signals, as {@code theme_run} records it.
 *
 * @param status running, done or failed
 * @param k the number of themes asked for, 0 for automatic
 * @param days the selection: signals that occurred in the last this many days
 * @param signals signals clustered, once done
 * @param themes clusters found, once done
 * @param detail what went wrong, for a failed run
 */
public record ThemeRun(
        int id,
        String status,
        int k,
        int days,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        Integer signals,
        Integer themes,
        String detail) {

    public boolean running() {
        return status.equals("running");
    }
}
