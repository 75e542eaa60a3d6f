package io.earshot.signal;

import java.util.Arrays;
import java.util.Locale;

/**
 * A score a verbatim must carry to be listed: the responses behind an NPS, CSAT or CES figure are exactly the signals
 * with that score.
 */
public enum VerbatimScore {
    NPS("nps IS NOT NULL"),
    CSAT("csat IS NOT NULL"),
    CES("ces IS NOT NULL");

    private final String sql;

    VerbatimScore(String sql) {
        this.sql = sql;
    }

    /** The name as written in links, e.g. {@code nps}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    String sql() {
        return sql;
    }

    /** The score named {@code text}, or an error listing the accepted names. */
    public static VerbatimScore parse(String text) {
        return Arrays.stream(values())
                .filter(score -> score.key().equalsIgnoreCase(text.strip()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown score '" + text + "'; use nps, csat or ces"));
    }
}
