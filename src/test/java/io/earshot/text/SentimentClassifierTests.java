package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentClassifierTests {

    private final SentimentClassifier classifier = SentimentClassifier.shipped();

    @Test
    void splitsATextIntoTrimmedSentencesWithTheirStart() {
        String text = "The app crashed twice.  Support was great! Will I get a refund?";

        assertThat(SentimentClassifier.sentences(text))
                .containsExactly(
                        new SentimentClassifier.Span("The app crashed twice.", 0),
                        new SentimentClassifier.Span("Support was great!", 24),
                        new SentimentClassifier.Span("Will I get a refund?", 43));
    }

    @Test
    void classifiesClearPraiseAsPositiveAndClearComplaintsAsNegative() {
        assertThat(classifier.classify("I love this, thank you so much!").sentiment())
                .isEqualTo(Sentiment.POSITIVE);
        assertThat(classifier
                        .classify("This is terrible, I am so angry and disappointed.")
                        .sentiment())
                .isEqualTo(Sentiment.NEGATIVE);
        assertThat(classifier.classify("The parcel was delivered on Tuesday.").sentiment())
                .isEqualTo(Sentiment.NEUTRAL);
    }

    @Test
    void classifiesEachSentence() {
        List<SentenceSentiment> sentences =
                classifier.classifySentences("The delivery was late and the box was damaged. Thanks for the refund!");

        assertThat(sentences).extracting(SentenceSentiment::start).containsExactly(0, 47);
        assertThat(sentences)
                .extracting(sentence -> sentence.sentiment().sentiment())
                .containsExactly(Sentiment.NEGATIVE, Sentiment.POSITIVE);
    }

    @Test
    void weighsSentencesByLength() {
        SentimentScore negative = new SentimentScore(Sentiment.NEGATIVE, 0.8, 0.2, 0.0);
        SentimentScore positive = new SentimentScore(Sentiment.POSITIVE, 0.0, 0.2, 0.8);

        SentimentScore text = SentimentClassifier.aggregate(List.of(
                new SentenceSentiment("x".repeat(30), 0, negative),
                new SentenceSentiment("y".repeat(10), 31, positive)));

        assertThat(text.negative()).isCloseTo(0.6, within(1e-9));
        assertThat(text.positive()).isCloseTo(0.2, within(1e-9));
        assertThat(text.score()).isCloseTo(-0.4, within(1e-9));
        assertThat(text.sentiment()).isEqualTo(Sentiment.NEGATIVE);
    }

    @Test
    void anEmptyTextIsNeutralWithScoreZero() {
        assertThat(classifier.classify("  \n ")).isEqualTo(new SentimentScore(Sentiment.NEUTRAL, 0, 1, 0));
        assertThat(classifier.classify(null).score()).isZero();
    }

    @Test
    void aTextLongerThanTheEmbedderWindowIsTheMeanOfItsSentences() {
        String text = "The service was fine. ".repeat(95) + "I hate this company, it is a disgrace.";

        SentimentScore whole = classifier.classify(text);

        assertThat(text.length()).isGreaterThan(Embedder.MAX_CHARS);
        assertThat(whole).isEqualTo(SentimentClassifier.aggregate(classifier.classifySentences(text)));
    }

    @Test
    void aVeryLongTextReadsAtMostSixtyFourSentences() {
        String text = "The service was fine. ".repeat(10_000);

        assertThat(classifier.classifySentences(text)).hasSize(SentimentClassifier.MAX_SENTENCES);
    }

    /** A model that knows nothing: every class 1/3 whatever the text. */
    private static SentimentModel undecided() {
        return SoftmaxRegression.of(new float[3][Embedder.DIMENSIONS + 1]);
    }

    @Test
    void theEmotionsSentimentCountsHalf() {
        EmotionClassifier emotions = EmotionClassifier.shipped();
        SentimentClassifier undecided = new SentimentClassifier(
                undecided(),
                emotions,
                "{\"positive\": [\"gratitude\", \"joy\"], \"negative\": [\"anger\"], \"ambiguous\": [\"surprise\"]}",
                Embedder.shared());
        float[] embedding = Embedder.shared().embed("Thank you so much, this made my day!");

        double[] p = undecided.probabilities(embedding);

        double[] emotion = emotions.probabilities(embedding);
        double gratitudeAndJoy = emotion[emotions.emotions().indexOf("gratitude")]
                + emotion[emotions.emotions().indexOf("joy")];
        double anger = emotion[emotions.emotions().indexOf("anger")];
        double neutral = emotion[emotions.emotions().indexOf("neutral")];
        double total = gratitudeAndJoy + anger + neutral;
        assertThat(p[Sentiment.POSITIVE.ordinal()]).isCloseTo(0.5 / 3 + 0.5 * gratitudeAndJoy / total, within(1e-9));
        assertThat(p[Sentiment.NEGATIVE.ordinal()]).isCloseTo(0.5 / 3 + 0.5 * anger / total, within(1e-9));
        assertThat(p[Sentiment.NEUTRAL.ordinal()]).isCloseTo(0.5 / 3 + 0.5 * neutral / total, within(1e-9));
        assertThat(undecided.classifyEmbedding(embedding).sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void refusesAMappingThatLeavesASentimentWithoutEmotions() {
        assertThatThrownBy(() -> new SentimentClassifier(
                        undecided(),
                        EmotionClassifier.shipped(),
                        "{\"positive\": [\"joy\"], \"negative\": []}",
                        Embedder.shared()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each sentiment");
    }
}
