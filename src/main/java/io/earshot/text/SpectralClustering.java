package io.earshot.text;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * Spectral clustering of unit vectors (Ng, Jordan and Weiss, with the self-tuning affinity of Zelnik-Manor and Perona):
 * each text is linked to its {@value #NEIGHBOURS} most similar texts, the links weighted by a Gaussian of their distance
 * scaled by each end's distance to its {@value #SCALE_NEIGHBOUR}th neighbour; the k leading eigenvectors of the
 * normalised graph give every text k coordinates, and spherical k-means clusters those. Texts that share many
 * neighbours end up together even when the cluster is not round around one centre, which is how intents lie in
 * sentence-embedding space: on banking77 this lifts NMI from about 0.82 (k-means on the vectors) to about 0.85
 * (docs/adr/0020-spectral-themes.md). Hand-written, as no permissively licensed Java library does sparse spectral
 * clustering; the eigenvectors come from subspace iteration, which needs only products with the sparse graph.
 * Deterministic for a given input and seed.
 */
final class SpectralClustering {

    /** Neighbours each text is linked to. */
    static final int NEIGHBOURS = 30;

    /** The neighbour whose distance sets a text's local scale (the paper's choice, 7). */
    static final int SCALE_NEIGHBOUR = 7;

    /**
     * At most this many texts are clustered spectrally, a random sample of them when there are more; each of the others
     * joins the theme of most of its nearest sampled texts. The neighbour search costs O(n²): 10,000 texts take about
     * 1.5 s on two cores.
     */
    static final int MAX_POINTS = 10_000;

    /** Below this many texts per theme the graph says little that k-means does not: k-means alone is used. */
    static final int MIN_POINTS_PER_CLUSTER = 4;

    /** Products with the graph; the subspace is orthonormalised every {@value #ORTHONORMALISE_EVERY}. */
    static final int ITERATIONS = 100;

    static final int ORTHONORMALISE_EVERY = 5;

    /** Candidate texts whose similarities are computed together, their vectors transposed. */
    private static final int BLOCK = 512;

    private SpectralClustering() {}

    /**
     * A partition of the unit vectors {@code x} into {@code k} clusters; its centroids are the normalised means of
     * each cluster's vectors, and its cohesion their total similarity to them. Few texts per cluster, or too few texts
     * to link {@value #NEIGHBOURS} neighbours, fall back to {@link SphericalKMeans}.
     */
    static SphericalKMeans.Clustering cluster(float[][] x, int k, int restarts, long seed) {
        return cluster(x, k, restarts, seed, MAX_POINTS);
    }

    /** As {@link #cluster(float[][], int, int, long)}, clustering at most {@code maxPoints} spectrally. */
    static SphericalKMeans.Clustering cluster(float[][] x, int k, int restarts, long seed, int maxPoints) {
        if (k < 1 || k > x.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of points, got " + k);
        }
        int[] copyOf = new int[x.length];
        float[][] distinct = distinct(x, copyOf);
        if (k == 1 || distinct.length <= NEIGHBOURS * 2 || distinct.length < k * MIN_POINTS_PER_CLUSTER) {
            return SphericalKMeans.cluster(x, k, restarts, seed);
        }
        int[] distinctLabels = labels(distinct, k, restarts, seed, maxPoints);
        int[] labels = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            labels[i] = distinctLabels[copyOf[i]];
        }
        float[][] centroids = means(x, labels, k);
        double cohesion = 0;
        for (int i = 0; i < x.length; i++) {
            cohesion += Embedder.similarity(x[i], centroids[labels[i]]);
        }
        return new SphericalKMeans.Clustering(labels, centroids, cohesion);
    }

    /**
     * The distinct vectors of {@code x}, in order of first appearance; {@code copyOf[i]} is set to the index of
     * {@code x[i]} among them. A text repeated word for word ("Thanks!" a hundred times) is one point of the graph:
     * as a hundred, it would form a clique that spectral clustering cuts off as a theme of its own, however near in
     * meaning other texts are.
     */
    static float[][] distinct(float[][] x, int[] copyOf) {
        Map<FloatBuffer, Integer> first = new HashMap<>();
        List<float[]> distinct = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            Integer seen = first.putIfAbsent(FloatBuffer.wrap(x[i]), distinct.size());
            if (seen == null) {
                copyOf[i] = distinct.size();
                distinct.add(x[i]);
            } else {
                copyOf[i] = seen;
            }
        }
        return distinct.toArray(float[][]::new);
    }

    /** The spectral labels of distinct unit vectors {@code x}, at most {@code maxPoints} of them in the graph. */
    private static int[] labels(float[][] x, int k, int restarts, long seed, int maxPoints) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] chosen = x.length > maxPoints
                ? IntStream.of(SphericalKMeans.sampleIndices(x.length, maxPoints, random))
                        .sorted()
                        .toArray()
                : IntStream.range(0, x.length).toArray();
        float[][] points = Arrays.stream(chosen).mapToObj(i -> x[i]).toArray(float[][]::new);
        Graph graph = affinity(Neighbours.of(centred(points), NEIGHBOURS));
        float[][] coordinates = eigenvectors(graph, k, random.split());
        int[] labels = smoothed(
                SphericalKMeans.cluster(coordinates, k, restarts, random.nextLong())
                        .labels(),
                graph,
                k);
        int[] all = new int[x.length];
        Arrays.fill(all, -1);
        for (int p = 0; p < chosen.length; p++) {
            all[chosen[p]] = labels[p];
        }
        if (chosen.length < x.length) {
            joinNeighbours(x, chosen, all, k);
        }
        return all;
    }

    /**
     * Gives each point outside the sample (label -1 in {@code labels}) the label most of its {@value #NEIGHBOURS}
     * nearest sampled points have, weighted by similarity: the same neighbourhoods that made the themes.
     */
    private static void joinNeighbours(float[][] x, int[] chosen, int[] labels, int k) {
        int[] others = IntStream.range(0, x.length).filter(i -> labels[i] < 0).toArray();
        float[][] candidates = Arrays.stream(chosen).mapToObj(i -> x[i]).toArray(float[][]::new);
        float[][] queries = Arrays.stream(others).mapToObj(i -> x[i]).toArray(float[][]::new);
        Neighbours nearest = Neighbours.of(queries, candidates, NEIGHBOURS, false);
        for (int q = 0; q < others.length; q++) {
            double[] votes = new double[k];
            int[] ids = nearest.ids()[q];
            for (int a = 0; a < ids.length; a++) {
                votes[labels[chosen[ids[a]]]] += Math.max(0, nearest.similarities()[q][a]);
            }
            int best = labels[chosen[ids[0]]];
            for (int c = 0; c < k; c++) {
                if (votes[c] > votes[best]) {
                    best = c;
                }
            }
            labels[others[q]] = best;
        }
    }

    /**
     * The vectors less their mean, normalised again: sentence embeddings share a common direction that makes all
     * similarities high; without it the nearest neighbours are told apart by what distinguishes the texts.
     */
    static float[][] centred(float[][] x) {
        int d = x[0].length;
        double[] mean = new double[d];
        for (float[] v : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += v[j];
            }
        }
        float[][] centred = new float[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                centred[i][j] = (float) (x[i][j] - mean[j] / x.length);
            }
            SphericalKMeans.normalize(centred[i]);
        }
        return centred;
    }

    /** Each point's nearest other points, most similar first, and their similarities. */
    record Neighbours(int[][] ids, float[][] similarities) {

        /** The {@code count} nearest other points of every unit vector in {@code x}. */
        static Neighbours of(float[][] x, int count) {
            return of(x, x, count, true);
        }

        /**
         * The {@code count} nearest {@code candidates} of every unit vector in {@code queries}, by exhaustive blocked
         * search; {@code self} when both are the same points, each of which is then not its own neighbour.
         */
        static Neighbours of(float[][] queries, float[][] candidates, int count, boolean self) {
            int n = queries.length;
            float[][] x = queries;
            int[][] ids = new int[n][count];
            float[][] similarities = new float[n][count];
            for (float[] row : similarities) {
                Arrays.fill(row, Float.NEGATIVE_INFINITY);
            }
            int m = candidates.length;
            float[][][] blocks = new float[(m + BLOCK - 1) / BLOCK][][];
            for (int b = 0; b < blocks.length; b++) {
                blocks[b] = SphericalKMeans.transpose(
                        Arrays.copyOfRange(candidates, b * BLOCK, Math.min(m, (b + 1) * BLOCK)));
            }
            int chunk = 64;
            IntStream.range(0, (n + chunk - 1) / chunk).parallel().forEach(c -> {
                float[][] s = new float[4][BLOCK];
                int end = Math.min(n, (c + 1) * chunk);
                for (int b = 0; b < blocks.length; b++) {
                    int width = blocks[b][0].length;
                    if (s[0].length != width) {
                        s = new float[4][width];
                    }
                    for (int first = c * chunk; first < end; first += 4) {
                        int group = Math.min(4, end - first);
                        SphericalKMeans.similarities(x, first, group, blocks[b], s);
                        for (int q = 0; q < group; q++) {
                            int i = first + q;
                            float[] row = s[q];
                            int[] nearest = ids[i];
                            float[] best = similarities[i];
                            for (int j = 0; j < width; j++) {
                                int candidate = b * BLOCK + j;
                                if (row[j] > best[count - 1] && (!self || candidate != i)) {
                                    insert(nearest, best, candidate, row[j]);
                                }
                            }
                        }
                    }
                }
            });
            return new Neighbours(ids, similarities);
        }

        private static void insert(int[] ids, float[] similarities, int id, float similarity) {
            int at = similarities.length - 1;
            while (at > 0 && similarities[at - 1] < similarity) {
                similarities[at] = similarities[at - 1];
                ids[at] = ids[at - 1];
                at--;
            }
            similarities[at] = similarity;
            ids[at] = id;
        }
    }

    /** The symmetric, degree-normalised graph {@code D^-1/2 A D^-1/2} in compressed rows. */
    record Graph(int[][] columns, double[][] weights) {}

    /**
     * The self-tuning affinity: {@code a(i,j) = exp(-d²(i,j) / (σ(i) σ(j)))}, with {@code d² = 2 - 2 cos} and
     * {@code σ(i)} the distance of i to its {@value #SCALE_NEIGHBOUR}th neighbour, kept for neighbours either way
     * (the larger when both link), then normalised by the degrees.
     */
    static Graph affinity(Neighbours neighbours) {
        int n = neighbours.ids().length;
        double[] scale = scales(neighbours);
        List<Map<Integer, Double>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new HashMap<>());
        }
        for (int i = 0; i < n; i++) {
            int[] ids = neighbours.ids()[i];
            for (int a = 0; a < ids.length; a++) {
                int j = ids[a];
                double weight = Math.exp(-squared(neighbours.similarities()[i][a]) / (scale[i] * scale[j]));
                rows.get(i).merge(j, weight, Math::max);
                rows.get(j).merge(i, weight, Math::max);
            }
        }
        double[] degree = new double[n];
        int[][] columns = new int[n][];
        double[][] weights = new double[n][];
        for (int i = 0; i < n; i++) {
            columns[i] = rows.get(i).keySet().stream()
                    .mapToInt(Integer::intValue)
                    .sorted()
                    .toArray();
            weights[i] = new double[columns[i].length];
            for (int p = 0; p < columns[i].length; p++) {
                weights[i][p] = rows.get(i).get(columns[i][p]);
                degree[i] += weights[i][p];
            }
        }
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < columns[i].length; p++) {
                double norm = Math.sqrt(degree[i]) * Math.sqrt(degree[columns[i][p]]);
                weights[i][p] = norm > 0 ? weights[i][p] / norm : 0; // an isolated point keeps a zero row
            }
        }
        return new Graph(columns, weights);
    }

    /** Vectors closer than this (a cosine above 0.999 999 995) count as the same point. */
    static final double IDENTICAL = 1e-4;

    /**
     * Each point's local scale σ: the distance to its {@value #SCALE_NEIGHBOUR}th neighbour not identical to it (a
     * near-copy at distance zero would give a scale of zero and cut the point off from every other), the farthest
     * listed when fewer differ, and the median scale when none does.
     */
    static double[] scales(Neighbours neighbours) {
        int n = neighbours.ids().length;
        double[] scale = new double[n];
        List<Double> known = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            scale[i] = Double.NaN;
            int distinct = 0;
            for (float similarity : neighbours.similarities()[i]) {
                double distance = Math.sqrt(squared(similarity));
                if (distance > IDENTICAL) {
                    scale[i] = distance;
                    if (++distinct == SCALE_NEIGHBOUR) {
                        break;
                    }
                }
            }
            if (!Double.isNaN(scale[i])) {
                known.add(scale[i]);
            }
        }
        double median = known.isEmpty() ? 1 : known.stream().sorted().toList().get(known.size() / 2);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(scale[i])) {
                scale[i] = median;
            }
        }
        return scale;
    }

    /** The squared distance of two unit vectors of cosine {@code similarity}. */
    private static double squared(float similarity) {
        return Math.max(0, 2 - 2 * (double) similarity);
    }

    /**
     * The {@code k} leading eigenvectors of the normalised graph as unit rows, one per point, by subspace iteration on
     * {@code (I + S) / 2}: the shift makes every eigenvalue non-negative so that the leading ones are the largest.
     */
    static float[][] eigenvectors(Graph graph, int k, SplittableRandom random) {
        int n = graph.columns().length;
        double[][] v = new double[n][k];
        for (double[] row : v) {
            for (int c = 0; c < k; c++) {
                row[c] = random.nextGaussian();
            }
        }
        orthonormalise(v);
        for (int iteration = 1; iteration <= ITERATIONS; iteration++) {
            double[][] current = v;
            double[][] next = new double[n][k];
            IntStream.range(0, n).parallel().forEach(i -> {
                double[] out = next[i];
                double[] own = current[i];
                for (int c = 0; c < k; c++) {
                    out[c] = 0.5 * own[c];
                }
                int[] columns = graph.columns()[i];
                double[] weights = graph.weights()[i];
                for (int p = 0; p < columns.length; p++) {
                    double w = 0.5 * weights[p];
                    double[] other = current[columns[p]];
                    for (int c = 0; c < k; c++) {
                        out[c] += w * other[c];
                    }
                }
            });
            v = next;
            if (iteration % ORTHONORMALISE_EVERY == 0) {
                orthonormalise(v);
            }
        }
        float[][] rows = new float[n][k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                rows[i][c] = (float) v[i][c];
            }
            SphericalKMeans.normalize(rows[i]);
        }
        return rows;
    }

    /**
     * Makes the columns of {@code v} orthonormal, spanning the same space, by Cholesky QR done twice (CholeskyQR2): the
     * k × k Gram matrix {@code VᵀV = RᵀR} is formed in one pass over the rows, and {@code V R⁻¹} has orthonormal
     * columns; the second pass removes what rounding left. A pass costs O(n k²) in cache-friendly row order, where
     * Gram–Schmidt would walk the columns k²/2 times.
     */
    static void orthonormalise(double[][] v) {
        for (int pass = 0; pass < 2; pass++) {
            int k = v[0].length;
            double[][] gram = IntStream.range(0, v.length)
                    .parallel()
                    .mapToObj(i -> v[i])
                    .collect(() -> new double[k][k], SpectralClustering::addOuter, SpectralClustering::addInto);
            for (int c = 0; c < k; c++) {
                gram[c][c] += 1e-12; // a column the iteration drove to zero must not stop the factorisation
                for (int d = 0; d < c; d++) {
                    gram[c][d] = gram[d][c];
                }
            }
            double[][] upper = new CholeskyDecomposition(new Array2DRowRealMatrix(gram, false), 1e-9, 0)
                    .getLT()
                    .getData(); // R of VᵀV = RᵀR, upper triangular
            IntStream.range(0, v.length).parallel().forEach(i -> solveRow(v[i], upper));
        }
    }

    /** Adds the upper triangle of {@code row rowᵀ} to {@code gram}. */
    private static void addOuter(double[][] gram, double[] row) {
        for (int a = 0; a < row.length; a++) {
            double value = row[a];
            double[] line = gram[a];
            for (int b = a; b < row.length; b++) {
                line[b] += value * row[b];
            }
        }
    }

    private static void addInto(double[][] gram, double[][] other) {
        for (int a = 0; a < gram.length; a++) {
            for (int b = a; b < gram.length; b++) {
                gram[a][b] += other[a][b];
            }
        }
    }

    /** {@code row ← row R⁻¹} for upper triangular {@code r}: forward substitution over the row vector. */
    private static void solveRow(double[] row, double[][] r) {
        for (int c = 0; c < row.length; c++) {
            double value = row[c];
            for (int p = 0; p < c; p++) {
                value -= row[p] * r[p][c];
            }
            row[c] = value / r[c][c];
        }
    }

    /** Rounds of {@link #smoothed} at most; it usually settles in a few. */
    static final int SMOOTHING_ROUNDS = 10;

    /**
     * The labels after rounds of weighted majority among each point's graph neighbours, until none moves: k-means on the
     * spectral coordinates cuts some dense neighbourhoods at a straight boundary, and the points on the wrong side
     * mostly have their neighbours on the other (on banking77, NMI +0.004).
     */
    static int[] smoothed(int[] labels, Graph graph, int k) {
        int[] current = labels;
        for (int round = 0; round < SMOOTHING_ROUNDS; round++) {
            int[] from = current;
            int[] next = IntStream.range(0, from.length)
                    .parallel()
                    .map(i -> {
                        double[] votes = new double[k];
                        int[] columns = graph.columns()[i];
                        double[] weights = graph.weights()[i];
                        for (int p = 0; p < columns.length; p++) {
                            votes[from[columns[p]]] += weights[p];
                        }
                        int best = from[i];
                        for (int c = 0; c < k; c++) {
                            if (votes[c] > votes[best]) {
                                best = c;
                            }
                        }
                        return best;
                    })
                    .toArray();
            boolean settled = Arrays.equals(next, from);
            current = next;
            if (settled) {
                break;
            }
        }
        return keepEveryCluster(labels, current, k);
    }

    /**
     * {@code smoothed}, except that a cluster the smoothing emptied gets its members of {@code before} back: the
     * number of themes asked for is the number given.
     */
    private static int[] keepEveryCluster(int[] before, int[] smoothed, int k) {
        int[] sizes = new int[k];
        for (int label : smoothed) {
            sizes[label]++;
        }
        int[] kept = smoothed.clone();
        for (int i = 0; i < kept.length; i++) {
            if (sizes[before[i]] == 0) {
                kept[i] = before[i];
            }
        }
        return kept;
    }

    /** The normalised mean of each cluster's vectors. */
    static float[][] means(float[][] x, int[] labels, int k) {
        float[][] sums = new float[k][x[0].length];
        for (int i = 0; i < x.length; i++) {
            float[] sum = sums[labels[i]];
            for (int j = 0; j < sum.length; j++) {
                sum[j] += x[i][j];
            }
        }
        for (float[] sum : sums) {
            SphericalKMeans.normalize(sum);
        }
        return sums;
    }
}
