package io.earshot.text;

import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of the verbatims of a theme within a selection: the search page narrowed to the theme, {@code
 * /search?theme=ID}, with the selection's dates and the field filters search understands, so the verbatims are the
 * ones behind the figure.
 */
final class ThemeLinks {

    private ThemeLinks() {}

    static String href(int themeId, SignalFilter filter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/search").queryParam("theme", themeId);
        filter.fields().entrySet().stream()
                .filter(field -> SearchQuery.isField(field.getKey()))
                .sorted(java.util.Map.Entry.comparingByKey())
                .forEach(field -> uri.queryParam("f." + field.getKey(), field.getValue()));
        LocalDate from = filter.from(), to = filter.to();
        if (from != null) {
            uri.queryParam("from", from);
        }
        if (to != null) {
            uri.queryParam("to", to);
        }
        return uri.encode().build().toUriString();
    }
}
