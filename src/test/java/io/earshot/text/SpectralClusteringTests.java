package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The mechanics of {@link SpectralClustering}; its quality on real texts, where it must beat k-means, is
 * {@link ThemeQualityTests}' (NMI ≥ 0.85 on banking77, which k-means does not reach).
 */
class SpectralClusteringTests {

    /** {@code groups} tight groups of {@code size} unit vectors around random directions in 32 dimensions. */
    static float[][] groups(int groups, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[groups * size][32];
        for (int g = 0; g < groups; g++) {
            float[] centre = new float[32];
            for (int j = 0; j < 32; j++) {
                centre[j] = (float) random.nextGaussian();
            }
            for (int p = 0; p < size; p++) {
                for (int j = 0; j < 32; j++) {
                    x[g * size + p][j] = centre[j] + (float) (0.1 * random.nextGaussian());
                }
                SphericalKMeans.normalize(x[g * size + p]);
            }
        }
        return x;
    }

    @Test
    void textsOutsideTheSampleJoinTheThemeOfTheirNeighbours() {
        float[][] x = groups(5, 100, 7L);
        int[] truth = IntStream.range(0, 500).map(i -> i / 100).toArray();

        SphericalKMeans.Clustering clustering = SpectralClustering.cluster(x, 5, 3, 11L, 200);

        assertThat(Arrays.stream(clustering.labels()).distinct().sorted().toArray())
                .containsExactly(0, 1, 2, 3, 4);
        assertThat(ClusterAgreement.nmi(truth, clustering.labels())).isEqualTo(1.0);
        assertThat(clustering.centroids()).hasNumberOfRows(5);
    }

    @Test
    void textsRepeatedWordForWordStayLinkedToTheRest() {
        // three groups; in each, 200 texts are one text repeated (as "Thanks!" is), 39 others vary around it
        float[][] varied = groups(3, 40, 21L);
        float[][] x = new float[3 * 240][];
        int[] truth = new int[x.length];
        for (int g = 0; g < 3; g++) {
            for (int p = 0; p < 240; p++) {
                x[g * 240 + p] = p < 200 ? varied[g * 40].clone() : varied[g * 40 + p - 200];
                truth[g * 240 + p] = g;
            }
        }

        int[] labels = SpectralClustering.cluster(x, 3, 3, 4L).labels();

        assertThat(ClusterAgreement.nmi(truth, labels)).isEqualTo(1.0);
    }

    @Test
    void aTextsScaleIsItsDistanceToTheSeventhTextThatDiffers() {
        float[][] x = new float[12][];
        for (int i = 0; i < x.length; i++) {
            // five copies of the first point, then points ever farther from it along a great circle
            double angle = i < 5 ? 0 : 0.1 * (i - 4);
            x[i] = new float[] {(float) Math.cos(angle), (float) Math.sin(angle), 0};
        }

        double[] scales = SpectralClustering.scales(SpectralClustering.Neighbours.of(x, 11));

        // point 0: four identical neighbours are skipped; the 7th differing one is point 11, at angle 0.7
        assertThat(scales[0]).isCloseTo(2 * Math.sin(0.35), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void smoothingMovesAPointToTheLabelOfItsNeighboursButEmptiesNoCluster() {
        // points 0 and 1 are linked strongly to each other and weakly to 2 and 3; 2 and 3 only to 0 and 1
        SpectralClustering.Graph graph = new SpectralClustering.Graph(
                new int[][] {{1, 2, 3}, {0, 2, 3}, {0, 1}, {0, 1}},
                new double[][] {{5, 1, 1}, {5, 1, 1}, {1, 1}, {1, 1}});

        assertThat(SpectralClustering.smoothed(new int[] {0, 0, 1, 1}, graph, 2))
                .as("both would move to 0, which would leave theme 1 empty")
                .containsExactly(0, 0, 1, 1);
        assertThat(SpectralClustering.smoothed(new int[] {0, 0, 1, 2}, graph, 3))
                .as("each would move to 0 and leave its theme empty")
                .containsExactly(0, 0, 1, 2);
        // a triangle 0-1-2 and a pair 3-4: point 2 moves to the label of its two neighbours, theme 1 keeps 3 and 4
        SpectralClustering.Graph triangleAndPair = new SpectralClustering.Graph(
                new int[][] {{1, 2}, {0, 2}, {0, 1}, {4}, {3}}, new double[][] {{1, 1}, {1, 1}, {1, 1}, {1}, {1}});
        assertThat(SpectralClustering.smoothed(new int[] {0, 0, 1, 1, 1}, triangleAndPair, 2))
                .containsExactly(0, 0, 0, 1, 1);
    }

    @Test
    void isDeterministicForAGivenSeed() {
        float[][] x = groups(6, 40, 3L);

        int[] first = SpectralClustering.cluster(x, 6, 3, 5L).labels();
        int[] second = SpectralClustering.cluster(x, 6, 3, 5L).labels();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void fewTextsFallBackToKMeans() {
        float[][] x = groups(3, 10, 9L);

        int[] labels = SpectralClustering.cluster(x, 3, 3, 1L).labels();

        assertThat(labels).isEqualTo(SphericalKMeans.cluster(x, 3, 3, 1L).labels());
    }

    @Test
    void findsExactlyTheNearestOtherPoints() {
        float[][] x = groups(4, 60, 13L);

        SpectralClustering.Neighbours neighbours = SpectralClustering.Neighbours.of(x, 5);

        for (int i = 0; i < x.length; i++) {
            int point = i;
            int[] expected = IntStream.range(0, x.length)
                    .filter(j -> j != point)
                    .boxed()
                    .sorted((a, b) ->
                            Float.compare(Embedder.similarity(x[point], x[b]), Embedder.similarity(x[point], x[a])))
                    .limit(5)
                    .mapToInt(Integer::intValue)
                    .toArray();
            assertThat(neighbours.ids()[i]).as("neighbours of %d", i).isEqualTo(expected);
        }
    }

    @Test
    void orthonormalisesColumnsWithoutChangingTheirSpan() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] v = new double[300][6];
        for (double[] row : v) {
            for (int c = 0; c < 6; c++) {
                row[c] = random.nextGaussian() + (c == 1 ? row[0] : 0); // correlated columns
            }
        }
        double[][] original = Arrays.stream(v).map(double[]::clone).toArray(double[][]::new);

        SpectralClustering.orthonormalise(v);

        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double dot = 0;
                for (double[] row : v) {
                    dot += row[a] * row[b];
                }
                assertThat(dot)
                        .as("column %d · column %d", a, b)
                        .isCloseTo(a == b ? 1 : 0, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        // the first column keeps its direction (R is upper triangular with a positive diagonal)
        double norm = Math.sqrt(
                Arrays.stream(original).mapToDouble(row -> row[0] * row[0]).sum());
        for (int i = 0; i < v.length; i++) {
            assertThat(v[i][0]).isCloseTo(original[i][0] / norm, org.assertj.core.data.Offset.offset(1e-9));
        }
    }
}
