package io.earshot.programme;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a workshop learnt, with the clips and signals behind it.
 *
 * @param clipIds the clips it rests on, each once (as stored, ordered by id)
 * @param signalIds the signals it rests on, each once (as stored, ordered by id)
 */
public record Insight(
        UUID id,
        UUID workshopId,
        String text,
        List<UUID> clipIds,
        List<UUID> signalIds,
        Instant createdAt,
        String createdBy) {

    static final int MAX_TEXT = 2_000;
    static final int MAX_LINKS = 50;

    public Insight {
        text = Text.required(text, "An insight", MAX_TEXT);
        clipIds = List.copyOf(new java.util.LinkedHashSet<>(clipIds));
        signalIds = List.copyOf(new java.util.LinkedHashSet<>(signalIds));
        if (clipIds.size() + signalIds.size() > MAX_LINKS) {
            throw new IllegalArgumentException("An insight links at most " + MAX_LINKS + " clips and signals, this one "
                    + (clipIds.size() + signalIds.size()));
        }
    }
}
