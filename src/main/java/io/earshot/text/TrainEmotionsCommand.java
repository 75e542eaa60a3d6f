package io.earshot.text;

import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntPredicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains the emotion model offline: embeds the GoEmotions train and dev splits, fits a multi-label network on train for
 * each setting in a small grid, chooses each emotion's threshold on dev ({@link #thresholds}), keeps the setting with
 * the best dev macro-F1 and writes it. The test split is never read here.
 */
@Command(
        name = "train-emotions",
        mixinStandardHelpOptions = true,
        description = "Train the emotion model on GoEmotions (train split; settings and thresholds chosen on dev).")
public class TrainEmotionsCommand implements Callable<Integer> {

    @Mixin
    GoEmotionsTraining data;

    @Option(
            names = "--hidden-units",
            paramLabel = "N",
            split = ",",
            defaultValue = "0,128",
            description = "Hidden units of the candidates, 0 for none (default: ${DEFAULT-VALUE}).")
    List<Integer> units;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "10",
            description = "Training epochs of each candidate (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws IOException {
        List<String> emotions = GoEmotions.emotionNames(data.goemotions);
        List<GoEmotions.Labelled> train = GoEmotions.readEmotions(data.goemotions, "train");
        List<GoEmotions.Labelled> dev = GoEmotions.readEmotions(data.goemotions, "dev");
        float[][] trainX = features(train, "train");
        float[][] devX = features(dev, "dev");
        boolean[][] trainY = EmotionEvaluation.matrix(
                train.stream().map(GoEmotions.Labelled::emotions).toList(), emotions.size());
        boolean[][] devY = EmotionEvaluation.matrix(
                dev.stream().map(GoEmotions.Labelled::emotions).toList(), emotions.size());

