package io.earshot.text;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

/** A signal as the search index holds it: what search filters by, ranks on and shows. */
record IndexedSignal(
        UUID id,
        LocalDateTime occurredAt,
        Map<String, String> fields,
        Integer nps,
        Integer csat,
        Integer ces,
        String text) {

    IndexedSignal {
        fields = Map.copyOf(fields);
    }
}
