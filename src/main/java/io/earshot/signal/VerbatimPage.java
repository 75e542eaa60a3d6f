package io.earshot.signal;

import java.util.List;

/**
 * One page of verbatims, newest first, with the total count of signals the query selects.
 *
 * @param query the query this page answers
 * @param items the verbatims on this page, at most {@code pageSize}
 * @param total all signals the query selects, on every page
 * @param pageSize verbatims per page
 */
public record VerbatimPage(VerbatimQuery query, List<Verbatim> items, long total, int pageSize) {

    public VerbatimPage {
        items = List.copyOf(items);
        if (total < items.size() || pageSize < 1) {
            throw new IllegalArgumentException("A page of " + items.size() + " cannot come from " + total + " signals");
        }
    }

    public int page() {
        return query.page();
    }

    /** The number of pages, at least 1. */
    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasPrevious() {
        return page() > 1;
    }

    public boolean hasNext() {
        return page() < pages();
    }
}
