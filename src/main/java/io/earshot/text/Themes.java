package io.earshot.text;

import java.util.List;

/**
 * The themes of a list of texts and the theme of each text.
 *
 * @param themes the themes, largest first, then the no-text theme if any text had nothing to read
 * @param k the number of themes clustered (without the no-text theme)
 * @param automatic whether k was chosen automatically
 */
public record Themes(List<Theme> themes, int k, boolean automatic, int[] themeIds) {

    public Themes {
        themes = List.copyOf(themes);
        themeIds = themeIds.clone();
    }

    /** The id of the theme of text {@code index} (its position in the input list). */
    public int themeOf(int index) {
        return themeIds[index];
    }

    /** The theme with this id. */
    public Theme theme(int id) {
        return themes.stream()
                .filter(theme -> theme.id() == id)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No theme " + id));
    }

    /** The theme ids of all texts, in input order (a copy). */
    @Override
    public int[] themeIds() {
        return themeIds.clone();
    }
}
