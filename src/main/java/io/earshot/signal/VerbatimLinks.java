package io.earshot.signal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The address of the verbatims behind a number, {@code /verbatims?f.FIELD=value&from=&to=&band=&score=&q=&page=}, and
 * the way back from its parameters to a {@link VerbatimQuery}. Every page that shows a number links through here, so
 * the list a reader lands on holds exactly the signals that were counted.
 */
public final class VerbatimLinks {

    /** Prefix of the query parameters that filter by a field, e.g. {@code f.region=North}. */
    public static final String FIELD_PREFIX = "f.";

    private VerbatimLinks() {}

    /** The first page of the verbatims {@code filter} selects that carry {@code score} (which may be {@code null}). */
    public static String href(SignalFilter filter, VerbatimScore score) {
        return href(VerbatimQuery.of(filter, score));
    }

    /** The page of verbatims {@code query} asks for. */
    public static String href(VerbatimQuery query) {
        List<String> parameters = new ArrayList<>();
        SignalFilter filter = query.filter();
        filter.fields().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(field -> parameters.add(pair(FIELD_PREFIX + field.getKey(), field.getValue())));
        if (filter.from() != null) {
            parameters.add(pair("from", filter.from().toString()));
        }
        if (filter.to() != null) {
            parameters.add(pair("to", filter.to().toString()));
        }
        if (filter.band() != null) {
            parameters.add(pair("band", filter.band().name().toLowerCase(Locale.ROOT)));
        }
        if (query.score() != null) {
            parameters.add(pair("score", query.score().key()));
        }
        if (filter.text() != null) {
            parameters.add(pair("q", filter.text()));
        }
        if (query.page() > 1) {
            parameters.add(pair("page", String.valueOf(query.page())));
        }
        return "/verbatims" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    /**
     * Reads a query from request parameters (first value of each). Besides {@code f.FIELD}, a pair {@code field} and
     * {@code value} adds one filter, for forms that cannot name a parameter after the field. Every mistake is an
     * {@link IllegalArgumentException} saying what would be accepted.
     */
    public static VerbatimQuery query(Map<String, String> parameters) {
        Map<String, String> fields = fields(parameters);
        String added = blankToNull(parameters.get("field"));
        if (added != null) {
            fields.put(added, parameters.getOrDefault("value", "").strip());
        }
        SignalFilter filter = new SignalFilter(
                fields,
                date("from", parameters.get("from")),
                date("to", parameters.get("to")),
                band(blankToNull(parameters.get("band"))),
                parameters.get("q"));
        String score = blankToNull(parameters.get("score"));
        return new VerbatimQuery(
                filter, score == null ? null : VerbatimScore.parse(score), page(parameters.get("page")));
    }

    /**
     * The {@code f.FIELD=value} parameters of a request as field to value, values stripped and a missing value as the
     * empty string (which filters for "no value"). Pages that slice by these parameters read them here, so a number and
     * the verbatims behind it see the same filter.
     */
    public static Map<String, String> fields(Map<String, String> parameters) {
        Map<String, String> fields = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(FIELD_PREFIX) && name.length() > FIELD_PREFIX.length()) {
                fields.put(name.substring(FIELD_PREFIX.length()), value == null ? "" : value.strip());
            }
        });
        return fields;
    }

    private static String pair(String name, String value) {
        return encode(name) + "=" + encode(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static LocalDate date(String name, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' must be a date written YYYY-MM-DD, e.g. 2025-03-01, not '" + text + "'");
        }
    }

    private static SignalFilter.Band band(String text) {
        if (text == null) {
            return null;
        }
        return Arrays.stream(SignalFilter.Band.values())
                .filter(band -> band.name().equalsIgnoreCase(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown band '" + text + "'; use one of "
                        + String.join(
                                ", ",
                                Arrays.stream(SignalFilter.Band.values())
                                        .map(band -> band.name().toLowerCase(Locale.ROOT))
                                        .toList())));
    }

    private static int page(String text) {
        if (blankToNull(text) == null) {
            return 1;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'page' must be a whole number from 1, not '" + text + "'");
        }
    }
}
