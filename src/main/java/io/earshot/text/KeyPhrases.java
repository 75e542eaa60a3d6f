package io.earshot.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The phrases that set each theme apart, by class-based TF-IDF (c-TF-IDF, as in BERTopic): all texts of a theme form
 * one document; a term's weight in theme c is {@code tf(t, c) · log(1 + A / f(t))}, with tf the term's share of the
 * theme's terms, A the mean number of terms per theme and f(t) the term's count over all themes. Terms are the
 * unigrams and bigrams left after lower-casing and removing English stop words, kept when they occur in at least
 * {@link #minDocumentFrequency} texts.
 */
final class KeyPhrases {

    /** Words too common to name a theme: English function words and the contractions they form. */
    static final Set<String> STOP_WORDS = Set.of(
            "a",
            "about",
            "above",
            "after",
            "again",
            "against",
            "all",
            "also",
            "am",
            "an",
            "and",
            "any",
            "are",
            "aren",
            "as",
            "at",
            "be",
            "because",
            "been",
            "before",
            "being",
            "below",
            "between",
            "both",
            "but",
            "by",
            "can",
            "cannot",
            "cant",
            "could",
            "couldn",
            "couldnt",
            "did",
            "didn",
            "didnt",
            "do",
            "does",
            "doesn",
            "doesnt",
            "doing",
            "don",
            "dont",
            "down",
            "during",
            "each",
            "else",
            "etc",
            "even",
            "ever",
            "every",
            "few",
            "for",
            "from",
            "further",
            "get",
            "got",
            "had",
            "hadn",
            "has",
            "hasn",
            "have",
            "haven",
            "having",
            "he",
            "her",
            "here",
            "hers",
            "herself",
            "him",
            "himself",
            "his",
            "how",
            "however",
            "i",
            "id",
            "if",
            "im",
            "in",
            "into",
            "is",
            "isn",
            "isnt",
            "it",
            "its",
            "itself",
            "ive",
            "just",
            "ll",
            "me",
            "might",
            "more",
            "most",
            "much",
            "must",
            "my",
            "myself",
            "no",
            "nor",
            "not",
            "now",
            "of",
            "off",
            "on",
            "once",
            "one",
            "only",
            "or",
            "other",
            "our",
            "ours",
            "ourselves",
            "out",
            "over",
            "own",
            "please",
            "re",
            "really",
            "same",
            "shall",
            "she",
            "should",
            "shouldn",
            "so",
            "some",
            "still",
            "such",
            "than",
            "that",
            "thats",
            "the",
            "their",
            "theirs",
            "them",
            "themselves",
            "then",
            "there",
            "these",
            "they",
            "this",
            "those",
            "through",
            "to",
            "too",
            "under",
            "until",
            "up",
            "us",
            "ve",
            "very",
            "want",
            "was",
            "wasn",
            "way",
            "we",
            "were",
            "weren",
            "what",
            "whats",
            "when",
            "where",
            "which",
            "while",
            "who",
            "whom",
            "why",
            "will",
            "with",
            "won",
            "wont",
            "would",
            "wouldn",
            "yet",
            "you",
            "youd",
            "your",
            "youre",
            "yours",
            "yourself",
            "yourselves");

    private KeyPhrases() {}

    /** The smallest number of texts a term must occur in: 2, or 1 for fewer than 20 texts. */
    static int minDocumentFrequency(int texts) {
        return texts < 20 ? 1 : 2;
    }

    /**
     * The {@code top} highest-weighted phrases of each theme, best first. {@code themes[i]} is the theme of
     * {@code texts.get(i)} in {@code 0..count-1}, or negative to leave the text out.
     */
    static List<List<String>> of(List<String> texts, int[] themes, int count, int top) {
        List<List<String>> terms = texts.stream().map(KeyPhrases::terms).toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (List<String> textTerms : terms) {
            textTerms.stream().distinct().forEach(term -> documentFrequency.merge(term, 1, Integer::sum));
        }
        int minimum = minDocumentFrequency(texts.size());
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            counts.add(new HashMap<>());
        }
        Map<String, Integer> overall = new HashMap<>();
        long total = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (themes[i] < 0) {
                continue;
            }
            for (String term : terms.get(i)) {
                if (documentFrequency.get(term) >= minimum) {
                    counts.get(themes[i]).merge(term, 1, Integer::sum);
                    overall.merge(term, 1, Integer::sum);
                    total++;
                }
            }
        }
        double average = (double) total / count;
        List<List<String>> phrases = new ArrayList<>();
        for (Map<String, Integer> theme : counts) {
            double size = theme.values().stream().mapToInt(Integer::intValue).sum();
            List<String> ranked = theme.entrySet().stream()
                    .sorted((a, b) -> {
                        double wa = a.getValue() / size * Math.log(1 + average / overall.get(a.getKey()));
                        double wb = b.getValue() / size * Math.log(1 + average / overall.get(b.getKey()));
                        int byWeight = Double.compare(wb, wa);
                        return byWeight != 0 ? byWeight : a.getKey().compareTo(b.getKey());
                    })
                    .map(Map.Entry::getKey)
                    .toList();
            phrases.add(distinct(ranked, top));
        }
        return phrases;
    }

    /**
     * The first {@code top} phrases that each add a word: a bigram replaces a chosen unigram it contains, and a phrase
     * whose words are all chosen already is skipped.
     */
    static List<String> distinct(List<String> ranked, int top) {
        List<String> chosen = new ArrayList<>();
        for (String phrase : ranked) {
            if (chosen.size() == top) {
                break;
            }
            List<String> words = List.of(phrase.split(" "));
            if (chosen.stream()
                    .flatMap(p -> List.of(p.split(" ")).stream())
                    .toList()
                    .containsAll(words)) {
                continue;
            }
            if (words.size() > 1) {
                chosen.removeIf(words::contains);
            }
            chosen.add(phrase);
        }
        return chosen;
    }

    /** The unigrams and bigrams of a text, in order, after stop words are removed. */
    static List<String> terms(String text) {
        List<String> words = words(text);
        List<String> terms = new ArrayList<>(words);
        for (int i = 1; i < words.size(); i++) {
            terms.add(words.get(i - 1) + " " + words.get(i));
        }
        return terms;
    }

    /** Lower-case words of two or more letters or digits, apostrophes dropped ("don't" → "dont"), no stop words. */
    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replace("'", "")
                .replace("’", "");
        List<String> words = new ArrayList<>();
        for (String word : folded.split("[^\\p{L}\\p{N}]+")) {
            if (word.length() >= 2
                    && !STOP_WORDS.contains(word)
                    && !word.chars().allMatch(Character::isDigit)) {
                words.add(word);
            }
        }
        return words;
    }
}
