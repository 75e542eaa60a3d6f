package io.earshot.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A workshop or closeness event someone attended or is invited to, as exposure counts it: when it began and ended.
 *
 * @param id the workshop's or event's id
 */
record Occasion(UUID id, UUID programmeId, String title, Instant start, Instant end) {}
