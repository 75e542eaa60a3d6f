package io.earshot.text;

import java.util.List;
import java.util.UUID;

/**
 * Published when the theme of some signals (or the label of their theme) changed: after signals arriving were assigned
 * to themes, after an analyst's edit, and with {@link #everySignal} after a recomputation of all themes. Listeners that
 * show themes next to signals (the search index's facets) re-read those signals' {@code signal_theme} rows.
 *
 * @param signalIds the signals whose theme changed; empty when {@code everySignal}
 * @param everySignal whether any signal's theme may have changed (a recomputation): re-read them all
 */
public record ThemesChanged(List<UUID> signalIds, boolean everySignal) {

    public ThemesChanged {
        signalIds = List.copyOf(signalIds);
        if (everySignal && !signalIds.isEmpty()) {
            throw new IllegalArgumentException("A change of every signal's theme lists no ids");
        }
    }

    /** The themes of these signals changed. */
    public static ThemesChanged of(List<UUID> signalIds) {
        return new ThemesChanged(signalIds, false);
    }

    /** Any signal's theme may have changed. */
    public static ThemesChanged all() {
        return new ThemesChanged(List.of(), true);
    }
}
