package io.earshot.text;

import java.util.List;
import java.util.UUID;

/**
 * Published by {@link SignalEmbeddings} after the sentiment or emotions of texts embedded earlier were filled in (by a
 * model that arrived after their vectors), so that the search index, which keeps both with each signal, shows them.
 *
 * @param signalIds the signals whose sentiment or emotions were just written
 */
record TextsAnalysed(List<UUID> signalIds) {

    TextsAnalysed {
        signalIds = List.copyOf(signalIds);
    }
}
