package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Small texts with two obvious themes, embedded by the real model. */
class ThemeDiscoveryTests {

    static final List<String> TEXTS = List.of(
            "My card was declined at the supermarket",
            "Card payment declined again at the shop",
            "Why does my card keep getting declined when I pay?",
            "The shop declined my debit card",
            "How do I reset my password?",
            "I forgot my password and cannot log in",
            "Password reset email never arrived",
            "I can't log in, the password is not accepted",
            "",
            "👍👍🔥",
            "Declined card at the petrol station");

    static List<float[]> vectors;

    @BeforeAll
    static void embed() {
        vectors = Embedder.shared().embedAll(TEXTS);
    }

    @Test
    void groupsTextsByThemeAndNamesEachByItsKeyPhrases() {
        Themes themes = ThemeDiscovery.discover(TEXTS, vectors, 2);

        assertThat(themes.k()).isEqualTo(2);
        assertThat(themes.automatic()).isFalse();
        int cards = themes.themeOf(0);
        int passwords = themes.themeOf(4);
        assertThat(cards).isNotEqualTo(passwords).isPositive();
        assertThat(List.of(1, 2, 3, 10))
                .allSatisfy(i -> assertThat(themes.themeOf(i)).isEqualTo(cards));
        assertThat(List.of(5, 6, 7))
                .allSatisfy(i -> assertThat(themes.themeOf(i)).isEqualTo(passwords));
        assertThat(themes.theme(cards).label()).contains("declined");
        assertThat(themes.theme(passwords).label()).contains("password");
        assertThat(themes.theme(cards).size()).isEqualTo(5);
        assertThat(themes.theme(cards).id()).isEqualTo(1);
        assertThat(themes.theme(cards).representatives())
                .hasSize(3)
                .allSatisfy(i -> assertThat(i).isIn(0, 1, 2, 3, 10));
    }

    @Test
    void textsWithNothingToReadFormTheNoTextTheme() {
        Themes themes = ThemeDiscovery.discover(TEXTS, vectors, 2);

        assertThat(themes.themeOf(8)).isEqualTo(Theme.NO_TEXT);
        assertThat(themes.themeOf(9)).isEqualTo(Theme.NO_TEXT);
        assertThat(themes.theme(Theme.NO_TEXT).label()).isEqualTo("(no text)");
        assertThat(themes.theme(Theme.NO_TEXT).size()).isEqualTo(2);
        assertThat(themes.themes()).hasSize(3);
    }

    @Test
    void choosesTheNumberOfThemesWhenNotGiven() {
        Themes themes = ThemeDiscovery.discover(TEXTS, vectors);

        assertThat(themes.automatic()).isTrue();
        assertThat(themes.k()).isBetween(2, 9);
        assertThat(themes.themes().stream().mapToInt(Theme::size).sum()).isEqualTo(TEXTS.size());
    }

    @Test
    void aKAboveTheNumberOfTextsGivesOneThemePerTextAndOnlyEmptyTextsGiveOnlyTheNoTextTheme() {
        assertThat(ThemeDiscovery.discover(TEXTS.subList(0, 3), vectors.subList(0, 3), 10)
                        .k())
                .isEqualTo(3);
        Themes empty = ThemeDiscovery.discover(TEXTS.subList(8, 10), vectors.subList(8, 10));
        assertThat(empty.k()).isZero();
        assertThat(empty.themes()).extracting(Theme::id).containsExactly(Theme.NO_TEXT);
    }
}
