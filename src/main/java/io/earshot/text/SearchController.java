package io.earshot.text;

import io.earshot.access.DataScopes;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The search page: a query box, filters, facets as links, highlighted results 25 to a page. */
@Controller
class SearchController {

    private final SearchIndex index;
    private final DataScopes scopes;
    private final SignalEmbeddings embeddings;

    SearchController(SearchIndex index, DataScopes scopes, SignalEmbeddings embeddings) {
        this.index = index;
        this.scopes = scopes;
        this.embeddings = embeddings;
    }

    /** A facet value (with its label: a theme's name, else the value) with its count and the link to narrow to it. */
    record FacetLink(String value, String label, long count, String href) {}

    /** A filter in force, with the link to the same search without it. */
    record Chip(String field, String value, String removeHref) {}

    @GetMapping("/search")
    String search(@RequestParam Map<String, String> parameters, Model model, HttpServletResponse response) {
        model.addAttribute("fieldNames", SearchQuery.filterNames());
        model.addAttribute("status", index.status());
        model.addAttribute("analysis", embeddings.progress());
        model.addAttribute("semantic", index.hasVectors());
        model.addAttribute("q", parameters.getOrDefault("q", ""));
        SearchQuery query;
        try {
            query = SearchLinks.query(withAddedFilter(parameters));
            String similar = parameters.get("similar");
            SearchResults results;
            if (similar == null || similar.isBlank()) {
                results = index.search(query, scopes.current());
            } else {
                java.util.UUID id = SearchLinks.signalId(similar);
                results = index.similar(id, query, scopes.current());
                model.addAttribute(
                        "similarTo", index.textOf(id, scopes.current()).orElse(""));
            }
            model.addAttribute("results", results);
            Map<String, String> themes = index.themeLabels();
            model.addAttribute("facets", facets(results, themes));
            model.addAttribute("chips", chips(query, themes));
            model.addAttribute(
                    "previousHref", results.hasPrevious() ? SearchLinks.href(query.atPage(query.page() - 1)) : null);
            model.addAttribute("nextHref", results.hasNext() ? SearchLinks.href(query.atPage(query.page() + 1)) : null);
            model.addAttribute("query", query);
            model.addAttribute("mode", index.modeOf(query).name().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
        }
        return "text/search";
    }

    /** The form's "field" and "value" boxes add a filter as {@code f.FIELD}. */
    private static Map<String, String> withAddedFilter(Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        String field = all.remove("field");
        String value = all.remove("value");
        if (field != null && !field.isBlank() && value != null) {
            all.put("f." + field.strip(), value);
        }
        return all;
    }

    /**
     * The facets as links, but not for a field already filtered, nor sentiment or theme while no matching signal has
     * one (texts not analysed yet, no themes).
     */
    private static Map<String, List<FacetLink>> facets(SearchResults results, Map<String, String> themes) {
        Map<String, List<FacetLink>> facets = new LinkedHashMap<>();
        results.facets().forEach((field, counts) -> {
            if (results.query().fields().containsKey(field)
                    || (SearchQuery.DERIVED_FIELDS.contains(field)
                            && counts.keySet().equals(java.util.Set.of("")))) {
                return;
            }
            List<FacetLink> links = new ArrayList<>();
            counts.forEach((value, count) -> links.add(new FacetLink(
                    value,
                    label(field, value, themes),
                    count,
                    SearchLinks.href(results.query().with(field, value)))));
            facets.put(field, links);
        });
        return facets;
    }

    /** How a filter value shows: a theme by its label, nothing as "(none)", other values as they are. */
    private static String label(String field, String value, Map<String, String> themes) {
        if (value.isEmpty()) {
            return "(none)";
        }
        return field.equals("theme") ? themes.getOrDefault(value, "theme " + value + " (no longer active)") : value;
    }

    private static List<Chip> chips(SearchQuery query, Map<String, String> themes) {
        List<Chip> chips = new ArrayList<>();
        query.fields()
                .forEach((field, value) -> chips.add(new Chip(
                        field,
                        field.equals("theme") && !value.isEmpty() ? label(field, value, themes) : value,
                        SearchLinks.href(query.without(field)))));
        if (query.band() != null) {
            chips.add(new Chip(
                    "band",
                    query.band().name().toLowerCase(java.util.Locale.ROOT),
                    SearchLinks.href(query.withBand(null))));
        }
        if (query.from() != null || query.to() != null) {
            chips.add(new Chip(
                    "dates",
                    (query.from() == null ? "…" : query.from()) + " to " + (query.to() == null ? "…" : query.to()),
                    SearchLinks.href(query.between(null, null))));
        }
        return chips;
    }
}
