package io.earshot.text;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.search.ScoreDoc;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): each list gives a document {@code 1 / (K + rank)}, the
 * sums rank the fused list. It needs no calibration between BM25 scores and cosine similarities, which live on
 * different scales.
 */
final class ReciprocalRanks {

    /** The usual constant: damps the weight of the very first ranks. */
    static final int K = 60;

    private ReciprocalRanks() {}

    /** The documents of all lists, by their summed reciprocal rank, best first (ties by document id). */
    static ScoreDoc[] fuse(ScoreDoc[]... lists) {
        Map<Integer, Float> fused = new LinkedHashMap<>();
        for (ScoreDoc[] list : lists) {
            for (int rank = 0; rank < list.length; rank++) {
                fused.merge(list[rank].doc, 1f / (K + rank + 1), Float::sum);
            }
        }
        return fused.entrySet().stream()
                .map(entry -> new ScoreDoc(entry.getKey(), entry.getValue()))
                .sorted(Comparator.<ScoreDoc>comparingDouble(doc -> doc.score)
                        .reversed()
                        .thenComparingInt(doc -> doc.doc))
                .toArray(ScoreDoc[]::new);
    }
}
