package io.earshot.text;

import java.time.Instant;
import java.util.List;

/**
 * One row of {@code theme}: a theme as stored, with what analysts did to it.
 *
 * @param label what pages show: the analyst's name if renamed, else the key phrases
 * @param keyPhrases the c-TF-IDF phrases of the last computation, best first
 * @param renamed whether an analyst named it (a recomputation then keeps the label)
 * @param mergedInto for a merged theme, the theme that took its signals, else {@code null}
 * @param splitFrom for a theme made by a split, the theme it came from, else {@code null}
 * @param centroid the normalised mean of its signals' vectors when last computed (kept for matching when retired)
 * @param editedBy who made the last analyst edit, or {@code null}
 * @param editedAt when, or {@code null}
 */
record StoredTheme(
        int id,
        String label,
        List<String> keyPhrases,
        boolean renamed,
        ThemeStatus status,
        Integer mergedInto,
        Integer splitFrom,
        float[] centroid,
        Instant createdAt,
        Instant updatedAt,
        String editedBy,
        Instant editedAt) {

    /** The separator of key phrases in {@code key_phrases} and in generated labels. */
    static final String SEPARATOR = " · ";

    StoredTheme {
        keyPhrases = List.copyOf(keyPhrases);
    }

    public boolean isActive() {
        return status == ThemeStatus.ACTIVE;
    }

    /** The label a theme with these phrases gets when no analyst named it. */
    static String labelOf(List<String> keyPhrases, int id) {
        return keyPhrases.isEmpty() ? "theme " + id : String.join(SEPARATOR, keyPhrases);
    }
}
