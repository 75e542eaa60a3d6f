package io.earshot.demo;

import java.time.Instant;

/**
 * One generated signal of the demo company, as it is written to the import file.
 *
 * @param source {@code survey}, {@code chat}, {@code ticket} or {@code review}
 * @param externalId unique per source and stable across runs, e.g. {@code NPS-000042}
 * @param intent the banking77 intent of the text, or {@link Intent#COMPLAINT}
 * @param issue the CFPB issue of a complaint narrative, else {@code null}
 * @param origin where the text comes from: {@code banking77} or {@code cfpb}
 */
record DemoSignal(
        String source,
        String externalId,
        String customerId,
        String accountId,
        Instant occurredAt,
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
        String intent,
        String issue,
        String origin) {}
