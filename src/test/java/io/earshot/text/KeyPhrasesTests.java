package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyPhrasesTests {

    @Test
    void wordsAreLowerCasedWithoutStopWordsApostrophesOrNumbers() {
        assertThat(KeyPhrases.words("Why didn't my Card work? I paid 20 EUR!"))
                .containsExactly("card", "work", "paid", "eur");
    }

    @Test
    void termsAreUnigramsThenBigramsOfTheRemainingWords() {
        assertThat(KeyPhrases.terms("my card was declined")).containsExactly("card", "declined", "card declined");
    }

    @Test
    void aThemeIsNamedByWhatSetsItApartNotByWhatEveryThemeSays() {
        List<String> texts = List.of(
                "card declined at the shop, app is fine",
                "my card declined again, the app says nothing",
                "card declined when paying online in the app",
                "refund for my order never came, the app says pending",
                "still waiting for a refund, app shows nothing",
                "refund missing for my order in the app");
        int[] themes = {0, 0, 0, 1, 1, 1};

        List<List<String>> phrases = KeyPhrases.of(texts, themes, 2, 2);

        assertThat(phrases.get(0)).first().isEqualTo("card declined");
        assertThat(phrases.get(1)).first().isEqualTo("refund");
        // "app" is in every text: it can follow, never lead
        assertThat(phrases.get(1)).containsExactly("refund", "order");
    }

    @Test
    void aBigramReplacesTheChosenUnigramItContainsAndRepeatsAreSkipped() {
        assertThat(KeyPhrases.distinct(List.of("card", "card declined", "declined", "shop", "fee"), 3))
                .containsExactly("card declined", "shop", "fee");
    }
}
