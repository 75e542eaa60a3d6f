package io.earshot.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Chooses the number of themes by mean silhouette (cosine distance): among candidate counts, each clustered by
 * spherical k-means on the same random sample of at most {@value #SAMPLE} texts, the smallest whose silhouette is
 * near the best ({@link #smallestNearBest}). On the sample all
 * similarities are computed once (a Gram matrix); k-means then runs on it as kernel k-means, so that a candidate costs
 * O(sample²) per iteration whatever k is, and the silhouette reuses the same sums.
 */
final class ThemeCount {

    static final int SAMPLE = 1_500;

    /** Candidate counts: dense where a choice matters most, then coarser; capped at a tenth of the sample. */
    static final List<Integer> CANDIDATES =
            List.of(2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100, 120, 150);

    private static final int RESTARTS = 1;
    private static final int MAX_ITERATIONS = 30;

    private ThemeCount() {}

    /** The chosen number of themes for the unit vectors {@code x}; at least 1 and at most {@code x.length}. */
    static int choose(float[][] x, long seed) {
        if (x.length < 3) {
            return x.length;
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[][] sample = sample(x, random);
        float[][] gram = gram(sample);
        Map<Integer, Double> silhouettes = new LinkedHashMap<>();
        for (int k : CANDIDATES) {
            if (k > Math.max(2, sample.length / 10)) {
                break;
            }
            int[] labels = null;
            double cohesion = Double.NEGATIVE_INFINITY;
            for (int run = 0; run < RESTARTS; run++) {
                Result result = kernelKMeans(gram, k, random.split());
                if (result.cohesion > cohesion) {
                    cohesion = result.cohesion;
                    labels = result.labels;
                }
            }
            silhouettes.put(k, silhouette(gram, labels, k));
        }
        return smallestNearBest(silhouettes);
    }

    /**
     * The smallest k whose silhouette is at least {@value #NEAR_BEST} of the best: on sentence embeddings the curve
     * rises to a broad plateau whose ups and downs (about ±0.01 between samples) are noise, and of equally good
     * partitions the one with fewer themes is easier to read.
     */
    static int smallestNearBest(Map<Integer, Double> silhouettes) {
        double best = silhouettes.values().stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElseThrow();
        return silhouettes.entrySet().stream()
                .filter(entry -> entry.getValue() >= NEAR_BEST * best)
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElseThrow();
    }

    static final double NEAR_BEST = 0.95;

    private static float[][] sample(float[][] x, SplittableRandom random) {
        return x.length <= SAMPLE ? x : SphericalKMeans.sample(x, SAMPLE, random);
    }

    static float[][] gram(float[][] x) {
        float[][] transposed = SphericalKMeans.transpose(x);
        float[][] gram = new float[x.length][x.length];
        IntStream.range(0, x.length).parallel().forEach(i -> SphericalKMeans.similarities(x[i], transposed, gram[i]));
        return gram;
    }

    private record Result(int[] labels, double cohesion) {}

    private static Result kernelKMeans(float[][] gram, int k, SplittableRandom random) {
        int n = gram.length;
        int[] seeds = seeds(gram, k, random);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (gram[i][seeds[c]] > gram[i][seeds[best]]) {
                    best = c;
                }
            }
            labels[i] = best;
        }
        double cohesion = 0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[][] sums = clusterSums(gram, labels, k);
            double[] norms = norms(sums, labels, k);
            int[] next = new int[n];
            cohesion = 0;
            int moved = 0;
            for (int i = 0; i < n; i++) {
                int best = labels[i];
                double bestSimilarity = sums[i][best] / norms[best];
                for (int c = 0; c < k; c++) {
                    double similarity = norms[c] > 0 ? sums[i][c] / norms[c] : Double.NEGATIVE_INFINITY;
                    if (similarity > bestSimilarity) {
                        best = c;
                        bestSimilarity = similarity;
                    }
                }
                next[i] = best;
                cohesion += bestSimilarity;
                if (best != labels[i]) {
                    moved++;
                }
            }
            labels = next;
            if (moved == 0) {
                break;
            }
        }
        return new Result(labels, cohesion);
    }

    /** k-means++ seeding on the Gram matrix: squared distance between unit vectors is 2 − 2 similarity. */
    private static int[] seeds(float[][] gram, int k, SplittableRandom random) {
        int n = gram.length;
        int[] seeds = new int[k];
        seeds[0] = random.nextInt(n);
        double[] distance = new double[n];
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], Math.max(0, 2 - 2 * gram[i][seeds[c - 1]]));
                total += distance[i];
            }
            double target = random.nextDouble() * total;
            seeds[c] = n - 1;
            for (int i = 0; i < n; i++) {
                target -= distance[i];
                if (target <= 0) {
                    seeds[c] = i;
                    break;
                }
            }
        }
        return seeds;
    }

    /** {@code sums[i][c]}: the sum of the similarities of point i to the points of cluster c. */
    private static double[][] clusterSums(float[][] gram, int[] labels, int k) {
        double[][] sums = new double[gram.length][];
        IntStream.range(0, gram.length).parallel().forEach(i -> {
            double[] row = new double[k];
            float[] similarities = gram[i];
            for (int m = 0; m < similarities.length; m++) {
                row[labels[m]] += similarities[m];
            }
            sums[i] = row;
        });
        return sums;
    }

    /** The length of each cluster's vector sum: |Σ x|² = Σ over its points of their summed similarity to it. */
    private static double[] norms(double[][] sums, int[] labels, int k) {
        double[] norms = new double[k];
        for (int i = 0; i < labels.length; i++) {
            norms[labels[i]] += sums[i][labels[i]];
        }
        for (int c = 0; c < k; c++) {
            norms[c] = Math.sqrt(Math.max(0, norms[c]));
        }
        return norms;
    }

    /** The mean silhouette with cosine distance (1 − similarity); points alone in their cluster count 0. */
    static double silhouette(float[][] gram, int[] labels, int k) {
        double[][] sums = clusterSums(gram, labels, k);
        int[] sizes = new int[k];
        for (int label : labels) {
            sizes[label]++;
        }
        double total = 0;
        for (int i = 0; i < labels.length; i++) {
            int own = labels[i];
            if (sizes[own] < 2) {
                continue;
            }
            double a = 1 - (sums[i][own] - gram[i][i]) / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, 1 - sums[i][c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
        }
        return total / labels.length;
    }
}
