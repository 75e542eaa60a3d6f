package io.earshot.access;

import java.util.Locale;
import java.util.Optional;

/** What an API token may do. */
public enum TokenScope {
    /** Send signals: {@code POST /api/v1/signals}. */
    INGEST,
    /** Read metrics: {@code GET /api/v1/...}. */
    READ;

    /** The Spring Security authority, {@code SCOPE_<name>}. */
    public String authority() {
        return "SCOPE_" + name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> parse(String text) {
        for (TokenScope scope : values()) {
            if (scope.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }
}
