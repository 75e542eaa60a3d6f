package io.earshot.programme;

import java.util.Map;
import java.util.UUID;

/**
 * How far a clip or reel reached: how many people watched it and for how long.
 *
 * @param viewers distinct people who watched
 * @param seconds seconds played, over all views
 * @param secondsByViewer seconds played by each viewer (user id), most first
 */
public record Reach(long viewers, double seconds, Map<UUID, Double> secondsByViewer) {

    public Reach {
        secondsByViewer = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondsByViewer));
    }

    /** The time watched in minutes. */
    public double minutes() {
        return seconds / 60;
    }
}
