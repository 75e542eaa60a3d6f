package io.earshot.signal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One piece of customer voice or behaviour from one source: a survey response, review, ticket, chat, call transcript,
 * social post, story or diary entry. Scores are {@code null} when the source did not ask for them.
 *
 * @param id Earshot's id of the signal
 * @param source where it came from, e.g. {@code survey} or {@code ticket}
 * @param externalId the source's own id, unique per source; a content hash when the source has none
 * @param provenance file and line, or API client, it was read from
 */
public record Signal(
        UUID id,
        String source,
        String externalId,
        String customerId,
        String accountId,
        Instant occurredAt,
        Instant receivedAt,
        String channel,
        String touchpoint,
        String journeyStage,
        String product,
        String region,
        String segment,
        Integer nps,
        Integer csat,
        Integer ces,
        String text,
        String language,
        Map<String, String> attributes,
        String provenance) {

    public Signal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(provenance, "provenance");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        Scores.check("nps", nps, Scores.NPS_MIN, Scores.NPS_MAX);
        Scores.check("csat", csat, Scores.CSAT_MIN, Scores.CSAT_MAX);
        Scores.check("ces", ces, Scores.CES_MIN, Scores.CES_MAX);
    }
}
