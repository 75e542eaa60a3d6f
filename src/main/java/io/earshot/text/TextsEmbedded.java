package io.earshot.text;

import java.util.List;
import java.util.UUID;

/**
 * Published by {@link SignalEmbeddings} after each batch of signal texts has been embedded (and its sentiment stored),
 * so that what reads vectors (theme assignment, the search index) can catch up with those signals.
 *
 * @param signalIds the signals whose vectors were just written, computed or copied from a signal with the identical
 *     text
 */
public record TextsEmbedded(List<UUID> signalIds) {

    public TextsEmbedded {
        signalIds = List.copyOf(signalIds);
    }
}
