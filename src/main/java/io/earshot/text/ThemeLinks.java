package io.earshot.text;

import io.earshot.access.AccessRules;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address of a theme's verbatims: the theme's own page {@code /themes/{id}} where the application has one (every
 * page has an access rule, so a rule for it means the page exists), else the search page narrowed to the theme, {@code
 * /search?theme=ID} with the selection's dates and the field filters search understands.
 */
final class ThemeLinks {

    private ThemeLinks() {}

    static String href(int themeId, SignalFilter filter) {
        if (AccessRules.ruleFor(HttpMethod.GET, "/themes/" + themeId).isPresent()) {
            return "/themes/" + themeId;
        }
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
