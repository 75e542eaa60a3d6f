package io.earshot.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the sentiment model offline: embeds the GoEmotions train and dev splits, fits softmax regressions on train
 * for each setting in a small grid, keeps the one with the best macro-F1 on dev, shifts the neutral bias to the value
 * that maximises dev macro-F1, and writes the weights. The test split is never read here.
 */
@Command(
        name = "train-sentiment",
        mixinStandardHelpOptions = true,
        description = "Train the sentiment model on GoEmotions (train split; settings chosen on dev) and write it.")
public class TrainSentimentCommand implements Callable<Integer> {

    @Mixin
    GoEmotionsTraining data;

    @Option(
            names = "--hidden-units",
            paramLabel = "N",
            defaultValue = "128",
            description =
                    "Hidden units of the network candidates; 0 tries softmax regression only (default: ${DEFAULT-VALUE}).")
    int units;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "12",
            description = "Training epochs of the network candidates (default: ${DEFAULT-VALUE}).")
    int epochs;

    private record Candidate(int units, SoftmaxRegression.Settings settings) {}

    @Override
    public Integer call() throws IOException {
        List<GoEmotions.Row> train = GoEmotions.read(data.goemotions, "train");
        List<GoEmotions.Row> dev = GoEmotions.read(data.goemotions, "dev");
        float[][] trainX = features(train, "train");
        float[][] devX = features(dev, "dev");
        int[] trainY = train.stream().mapToInt(row -> row.sentiment().ordinal()).toArray();
        List<Sentiment> devY = dev.stream().map(GoEmotions.Row::sentiment).toList();

        SentimentModel best = null;
        String bestSettings = null;
        double bestF1 = -1;
        List<Candidate> candidates = new ArrayList<>();
        for (double l2 : new double[] {0, 1e-4, 1e-3}) {
            for (boolean balanced : new boolean[] {false, true}) {
                candidates.add(new Candidate(
                        0,
                        new SoftmaxRegression.Settings(
                                l2, 30, 0.003, balanced ? balancedWeights(trainY) : null, 20261202L)));
            }
        }
        for (double l2 : new double[] {1e-5, 1e-4}) {
            candidates.add(new Candidate(
                    units, new SoftmaxRegression.Settings(l2, epochs, 0.001, balancedWeights(trainY), 20261202L)));
        }
        for (Candidate candidate : candidates) {
            if (candidate.units() > 0 && units == 0) {
                continue;
            }
            var settings = candidate.settings();
            SentimentModel model = candidate.units() == 0
                    ? SoftmaxRegression.train(trainX, trainY, 3, settings)
                    : HiddenLayerNetwork.train(trainX, trainY, 3, candidate.units(), settings);
            SentimentEvaluation evaluation = evaluate(model, devX, devY);
            String described = String.format(
                    Locale.ROOT,
                    "%s l2=%s epochs=%d class-weights=%s",
                    model,
                    settings.l2(),
                    settings.epochs(),
                    settings.classWeights() != null ? "balanced" : "none");
            System.err.println(described + ": dev " + evaluation);
            if (evaluation.macroF1() > bestF1) {
                best = model;
                bestF1 = evaluation.macroF1();
                bestSettings = described;
            }
        }
        double bestShift = 0;
        for (double shift = -1.0; shift <= 1.0001; shift += 0.1) {
            double f1 = evaluate(best.withBiasShift(Sentiment.NEUTRAL.ordinal(), shift), devX, devY)
                    .macroF1();
            if (f1 > bestF1 + 1e-9) {
                bestF1 = f1;
                bestShift = shift;
            }
        }
        best = best.withBiasShift(Sentiment.NEUTRAL.ordinal(), bestShift);
        SentimentEvaluation chosen = evaluate(best, devX, devY);
        String summary =
                String.format(Locale.ROOT, "%s neutral-bias-shift=%.1f: dev %s", bestSettings, bestShift, chosen);
        System.err.println("Chosen " + summary);
        write(best, summary, train.size());
        System.err.println("Wrote " + data.output);
        return 0;
    }

    private void write(SentimentModel model, String summary, int trainRows) throws IOException {
        try (BufferedWriter out = data.openOutput()) {
            out.write("# Earshot sentiment model: " + model + " over " + Embedder.MODEL + " sentence embeddings.\n");
            out.write(
                    "# 'h <bias> <weights>' lines: hidden ReLU units over the embedding (none for softmax regression).\n");
            out.write("# 'w <bias> <weights>' lines: the output classes negative, neutral, positive (softmax).\n");
            out.write("# Trained by 'earshot train-sentiment' on the GoEmotions train split (" + trainRows
                    + " rows with one sentiment; CC BY 4.0, see GOEMOTIONS.md).\n");
            out.write("# " + summary + "\n");
            model.write(out);
        }
    }

    private static SentimentEvaluation evaluate(SentimentModel model, float[][] x, List<Sentiment> expected) {
        List<Sentiment> predicted = new ArrayList<>(x.length);
        for (float[] features : x) {
            predicted.add(
                    SentimentClassifier.score(model.probabilities(features)).sentiment());
        }
        return SentimentEvaluation.of(expected, predicted);
    }

    private static double[] balancedWeights(int[] y) {
        double[] counts = new double[3];
        for (int label : y) {
            counts[label]++;
        }
        double[] weights = new double[3];
        for (int k = 0; k < 3; k++) {
            weights[k] = y.length / (3 * counts[k]);
        }
        return weights;
    }

    /** The embeddings of the rows, from the cache when it holds the whole split, else computed (and cached). */
    private float[][] features(List<GoEmotions.Row> rows, String split) throws IOException {
        float[][] all = data.vectors(split);
        float[][] features = new float[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            features[i] = all[rows.get(i).line()];
        }
        return features;
    }
}
