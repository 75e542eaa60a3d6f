package io.earshot.signal;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One signal as the verbatims page shows it: its words as the customer wrote or said them, its scores and where it
 * came from.
 *
 * @param occurredAt when it happened, UTC
 * @param text the customer's words, or {@code null} for a score without a comment
 * @param fields the slicing fields and free attributes that have a value (attributes as {@code attributes.NAME}), in
 *     a stable order
 */
public record Verbatim(
        UUID id,
        String source,
        LocalDateTime occurredAt,
        String customerId,
        String text,
        Integer nps,
        Integer csat,
        Integer ces,
        Map<String, String> fields) {

    public Verbatim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        fields = fields == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }
}
