package io.earshot.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * One time someone watched a clip.
 *
 * @param startedAt when they started watching
 * @param seconds how long it actually played
 */
record ClipView(UUID clipId, String title, Instant startedAt, double seconds) {}
