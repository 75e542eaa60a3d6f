package io.earshot.text;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts the matching signals and, for each faceted field, how many have each value: a plain aggregation over every
 * hit, by the doc values of {@link SearchResults#FACET_FIELDS}.
 */
final class FacetCounts extends SimpleCollector {

    /** The counts of one search: the total and, per field, value to count, most first. */
    record Counts(long total, Map<String, Map<String, Long>> facets) {

        /** The counts of the matches of both searches, which have none in common. */
        Counts plus(Counts other) {
            Map<String, Map<String, Long>> sum = new LinkedHashMap<>();
            for (Map<String, Map<String, Long>> each : List.of(facets, other.facets())) {
                each.forEach((field, byValue) -> {
                    Map<String, Long> into = sum.computeIfAbsent(field, f -> new HashMap<>());
                    byValue.forEach((value, count) -> into.merge(value, count, Long::sum));
                });
            }
            Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
            sum.forEach((field, byValue) -> sorted.put(field, mostFirst(byValue)));
            return new Counts(total + other.total(), sorted);
        }
    }

    private final List<String> fields;
    private final List<Map<String, Long>> counts = new ArrayList<>();
    private SortedDocValues[] values;
    private int[][] byOrdinal;
    private int[] missing;
    private long total;

    FacetCounts(List<String> fields) {
        this.fields = fields;
        fields.forEach(field -> counts.add(new HashMap<>()));
    }

    static CollectorManager<FacetCounts, Counts> manager(List<String> fields) {
        return new CollectorManager<>() {
            @Override
            public FacetCounts newCollector() {
                return new FacetCounts(fields);
            }

            @Override
            public Counts reduce(Collection<FacetCounts> collectors) {
                long total = 0;
                Map<String, Map<String, Long>> merged = new LinkedHashMap<>();
                for (FacetCounts collector : collectors) {
                    total += collector.total;
                    for (int i = 0; i < fields.size(); i++) {
                        Map<String, Long> into = merged.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        collector.counts.get(i).forEach((value, count) -> into.merge(value, count, Long::sum));
                    }
                }
                Map<String, Map<String, Long>> sorted = new LinkedHashMap<>();
                merged.forEach((field, byValue) -> sorted.put(field, mostFirst(byValue)));
                return new Counts(total, sorted);
            }
        };
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        values = new SortedDocValues[fields.size()];
        byOrdinal = new int[fields.size()][];
        missing = new int[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            values[i] = DocValues.getSorted(context.reader(), fields.get(i));
            byOrdinal[i] = new int[values[i].getValueCount()];
        }
    }

    /** Counts by ordinal within a segment; values are looked up once per segment, in {@link #finish()}. */
    @Override
    public void collect(int doc) throws IOException {
        total++;
        for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
                byOrdinal[i][values[i].ordValue()]++;
            } else {
                missing[i]++;
            }
        }
    }

    @Override
    public void finish() throws IOException {
        for (int i = 0; i < values.length; i++) {
            Map<String, Long> into = counts.get(i);
            for (int ordinal = 0; ordinal < byOrdinal[i].length; ordinal++) {
                if (byOrdinal[i][ordinal] > 0) {
                    into.merge(values[i].lookupOrd(ordinal).utf8ToString(), (long) byOrdinal[i][ordinal], Long::sum);
                }
            }
            if (missing[i] > 0) {
                into.merge("", (long) missing[i], Long::sum);
            }
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private static Map<String, Long> mostFirst(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
