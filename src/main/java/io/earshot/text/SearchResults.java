package io.earshot.text;

import java.util.List;
import java.util.Map;

/**
 * One page of what a search found.
 *
 * @param query the search
 * @param total how many signals match, in the viewer's scope
 * @param hits this page's signals, most relevant first (newest first for a search without words)
 * @param facets for source, segment, region, sentiment and theme (by id): each value to how many matching signals have
 *     it, most first; a signal without a value (or whose text is not analysed yet) counts under {@code ""}
 * @param index how far the index is built: while it is building, results are incomplete
 */
public record SearchResults(
        SearchQuery query, long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, IndexStatus index) {

    /** The fields counted in {@link #facets}. */
    public static final List<String> FACET_FIELDS = List.of("source", "segment", "region", "sentiment", "theme");

    public SearchResults {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    public int page() {
        return query.page();
    }

    public int pages() {
        long pages = (total + SearchQuery.PAGE_SIZE - 1) / SearchQuery.PAGE_SIZE;
        return (int) Math.min(pages, SearchQuery.MAX_PAGE);
    }

    public boolean hasPrevious() {
        return page() > 1;
    }

    public boolean hasNext() {
        return page() < pages();
    }
}
