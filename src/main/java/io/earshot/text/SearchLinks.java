package io.earshot.text;

import io.earshot.signal.SignalFilter.Band;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A search as request parameters and back: {@code q}, {@code f.FIELD=value}, {@code sentiment} and {@code theme} (also
 * accepted as {@code f.sentiment}, {@code f.theme}), {@code from}, {@code to} (days, {@code to} excluded), {@code band},
 * {@code mode} and {@code page}. The page and the API read the same parameters.
 */
final class SearchLinks {

    private SearchLinks() {}

    static SearchQuery query(Map<String, String> parameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("f.")) {
                fields.put(name.substring(2), value.strip());
            } else if (SearchQuery.DERIVED_FIELDS.contains(name)) {
                fields.put(name, value.strip().toLowerCase(Locale.ROOT));
            }
        });
        return new SearchQuery(
                parameters.get("q"),
                fields,
                day(parameters, "from"),
                day(parameters, "to"),
                band(parameters.get("band")),
                mode(parameters.get("mode")),
                page(parameters.get("page")));
    }

    static String href(SearchQuery query) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search");
        if (query.text() != null) {
            uri.queryParam("q", query.text());
        }
        query.fields()
                .forEach((field, value) ->
                        uri.queryParam(SearchQuery.DERIVED_FIELDS.contains(field) ? field : "f." + field, value));
        if (query.from() != null) {
            uri.queryParam("from", query.from());
        }
        if (query.to() != null) {
            uri.queryParam("to", query.to());
        }
        if (query.band() != null) {
            uri.queryParam("band", query.band().name().toLowerCase(Locale.ROOT));
        }
        if (query.mode() != null) {
            uri.queryParam("mode", query.mode().name().toLowerCase(Locale.ROOT));
        }
        if (query.page() > 1) {
            uri.queryParam("page", query.page());
        }
        return uri.encode().build().toUriString();
    }

    /** The signal id of a {@code similar} parameter. */
    static java.util.UUID signalId(String value) {
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'similar' must be a signal id, such as"
                    + " 0f8e2c1a-4b5d-4e6f-8a9b-0c1d2e3f4a5b, not '" + value + "'");
        }
    }

    private static LocalDate day(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a day written yyyy-mm-dd, such as 2025-03-01, not '" + value + "'");
        }
    }

    private static Band band(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Band.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "Unknown band '" + value + "'; use promoter, passive, detractor, satisfied or unsatisfied");
        }
    }

    private static SearchQuery.Mode mode(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SearchQuery.Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown mode '" + value + "'; use text, semantic or hybrid");
        }
    }

    private static int page(String value) {
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The page must be a whole number, not '" + value + "'");
        }
    }
}
