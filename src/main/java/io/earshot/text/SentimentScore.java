package io.earshot.text;

/**
 * The sentiment of a text: the most probable class and the three class probabilities. {@link #score()} is
 * P(positive) − P(negative), in [−1, 1]: −1 surely negative, 0 neutral or torn, +1 surely positive.
 */
public record SentimentScore(Sentiment sentiment, double negative, double neutral, double positive) {

    public SentimentScore {
        if (sentiment == null) {
            throw new IllegalArgumentException("sentiment is required");
        }
        double sum = negative + neutral + positive;
        if (negative < 0 || neutral < 0 || positive < 0 || Math.abs(sum - 1) > 1e-6) {
            throw new IllegalArgumentException("probabilities must be non-negative and sum to 1, got " + sum);
        }
    }

    /** P(positive) − P(negative), in [−1, 1]. */
    public double score() {
        return positive - negative;
    }

    /** The probability of {@code sentiment}. */
    public double probability(Sentiment of) {
        return switch (of) {
            case NEGATIVE -> negative;
            case NEUTRAL -> neutral;
            case POSITIVE -> positive;
        };
    }
}
