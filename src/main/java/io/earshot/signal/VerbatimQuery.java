package io.earshot.signal;

import java.util.Objects;

/**
 * Which page of verbatims to list: the signals a filter selects, optionally only those with a given score.
 *
 * @param filter fields, date range, band and text the signals must match
 * @param score a score the signals must carry, or {@code null}
 * @param page the page, from 1
 */
public record VerbatimQuery(SignalFilter filter, VerbatimScore score, int page) {

    public VerbatimQuery {
        Objects.requireNonNull(filter, "filter");
        if (page < 1) {
            throw new IllegalArgumentException("The page must be 1 or more, not " + page);
        }
    }

    /** The first page of the signals {@code filter} selects that carry {@code score}. */
    public static VerbatimQuery of(SignalFilter filter, VerbatimScore score) {
        return new VerbatimQuery(filter, score, 1);
    }

    public VerbatimQuery atPage(int page) {
        return new VerbatimQuery(filter, score, page);
    }
}
