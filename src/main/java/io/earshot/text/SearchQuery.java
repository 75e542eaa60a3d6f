package io.earshot.text;

import io.earshot.signal.SignalField;
import io.earshot.signal.SignalFilter.Band;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A full-text search: words in the query syntax of Lucene's classic parser, narrowed by signal fields, a date range and
 * a score band, one page at a time.
 *
 * @param text the query ({@code "on hold" AND refund NOT card}, {@code region:North}), or {@code null} for every signal
 * @param fields signal field (a {@link SignalField} key), {@code sentiment} (negative, neutral or positive) or
 *     {@code theme} (an active theme's id) to the value it must have; an empty value means "no value"
 * @param from first day included, or {@code null}
 * @param to first day no longer included, or {@code null}
 * @param band a score band, or {@code null} for all
 * @param mode how to rank: by words, by meaning, or both fused; {@code null} for the index's default
 * @param page the page, from 1
 */
public record SearchQuery(
        String text, Map<String, String> fields, LocalDate from, LocalDate to, Band band, Mode mode, int page) {

    /** How a search ranks. */
    public enum Mode {
        /** BM25 over the words. */
        TEXT,
        /**
         * Nearest texts by sentence embedding: finds the same meaning in other words. Conditions on fields in the query
         * ({@code region:North}) filter, and only its other words are embedded.
         */
        SEMANTIC,
        /** Both, fused by reciprocal rank: word matches and the nearest texts by meaning. */
        HYBRID
    }

    /** Hits per page. */
    public static final int PAGE_SIZE = 25;

    /** The deepest page served: beyond it, narrow the search instead. */
    public static final int MAX_PAGE = 400;

    /** Filters derived from a signal's text rather than stored with it: its sentiment and its theme's id. */
    public static final List<String> DERIVED_FIELDS = List.of("sentiment", "theme");

    private static final List<String> SENTIMENTS = List.of("negative", "neutral", "positive");

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        fields = fields == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(fields));
        for (String name : fields.keySet()) {
            Objects.requireNonNull(fields.get(name), name);
            if (!isField(name)) {
                throw new IllegalArgumentException(
                        "Search cannot filter by '" + name + "'; use one of " + String.join(", ", filterNames()));
            }
        }
        String sentiment = fields.get("sentiment");
        if (sentiment != null && !sentiment.isEmpty() && !SENTIMENTS.contains(sentiment)) {
            throw new IllegalArgumentException(
                    "Unknown sentiment '" + sentiment + "'; use negative, neutral or positive");
        }
        String theme = fields.get("theme");
        if (theme != null && !theme.isEmpty() && !theme.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException(
                    "'theme' must be a theme's id, a whole number such as 12 (see the Themes page), not '" + theme
                            + "'");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("The date range must end after it starts: from " + from + " to " + to);
        }
        if (band == Band.POC) {
            throw new IllegalArgumentException(
                    "Search cannot narrow to the POC band; use promoter, passive, detractor, satisfied or unsatisfied");
        }
        if (page < 1 || page > MAX_PAGE) {
            throw new IllegalArgumentException("The page must be between 1 and " + MAX_PAGE + ", not " + page);
        }
    }

    /** The first page of {@code text} over every signal. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), null, null, null, null, 1);
    }

    public SearchQuery with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new SearchQuery(text, copy, from, to, band, mode, 1);
    }

    public SearchQuery without(String field) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.remove(field);
        return new SearchQuery(text, copy, from, to, band, mode, 1);
    }

    public SearchQuery between(LocalDate from, LocalDate to) {
        return new SearchQuery(text, fields, from, to, band, mode, 1);
    }

    public SearchQuery withBand(Band band) {
        return new SearchQuery(text, fields, from, to, band, mode, 1);
    }

    public SearchQuery in(Mode mode) {
        return new SearchQuery(text, fields, from, to, band, mode, 1);
    }

    public SearchQuery atPage(int page) {
        return new SearchQuery(text, fields, from, to, band, mode, page);
    }

    /** The signal fields a search can filter by, as stored with each signal. */
    public static List<String> fieldNames() {
        return Arrays.stream(SignalField.values()).map(SignalField::key).toList();
    }

    /** Every field a search can filter by: the signal fields and {@link #DERIVED_FIELDS}. */
    public static List<String> filterNames() {
        return java.util.stream.Stream.concat(fieldNames().stream(), DERIVED_FIELDS.stream())
                .toList();
    }

    static boolean isField(String name) {
        return fieldNames().contains(name) || DERIVED_FIELDS.contains(name);
    }
}
