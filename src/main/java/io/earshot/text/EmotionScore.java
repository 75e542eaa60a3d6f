package io.earshot.text;

/**
 * One emotion read in a text and the classifier's probability of it.
 *
 * @param emotion a GoEmotions label in lower case ({@code anger}, {@code gratitude}, …, {@code neutral})
 * @param probability the classifier's probability of that emotion, in [0, 1]
 */
public record EmotionScore(String emotion, double probability) {

    public EmotionScore {
        if (emotion == null || emotion.isBlank()) {
            throw new IllegalArgumentException("emotion is required");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
        }
    }
}
