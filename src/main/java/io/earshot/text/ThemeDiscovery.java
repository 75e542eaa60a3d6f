package io.earshot.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Discovers the themes of a list of texts from their {@link Embedder} vectors: spectral clustering of their
 * neighbourhood graph ({@link SpectralClustering}; its final k-means restarts {@value #RESTARTS} times, more for small
 * inputs), k chosen by silhouette ({@link ThemeCount}) unless given, themes
 * named by their c-TF-IDF key phrases ({@link KeyPhrases}) and shown by the texts nearest their centre. Texts with no
 * letter or digit form the theme {@link Theme#NO_TEXT}. Deterministic for a given input.
 */
public final class ThemeDiscovery {

    static final int RESTARTS = 3;

    /**
     * Up to this many texts, k-means restarts {@value #SMALL_INPUT_RESTARTS} times: a small selection clusters in
     * milliseconds, and one bad seeding (two topics merged, one split) would otherwise shift themes between runs.
     */
    static final int SMALL_INPUT = 5_000;

    static final int SMALL_INPUT_RESTARTS = 10;

    /** Key phrases per theme. */
    static final int PHRASES = 3;

    /** Representative texts per theme. */
    static final int REPRESENTATIVES = 3;

    private static final long SEED = 20_261_202L;

    private ThemeDiscovery() {}

    /** The themes of {@code texts}, their number chosen automatically. */
    public static Themes discover(List<String> texts, List<float[]> vectors) {
        return discover(texts, vectors, 0);
    }

    /**
     * The themes of {@code texts}, with {@code vectors.get(i)} the {@link Embedder} vector of {@code texts.get(i)}.
     * {@code k} fixes the number of themes (lowered to the number of texts with words), 0 chooses it.
     */
    public static Themes discover(List<String> texts, List<float[]> vectors, int k) {
        if (texts.size() != vectors.size()) {
            throw new IllegalArgumentException(
                    texts.size() + " texts but " + vectors.size() + " vectors: give one vector per text");
        }
        if (k < 0) {
            throw new IllegalArgumentException("k must be positive (or 0 to choose it), got " + k);
        }
        int[] readable = IntStream.range(0, texts.size())
                .filter(i -> hasWords(texts.get(i)) && !isZero(vectors.get(i)))
                .toArray();
        float[][] x = Arrays.stream(readable).mapToObj(vectors::get).toArray(float[][]::new);
        boolean automatic = k == 0;
        int count = x.length == 0 ? 0 : automatic ? ThemeCount.choose(x, SEED) : Math.min(k, x.length);
        int[] themeIds = new int[texts.size()];
        List<Theme> themes = new ArrayList<>();
        if (count > 0) {
            SphericalKMeans.Clustering clustering = SpectralClustering.cluster(
                    x, count, x.length <= SMALL_INPUT ? SMALL_INPUT_RESTARTS : RESTARTS, SEED);
            themes.addAll(name(texts, readable, x, clustering, count, themeIds));
        }
        int noText = texts.size() - readable.length;
        if (noText > 0) {
            themes.add(new Theme(Theme.NO_TEXT, Theme.NO_TEXT_LABEL, List.of(), noText, List.of()));
        }
        return new Themes(themes, count, automatic, themeIds);
    }

    /** Numbers the clusters by size, largest first, and names them; fills {@code themeIds} for the readable texts. */
    private static List<Theme> name(
            List<String> texts,
            int[] readable,
            float[][] x,
            SphericalKMeans.Clustering clustering,
            int count,
            int[] themeIds) {
        int[] labels = clustering.labels();
        int[] sizes = new int[count];
        for (int label : labels) {
            sizes[label]++;
        }
        Integer[] bySize = IntStream.range(0, count).boxed().toArray(Integer[]::new);
        Arrays.sort(bySize, Comparator.comparingInt((Integer c) -> -sizes[c]).thenComparingInt(c -> c));
        int[] idOf = new int[count];
        for (int rank = 0; rank < count; rank++) {
            idOf[bySize[rank]] = rank + 1;
        }
        int[] themeOfText = new int[texts.size()];
        Arrays.fill(themeOfText, -1);
        for (int r = 0; r < readable.length; r++) {
            themeOfText[readable[r]] = labels[r];
            themeIds[readable[r]] = idOf[labels[r]];
        }
        List<List<String>> phrases = KeyPhrases.of(texts, themeOfText, count, PHRASES);
        List<Theme> themes = new ArrayList<>();
        for (int c : bySize) {
            if (sizes[c] == 0) {
                continue;
            }
            List<String> keyPhrases = phrases.get(c);
            String label = keyPhrases.isEmpty() ? "theme " + idOf[c] : String.join(" · ", keyPhrases);
            themes.add(new Theme(
                    idOf[c], label, keyPhrases, sizes[c], representatives(readable, x, labels, clustering, c)));
        }
        return themes;
    }

    private static List<Integer> representatives(
            int[] readable, float[][] x, int[] labels, SphericalKMeans.Clustering clustering, int cluster) {
        float[] centroid = clustering.centroids()[cluster];
        return IntStream.range(0, x.length)
                .filter(r -> labels[r] == cluster)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer r) -> -Embedder.similarity(x[r], centroid))
                        .thenComparingInt(r -> r))
                .limit(REPRESENTATIVES)
                .map(r -> readable[r])
                .toList();
    }

    /** Whether the text has a letter or a digit: emoji, punctuation and blanks alone give nothing to theme. */
    static boolean hasWords(String text) {
        return text != null && text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static boolean isZero(float[] vector) {
        for (float v : vector) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
