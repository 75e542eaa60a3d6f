package io.earshot.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns freshly discovered clusters into stored themes without losing what analysts did (ADR 14). Each cluster is
 * matched to the stored theme of the most similar centroid, best pairs first, one to one, when their cosine is at least
 * {@link #MATCH}; a matched cluster's signals then follow that theme's history: an active or retired theme keeps them
 * under its id (and its analyst's name), a merged one passes them to the theme it was merged into, a split one gives
 * each to the nearest of its parts, a deleted one leaves them without a theme. Unmatched clusters become new themes
 * with new ids; active themes that got no signal are retired. No database here: {@link ThemeCatalogue} stores the
 * outcome.
 */
final class ThemeRecomputation {

    /**
     * The least centroid cosine for a cluster to be the same theme as a stored one. A theme found again on a changed
     * selection of signals stays above 0.95 with the model's vectors; distinct intents of one domain (banking77) sit
     * between 0.6 and 0.9 apart, and the best-first one-to-one matching gives each cluster its own theme first.
     */
    static final double MATCH = 0.85;

    /**
     * What a recomputation changes.
     *
     * @param themes the themes to save: the ones holding signals now and the ones retired by it
     * @param assignments one {@code (signal id, theme id, similarity)} row per signal of the selection with a theme
     * @param kept clusters that kept the id of a stored theme
     * @param created clusters that became new themes
     * @param retired active themes that got no signal
     */
    record Outcome(List<StoredTheme> themes, List<Object[]> assignments, int kept, int created, int retired) {}

    private ThemeRecomputation() {}

    static Outcome of(
            List<UUID> ids,
            List<String> texts,
            List<float[]> vectors,
            Themes found,
            List<StoredTheme> stored,
            int nextId,
            Instant now) {
        Map<Integer, StoredTheme> byId = stored.stream().collect(Collectors.toMap(StoredTheme::id, t -> t));
        Map<Integer, List<Integer>> clusters = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (found.themeOf(i) != Theme.NO_TEXT) {
                clusters.computeIfAbsent(found.themeOf(i), c -> new ArrayList<>())
                        .add(i);
            }
        }
        Map<Integer, float[]> centroids = new LinkedHashMap<>();
        clusters.forEach((cluster, members) -> centroids.put(cluster, centroid(members, vectors)));
        Map<Integer, Integer> matched = match(centroids, stored);

        Map<Integer, List<Integer>> finalMembers = new TreeMap<>();
        int next = nextId;
        int created = 0;
        for (Map.Entry<Integer, List<Integer>> cluster : clusters.entrySet()) {
            Integer theme = matched.get(cluster.getKey());
            if (theme == null) {
                finalMembers.put(next++, cluster.getValue());
                created++;
                continue;
            }
            for (int i : cluster.getValue()) {
                resolve(theme, vectors.get(i), byId, 0)
                        .ifPresent(id -> finalMembers
                                .computeIfAbsent(id, x -> new ArrayList<>())
                                .add(i));
            }
        }

        List<Integer> order = List.copyOf(finalMembers.keySet());
        int[] themeOfText = new int[texts.size()];
        java.util.Arrays.fill(themeOfText, -1);
        for (int t = 0; t < order.size(); t++) {
            for (int i : finalMembers.get(order.get(t))) {
                themeOfText[i] = t;
            }
        }
        List<List<String>> phrases =
                order.isEmpty() ? List.of() : KeyPhrases.of(texts, themeOfText, order.size(), ThemeDiscovery.PHRASES);

        List<StoredTheme> themes = new ArrayList<>();
        List<Object[]> assignments = new ArrayList<>();
        for (int t = 0; t < order.size(); t++) {
            int id = order.get(t);
            List<Integer> members = finalMembers.get(id);
            float[] centroid = centroid(members, vectors);
            StoredTheme before = byId.get(id);
            List<String> keyPhrases = phrases.get(t);
            String label = before != null && before.renamed() ? before.label() : StoredTheme.labelOf(keyPhrases, id);
            themes.add(new StoredTheme(
                    id,
                    label,
                    keyPhrases,
                    before != null && before.renamed(),
                    ThemeStatus.ACTIVE,
                    null,
                    before == null ? null : before.splitFrom(),
                    centroid,
                    before == null ? now : before.createdAt(),
                    now,
                    before == null ? null : before.editedBy(),
                    before == null ? null : before.editedAt()));
            for (int i : members) {
                assignments.add(new Object[] {ids.get(i), id, (double) Embedder.similarity(vectors.get(i), centroid)});
            }
        }
        int retired = 0;
        for (StoredTheme theme : stored) {
            if (theme.isActive() && !finalMembers.containsKey(theme.id())) {
                themes.add(withStatus(theme, ThemeStatus.RETIRED, now));
                retired++;
            }
        }
        return new Outcome(themes, assignments, clusters.size() - created, created, retired);
    }

    /**
     * Cluster to stored theme id: all pairs with cosine at least {@link #MATCH}, best first, each side used once.
     * Every stored theme with a centroid takes part, whatever its status, so history is followed.
     */
    static Map<Integer, Integer> match(Map<Integer, float[]> clusters, List<StoredTheme> stored) {
        record Pair(int cluster, int theme, double similarity) {}
        List<Pair> pairs = new ArrayList<>();
        clusters.forEach((cluster, centroid) -> {
            for (StoredTheme theme : stored) {
                if (theme.centroid() != null) {
                    double similarity = Embedder.similarity(centroid, theme.centroid());
                    if (similarity >= MATCH) {
                        pairs.add(new Pair(cluster, theme.id(), similarity));
                    }
                }
            }
        });
        pairs.sort(Comparator.comparingDouble((Pair p) -> -p.similarity())
                .thenComparingInt(Pair::cluster)
                .thenComparingInt(Pair::theme));
        Map<Integer, Integer> matched = new HashMap<>();
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (Pair pair : pairs) {
            if (!matched.containsKey(pair.cluster()) && !taken.contains(pair.theme())) {
                matched.put(pair.cluster(), pair.theme());
                taken.add(pair.theme());
            }
        }
        return matched;
    }

    /**
     * The active theme a signal of vector {@code vector} found in stored theme {@code id} belongs to now, following
     * merges and splits; empty when the history ends in a deletion.
     */
    static Optional<Integer> resolve(int id, float[] vector, Map<Integer, StoredTheme> byId, int depth) {
        StoredTheme theme = byId.get(id);
        if (theme == null || depth > byId.size()) {
            return Optional.empty();
        }
        return switch (theme.status()) {
            case ACTIVE, RETIRED -> Optional.of(id);
            case MERGED ->
                theme.mergedInto() == null ? Optional.empty() : resolve(theme.mergedInto(), vector, byId, depth + 1);
            case DELETED -> Optional.empty();
            case SPLIT ->
                byId.values().stream()
                        .filter(part -> part.splitFrom() != null && part.splitFrom() == id && part.centroid() != null)
                        .max(Comparator.comparingDouble(
                                        (StoredTheme part) -> Embedder.similarity(vector, part.centroid()))
                                .thenComparingInt(part -> -part.id()))
                        .flatMap(part -> resolve(part.id(), vector, byId, depth + 1));
        };
    }

    /** The normalised mean of the members' vectors. */
    static float[] centroid(List<Integer> members, List<float[]> vectors) {
        float[] sum = new float[vectors.get(members.getFirst()).length];
        for (int i : members) {
            float[] v = vectors.get(i);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += v[d];
            }
        }
        SphericalKMeans.normalize(sum);
        return sum;
    }

    static StoredTheme withStatus(StoredTheme theme, ThemeStatus status, Instant now) {
        return new StoredTheme(
                theme.id(),
                theme.label(),
                theme.keyPhrases(),
                theme.renamed(),
                status,
                theme.mergedInto(),
                theme.splitFrom(),
                theme.centroid(),
                theme.createdAt(),
                now,
                theme.editedBy(),
                theme.editedAt());
    }
}
