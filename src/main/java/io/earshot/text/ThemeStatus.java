package io.earshot.text;

import java.util.Locale;

/**
 * Where a stored theme stands. Only {@link #ACTIVE} themes hold signals; the others keep their centroid so that a
 * recomputation finding them again honours what happened to them (ADR 14).
 */
enum ThemeStatus {
    /** Holds signals, shown on the pages. */
    ACTIVE,
    /** An analyst merged it into another ({@code merged_into}); found again, its signals go to that theme. */
    MERGED,
    /** An analyst deleted it; found again, its signals stay without a theme. */
    DELETED,
    /** An analyst split it into the themes whose {@code split_from} it is; found again, each signal goes to the nearest. */
    SPLIT,
    /** The last recomputation found nothing like it; found again later, it becomes active with its id and name. */
    RETIRED;

    /** The value stored in {@code theme.status}. */
    String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ThemeStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
