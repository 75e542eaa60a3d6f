package io.earshot.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Negative / neutral / positive sentiment of customer text: a small network over {@link Embedder} sentence embeddings,
 * trained on GoEmotions ({@link TrainSentimentCommand}) and shipped as {@value #RESOURCE}, averaged with the sentiment
 * that the {@link EmotionClassifier}'s 28 emotions imply over the same embedding (the probabilities of each group of
 * GoEmotions' {@value #MAPPING} summed): learnt from finer labels, the emotions add what three classes miss (GoEmotions
 * dev macro-F1 0.715 against 0.710 alone, test 0.716 against 0.705; docs/benchmarks.md). A text that fits
 * the embedder's window is classified whole: on the GoEmotions dev split that beat the length-weighted mean of its
 * sentences (macro-F1 0.703 against 0.667). A longer text is split into sentences and its sentiment is the mean of
 * their class probabilities weighted by sentence length, so that what lies past the window still counts. Each sentence
 * can also be classified on its own ({@link #classifySentences}). Thread-safe.
 */
public final class SentimentClassifier {

    static final String RESOURCE = "/text/sentiment-model.txt";

    /** Sentences read per text at most: the rest of a very long text is not classified. */
    static final int MAX_SENTENCES = 64;

    private static volatile SentimentClassifier shipped;

    /** GoEmotions' grouping of its emotions by sentiment, as the dataset ships it (see text/GOEMOTIONS.md). */
    static final String MAPPING = "/text/goemotions-sentiment-mapping.json";

    /** The share of the emotions' sentiment in the average, chosen on GoEmotions' dev split (0.25 to 1 tried). */
    static final double EMOTION_WEIGHT = 0.5;

    private final SentimentModel model;
    private final Embedder embedder;
    private final EmotionClassifier emotions;
    private final Sentiment[] sentimentOfEmotion;

    /**
     * A classifier of {@code model} averaged with the sentiment of {@code emotions}, whose emotion names
     * {@code groups} (a {@code sentiment_mapping.json}'s content) assigns to sentiments.
     */
    SentimentClassifier(SentimentModel model, EmotionClassifier emotions, String groups, Embedder embedder) {
        if (model.classes() != Sentiment.values().length || model.dimensions() != Embedder.DIMENSIONS) {
            throw new IllegalArgumentException("the sentiment model must have 3 classes over " + Embedder.DIMENSIONS
                    + " dimensions, got " + model.classes() + " over " + model.dimensions());
        }
        this.model = model;
        this.embedder = embedder;
        this.emotions = emotions;
        Map<String, Sentiment> sentiments = GoEmotions.groups(groups);
        this.sentimentOfEmotion =
                emotions.emotions().stream().map(sentiments::get).toArray(Sentiment[]::new);
        if (!Arrays.asList(sentimentOfEmotion).containsAll(List.of(Sentiment.values()))) {
            throw new IllegalArgumentException("the sentiment mapping must give each sentiment an emotion of "
                    + emotions.emotions() + ", got " + sentiments);
        }
    }

    /** The classifier with the weights shipped in the jar, over {@link Embedder#shared()}; loads once per process. */
    public static SentimentClassifier shipped() {
        SentimentClassifier classifier = shipped;
        if (classifier == null) {
            synchronized (SentimentClassifier.class) {
                classifier = shipped;
                if (classifier == null) {
                    classifier = new SentimentClassifier(
                            readShippedModel(), EmotionClassifier.shipped(), readMapping(), Embedder.shared());
                    shipped = classifier;
                }
            }
        }
        return classifier;
    }

    /**
     * The sentiment of a whole text (a signal's comment): classified whole if it has at most {@value
     * Embedder#MAX_CHARS} characters, else the {@link #aggregate} of its sentences. Neutral with certainty if blank.
     */
    public SentimentScore classify(String text) {
        if (text == null || text.isBlank()) {
            return aggregate(List.of());
        }
        if (text.strip().length() <= Embedder.MAX_CHARS) {
            return classifyEmbedding(embedder.embed(text.strip()));
        }
        return aggregate(classifySentences(text));
    }

    /** Each sentence of {@code text} with its sentiment; empty for an empty or blank text. */
    public List<SentenceSentiment> classifySentences(String text) {
        List<SentenceSentiment> classified = new ArrayList<>();
        for (Span span : sentences(text)) {
            classified.add(
                    new SentenceSentiment(span.text(), span.start(), classifyEmbedding(embedder.embed(span.text()))));
        }
        return classified;
    }

    /** The sentiment of a text whose {@link Embedder} vector is {@code embedding}, without splitting it. */
    public SentimentScore classifyEmbedding(float[] embedding) {
        if (embedding.length != Embedder.DIMENSIONS) {
            throw new IllegalArgumentException(
                    "expected a " + Embedder.DIMENSIONS + "-dimension embedding, got " + embedding.length);
        }
        return score(probabilities(embedding));
    }

    /** The class probabilities: the model's and those the emotions imply, averaged by {@link #EMOTION_WEIGHT}. */
    double[] probabilities(float[] embedding) {
        double[] p = model.probabilities(embedding);
        double[] emotion = emotions.probabilities(embedding);
        double[] implied = new double[p.length];
        double total = 0;
        for (int e = 0; e < emotion.length; e++) {
            if (sentimentOfEmotion[e] != null) { // the ambiguous emotions (surprise, curiosity…) say nothing here
                implied[sentimentOfEmotion[e].ordinal()] += emotion[e];
                total += emotion[e];
            }
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = (1 - EMOTION_WEIGHT) * p[k] + EMOTION_WEIGHT * (total > 0 ? implied[k] / total : p[k]);
        }
        return p;
    }

    /**
     * The length-weighted mean of the sentences' probabilities, labelled with its most probable class; neutral with
     * certainty when there is no sentence.
     */
    public static SentimentScore aggregate(List<SentenceSentiment> sentences) {
        if (sentences.isEmpty()) {
            return new SentimentScore(Sentiment.NEUTRAL, 0, 1, 0);
        }
        double[] mean = new double[3];
        double total = 0;
        for (SentenceSentiment sentence : sentences) {
            double weight = sentence.sentence().length();
            for (Sentiment sentiment : Sentiment.values()) {
                mean[sentiment.ordinal()] += weight * sentence.sentiment().probability(sentiment);
            }
            total += weight;
        }
        for (int k = 0; k < mean.length; k++) {
            mean[k] /= total;
        }
        return score(mean);
    }

    /** A sentence of a text and where it starts. */
    record Span(String text, int start) {}

    /** The non-blank sentences of {@code text} (English rules), trimmed, at most {@value #MAX_SENTENCES}. */
    static List<Span> sentences(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return spans;
        }
        BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        boundaries.setText(text);
        int start = boundaries.first();
        for (int end = boundaries.next();
                end != BreakIterator.DONE && spans.size() < MAX_SENTENCES;
                end = boundaries.next()) {
            String sentence = text.substring(start, end);
            if (!sentence.isBlank()) {
                int lead = sentence.indexOf(sentence.strip().charAt(0));
                spans.add(new Span(sentence.strip(), start + lead));
            }
            start = end;
        }
        return spans;
    }

    /** The score of class probabilities (negative, neutral, positive); ties go to neutral, then negative. */
    static SentimentScore score(double[] p) {
        double sum = p[0] + p[1] + p[2];
        double negative = p[0] / sum, neutral = p[1] / sum, positive = p[2] / sum;
        Sentiment best = Sentiment.NEUTRAL;
        if (negative > neutral && negative >= positive) {
            best = Sentiment.NEGATIVE;
        } else if (positive > neutral && positive > negative) {
            best = Sentiment.POSITIVE;
        }
        return new SentimentScore(best, negative, Math.max(0, 1 - negative - positive), positive);
    }

    private static String readMapping() {
        try (InputStream in = SentimentClassifier.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException("The sentiment mapping " + MAPPING + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SentimentModel readShippedModel() {
        try (InputStream in = SentimentClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The sentiment model " + RESOURCE + " is missing from the class path");
            }
            return SentimentModel.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
