package io.earshot.text;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Spherical k-means on unit vectors: points join the centroid of highest cosine similarity and each centroid is the
 * normalised mean of its points. Seeded by k-means++ and restarted; the run with the highest total similarity wins.
 * Hand-written (see docs/adr/0011-theme-discovery.md): the similarity of every point to every centroid is computed
 * with the centroids transposed, so the inner loop is a multiply-add over an array that the JIT vectorises.
 */
final class SphericalKMeans {

    /** A partition of the points: the cluster of each point, the unit centroids and the total similarity. */
    record Clustering(int[] labels, float[][] centroids, double cohesion) {}

    private static final int MAX_ITERATIONS = 40;

    /** Iterations stop once at most this share of the points moves: later moves hardly change a theme. */
    static final double SETTLED = 0.001;

    /** Points per parallel task: enough work to amortise the fork, few enough to balance two to many cores. */
    private static final int CHUNK = 256;

    private SphericalKMeans() {}

    /** The best of {@code restarts} runs of spherical k-means with {@code k} clusters on the unit vectors {@code x}. */
    static Clustering cluster(float[][] x, int k, int restarts, long seed) {
        if (k < 1 || k > x.length) {
            throw new IllegalArgumentException("k must be between 1 and the number of points, got " + k);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean sampled = x.length > RESTART_SAMPLE && restarts > 1 && k <= RESTART_SAMPLE / 10;
        float[][] points = sampled ? sample(x, RESTART_SAMPLE, random) : x;
        Clustering best = null;
        for (int run = 0; run < restarts; run++) {
            Clustering clustering = run(points, seed(points, k, random.split()));
            if (best == null || clustering.cohesion() > best.cohesion()) {
                best = clustering;
            }
        }
        return points == x ? best : run(x, best.centroids());
    }

    /**
     * Above this many points the restarts run on a random sample of this size and only the best is refined on all
     * points: which restart wins is decided as well on a sample, at a fraction of the cost. (Not for k above a tenth
     * of the sample, where a sample would leave too few points per cluster.)
     */
    static final int RESTART_SAMPLE = 5_000;

    /** {@code size} distinct points drawn at random. */
    static float[][] sample(float[][] x, int size, SplittableRandom random) {
        return Arrays.stream(sampleIndices(x.length, size, random))
                .mapToObj(i -> x[i])
                .toArray(float[][]::new);
    }

    /** {@code size} distinct indices below {@code n} in the order drawn (a partial Fisher–Yates shuffle). */
    static int[] sampleIndices(int n, int size, SplittableRandom random) {
        int[] order = IntStream.range(0, n).toArray();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return Arrays.copyOf(order, size);
    }

    private static Clustering run(float[][] x, float[][] seeds) {
        int n = x.length;
        int k = seeds.length;
        float[][] centroids = seeds;
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        float[] similarity = new float[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            int changed = assign(x, centroids, labels, similarity);
            centroids = means(x, labels, k, similarity);
            if (changed <= n * SETTLED) {
                break;
            }
        }
        assign(x, centroids, labels, similarity);
        double cohesion = 0;
        for (float s : similarity) {
            cohesion += s;
        }
        return new Clustering(labels, centroids, cohesion);
    }

    /** k-means++: each next seed is drawn with probability proportional to its squared distance to the nearest seed. */
    private static float[][] seed(float[][] x, int k, SplittableRandom random) {
        int n = x.length;
        float[][] seeds = new float[k][];
        seeds[0] = x[random.nextInt(n)].clone();
        double[] distance = new double[n];
        Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            float[] last = seeds[c - 1];
            double total = IntStream.range(0, n)
                    .parallel()
                    .mapToDouble(i -> {
                        // |a - b|² = 2 - 2 a·b for unit vectors
                        double d = Math.max(0, 2 - 2 * Embedder.similarity(x[i], last));
                        distance[i] = Math.min(distance[i], d);
                        return distance[i];
                    })
                    .sum();
            double target = random.nextDouble() * total;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                target -= distance[i];
                if (target <= 0) {
                    chosen = i;
                    break;
                }
            }
            seeds[c] = x[chosen].clone();
        }
        return seeds;
    }

    /** Moves each point to its most similar centroid; returns how many points moved. */
    static int assign(float[][] x, float[][] centroids, int[] labels, float[] similarity) {
        int k = centroids.length;
        float[][] transposed = transpose(centroids);
        int chunks = (x.length + CHUNK - 1) / CHUNK;
        return IntStream.range(0, chunks)
                .parallel()
                .map(chunk -> {
                    float[][] s = new float[BLOCK][k];
                    int moved = 0;
                    int end = Math.min(x.length, (chunk + 1) * CHUNK);
                    for (int first = chunk * CHUNK; first < end; first += BLOCK) {
                        int count = Math.min(BLOCK, end - first);
                        similarities(x, first, count, transposed, s);
                        for (int b = 0; b < count; b++) {
                            int i = first + b;
                            float[] row = s[b];
                            int best = 0;
                            for (int c = 1; c < k; c++) {
                                if (row[c] > row[best]) {
                                    best = c;
                                }
                            }
                            if (labels[i] != best) {
                                labels[i] = best;
                                moved++;
                            }
                            similarity[i] = row[best];
                        }
                    }
                    return moved;
                })
                .sum();
    }

    /** Points whose similarities are computed together, so that each centroid row is read once for all of them. */
    private static final int BLOCK = 4;

    /**
     * {@code s[b][c] = x[first + b] · centroid c} for {@code b < count}, over the transposed centroids (dimension-major):
     * the inner loop is a multiply-add over a row, which the JIT turns into vector instructions.
     */
    static void similarities(float[][] x, int first, int count, float[][] transposed, float[][] s) {
        if (count < BLOCK) {
            for (int b = 0; b < count; b++) {
                similarities(x[first + b], transposed, s[b]);
            }
            return;
        }
        float[] s0 = s[0], s1 = s[1], s2 = s[2], s3 = s[3];
        float[] p0 = x[first], p1 = x[first + 1], p2 = x[first + 2], p3 = x[first + 3];
        Arrays.fill(s0, 0f);
        Arrays.fill(s1, 0f);
        Arrays.fill(s2, 0f);
        Arrays.fill(s3, 0f);
        int k = s0.length;
        for (int j = 0; j < p0.length; j++) {
            float v0 = p0[j], v1 = p1[j], v2 = p2[j], v3 = p3[j];
            float[] row = transposed[j];
            for (int c = 0; c < k; c++) {
                float r = row[c];
                s0[c] += v0 * r;
                s1[c] += v1 * r;
                s2[c] += v2 * r;
                s3[c] += v3 * r;
            }
        }
    }

    /** {@code s[c] = point · centroid c}, over the transposed centroids (dimension-major). */
    static void similarities(float[] point, float[][] transposed, float[] s) {
        Arrays.fill(s, 0f);
        for (int j = 0; j < point.length; j++) {
            float value = point[j];
            float[] row = transposed[j];
            for (int c = 0; c < s.length; c++) {
                s[c] += value * row[c];
            }
        }
    }

    static float[][] transpose(float[][] rows) {
        int d = rows[0].length;
        float[][] transposed = new float[d][rows.length];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < d; j++) {
                transposed[j][r] = rows[r][j];
            }
        }
        return transposed;
    }

    /** The normalised mean of each cluster; an empty cluster takes the point least similar to its own centroid. */
    private static float[][] means(float[][] x, int[] labels, int k, float[] similarity) {
        int d = x[0].length;
        float[][] sums = new float[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < x.length; i++) {
            float[] sum = sums[labels[i]];
            float[] point = x[i];
            for (int j = 0; j < d; j++) {
                sum[j] += point[j];
            }
            sizes[labels[i]]++;
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                int worst = 0;
                for (int i = 1; i < x.length; i++) {
                    if (similarity[i] < similarity[worst]) {
                        worst = i;
                    }
                }
                similarity[worst] = Float.MAX_VALUE;
                sums[c] = x[worst].clone();
            }
            normalize(sums[c]);
        }
        return sums;
    }

    static void normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < vector.length; j++) {
                vector[j] *= scale;
            }
        }
    }
}
