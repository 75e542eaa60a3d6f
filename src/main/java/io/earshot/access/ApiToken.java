package io.earshot.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A token for machines: what it may do, whose data it may read, who made it, when it was last used.
 *
 * @param lastUsedAt {@code null} when never used
 * @param revokedAt {@code null} while it works
 */
public record ApiToken(
        UUID id,
        String name,
        Set<TokenScope> scopes,
        Set<String> units,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public ApiToken {
        scopes = Set.copyOf(scopes);
        units = Set.copyOf(units);
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    Viewer viewer() {
        return new Viewer(id, "token:" + name, name, Set.of(), scopes, units);
    }
}