        EmotionClassifier best = null;
        EmotionEvaluation bestEvaluation = null;
        String bestSettings = null;
        for (int hidden : units) {
            for (double l2 : hidden == 0 ? new double[] {0, 1e-4} : new double[] {1e-5, 1e-4}) {
                var settings = new EmotionNetwork.Settings(hidden, l2, epochs, 0.001, 20261202L);
                long started = System.nanoTime();
                EmotionNetwork network = EmotionNetwork.train(trainX, trainY, settings);
                EmotionClassifier classifier = new EmotionClassifier(
                        emotions, thresholds(new EmotionClassifier.Shape(emotions), network, devX, devY), network);
                EmotionEvaluation evaluation = evaluate(classifier, devX, devY);
                String described = String.format(Locale.ROOT, "%s l2=%s epochs=%d lr=0.001", network, l2, epochs);
                System.err.printf(
                        Locale.ROOT,
                        "%s: dev %s (%.0f s)%n",
                        described,
                        evaluation,
                        (System.nanoTime() - started) / 1e9);
                if (bestEvaluation == null || evaluation.macroF1() > bestEvaluation.macroF1()) {
                    best = classifier;
                    bestEvaluation = evaluation;
                    bestSettings = described;
                }
            }
        }
        String summary = bestSettings + ", thresholds per emotion chosen on dev: dev " + bestEvaluation;
        System.err.println("Chosen " + summary);
        System.err.println("Dev F1 per emotion: " + bestEvaluation.perEmotion());
        write(best, summary, train.size());
        System.err.println("Wrote " + data.output);
        return 0;
    }

    /** How far each emotion's threshold is pulled to the shared one: 0 (its own) … infinite (the shared one). */
    static final double[] SHRINKAGES = {0, 10, 30, 100, 300, Double.POSITIVE_INFINITY};

    /**
     * The thresholds for {@code network} chosen on dev. Each emotion's own best threshold overfits the rare emotions (a
     * few dozen dev rows), so it is pulled towards the one threshold best for all, by {@code m} pseudo-rows: {@code
     * (n·own + m·shared) / (n + m)} with {@code n} the emotion's dev rows. {@code m} is chosen by two-fold
     * cross-validation within dev (tune on the even rows, score on the odd, and the reverse).
     */
    static double[] thresholds(EmotionClassifier.Shape shape, EmotionNetwork network, float[][] x, boolean[][] y) {
        double[][] p = new double[x.length][];
        for (int n = 0; n < x.length; n++) {
            p[n] = network.probabilities(x[n]);
        }
        double bestScore = -1, bestShrinkage = 0;
        for (double shrinkage : SHRINKAGES) {
            double score = 0;
            for (int fold = 0; fold < 2; fold++) {
                int tuneParity = fold;
                double[] t = thresholds(p, y, shrinkage, n -> n % 2 == tuneParity);
                EmotionClassifier classifier = new EmotionClassifier(shape.emotions(), t, network);
                boolean[][] predicted = new boolean[x.length][];
                boolean[][] expected = new boolean[x.length][];
                int m = 0;
                for (int n = 0; n < x.length; n++) {
                    if (n % 2 != tuneParity) {
                        predicted[m] = shape.matrix(classifier.select(p[n]));
                        expected[m++] = y[n];
                    }
                }
                score += EmotionEvaluation.of(shape.emotions(), Arrays.copyOf(expected, m), Arrays.copyOf(predicted, m))
                                .macroF1()
                        / 2;
            }
            System.err.printf(
                    Locale.ROOT, "  threshold shrinkage %s: cross-validated dev macro-F1 %.3f%n", shrinkage, score);
            if (score > bestScore + 1e-9) {
                bestScore = score;
                bestShrinkage = shrinkage;
            }
        }
        System.err.println("  chosen threshold shrinkage " + bestShrinkage);
        return thresholds(p, y, bestShrinkage, n -> true);
    }

    /** Thresholds fitted on the rows {@code used} accepts, pulled to the shared threshold by {@code shrinkage}. */
    private static double[] thresholds(double[][] p, boolean[][] y, double shrinkage, IntPredicate used) {
        int labels = y[0].length;
        double[] grid = new double[45];
        for (int step = 0; step < grid.length; step++) {
            grid[step] = (step + 1) * 0.02;
        }
        // f1[k][g]: F1 of emotion k at threshold grid[g]
        double[][] f1 = new double[labels][grid.length];
        long[] positives = new long[labels];
        for (int k = 0; k < labels; k++) {
            for (int g = 0; g < grid.length; g++) {
                long tp = 0, fp = 0, fn = 0;
                for (int n = 0; n < p.length; n++) {
                    if (!used.test(n)) {
                        continue;
                    }
                    boolean predicted = p[n][k] >= grid[g];
                    if (predicted && y[n][k]) {
                        tp++;
                    } else if (predicted) {
                        fp++;
                    } else if (y[n][k]) {
                        fn++;
                    }
                    if (g == 0 && y[n][k]) {
                        positives[k]++;
                    }
                }
                f1[k][g] = EmotionEvaluation.f1(tp, fp, fn);
            }
        }
        int shared = 0;
        double sharedF1 = -1;
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            for (int k = 0; k < labels; k++) {
                sum += f1[k][g];
            }
            if (sum > sharedF1 + 1e-12) {
                sharedF1 = sum;
                shared = g;
            }
        }
        double[] thresholds = new double[labels];
        for (int k = 0; k < labels; k++) {
            int own = 0;
            for (int g = 1; g < grid.length; g++) {
                if (f1[k][g] > f1[k][own] + 1e-12) {
                    own = g;
                }
            }
            thresholds[k] = Double.isInfinite(shrinkage)
                    ? grid[shared]
                    : (positives[k] * grid[own] + shrinkage * grid[shared]) / (positives[k] + shrinkage);
        }
        return thresholds;
    }

    /** Scores the classifier's emotion sets (as stored per signal) against the true labels. */
    static EmotionEvaluation evaluate(EmotionClassifier classifier, float[][] x, boolean[][] y) {
        List<String> emotions = classifier.emotions();
        boolean[][] predicted = new boolean[x.length][emotions.size()];
        for (int n = 0; n < x.length; n++) {
            for (EmotionScore score : classifier.classifyEmbedding(x[n])) {
                predicted[n][emotions.indexOf(score.emotion())] = true;
            }
        }
        return EmotionEvaluation.of(emotions, y, predicted);
    }

    private void write(EmotionClassifier model, String summary, int trainRows) throws IOException {
        try (BufferedWriter out = data.openOutput()) {
            out.write("# Earshot emotion model: " + model + " sentence embeddings.\n");
            out.write("# 'e' line: the emotions, in output order. 't' line: each emotion's decision threshold.\n");
            out.write(
                    "# 'h <bias> <weights>' lines: hidden ReLU units over the embedding (none for a linear model).\n");
            out.write("# 'w <bias> <weights>' lines: one sigmoid output per emotion.\n");
            out.write("# Trained by 'earshot train-emotions' on the GoEmotions train split (" + trainRows
                    + " rows; CC BY 4.0, see GOEMOTIONS.md).\n");
            out.write("# " + summary + "\n");
            model.write(out);
        }
    }

    /** The embeddings of the rows, from the cache when it holds the whole split, else computed (and cached). */
    private float[][] features(List<GoEmotions.Labelled> rows, String split) throws IOException {
        float[][] all = data.vectors(split);
        List<float[]> features = new ArrayList<>(rows.size());
        for (GoEmotions.Labelled row : rows) {
            features.add(all[row.line()]);
        }
        return features.toArray(float[][]::new);
    }
}
