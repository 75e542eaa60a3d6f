package io.earshot.text;

import java.util.List;

/**
 * One theme found in a list of texts.
 *
 * @param id 1 for the largest theme, 2 for the next…; {@value #NO_TEXT} for the texts with nothing to read
 * @param label the key phrases joined by " · ", for example "card · declined · payment"
 * @param keyPhrases the phrases that set the theme apart (c-TF-IDF), best first; empty for the no-text theme
 * @param size how many texts the theme holds
 * @param representatives the indexes of the texts nearest the theme's centre, nearest first
 */
public record Theme(int id, String label, List<String> keyPhrases, int size, List<Integer> representatives) {

    /** The id of the theme of empty texts and texts without a letter or digit (only emoji, punctuation). */
    public static final int NO_TEXT = 0;

    /** The label of the no-text theme. */
    public static final String NO_TEXT_LABEL = "(no text)";

    public Theme {
        keyPhrases = List.copyOf(keyPhrases);
        representatives = List.copyOf(representatives);
        if (id < 0 || size < 0) {
            throw new IllegalArgumentException("A theme's id and size cannot be negative");
        }
    }
}
