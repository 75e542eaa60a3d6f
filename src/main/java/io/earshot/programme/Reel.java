package io.earshot.programme;

import java.time.Instant;
import java.util.UUID;

/** An ordered playlist of clips, played back to back with a title card before each, to show customers' words. */
public record Reel(UUID id, String title, String description, Instant createdAt, String createdBy) {

    static final int MAX_TITLE = 120;
    static final int MAX_DESCRIPTION = 2_000;

    public Reel {
        title = Text.required(title, "A reel's title", MAX_TITLE);
        description = Text.optional(description, "A reel's description", MAX_DESCRIPTION);
    }
}
