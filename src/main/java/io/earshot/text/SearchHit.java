package io.earshot.text;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One signal a search found.
 *
 * @param id the signal's id
 * @param occurredAt when it happened (UTC)
 * @param source its source
 * @param customerId its customer, or {@code null}
 * @param text its text, or {@code null} for a score without words
 * @param snippet the best passages of the text with the query's words in {@code <mark>}, HTML-escaped; {@code null}
 *     when no word of the text matched (a search by fields only)
 * @param nps its NPS answer, or {@code null}
 * @param csat its CSAT answer, or {@code null}
 * @param ces its CES answer, or {@code null}
 * @param fields its other fields that have a value (channel, region, …)
 * @param score its BM25 relevance, or 0 when listed by date
 * @param emotions its stored emotions, most probable first (none while its text is not analysed); the API lists them
 *     beside the hits, by signal id
 */
public record SearchHit(
        UUID id,
        LocalDateTime occurredAt,
        String source,
        String customerId,
        String text,
        String snippet,
        Integer nps,
        Integer csat,
        Integer ces,
        Map<String, String> fields,
        float score,
        @JsonIgnore List<EmotionScore> emotions) {

    public SearchHit {
        fields = Map.copyOf(fields);
        emotions = List.copyOf(emotions);
    }
}
