package io.earshot.text;

import io.earshot.access.DataScopes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=…&f.region=North&sentiment=negative&theme=12&from=DAY&to=DAY&band=detractor&mode=hybrid&page=1}
 * (or {@code similar=SIGNAL_ID} instead of {@code q}: the texts nearest in meaning to that signal's): one page of a
 * search (words and meaning fused unless {@code mode=text} or {@code mode=semantic}) in the caller's data scope, with
 * total, facets (theme facet by id, with {@code themes} giving their labels), the emotions of the page's hits by
 * signal id and how many texts are embedded; 400 with
 * what is wrong (and the column, for a query the parser cannot read).
 */
@RestController
class SearchApiController {

    private final SearchIndex index;
    private final DataScopes scopes;
    private final SignalEmbeddings embeddings;

    SearchApiController(SearchIndex index, DataScopes scopes, SignalEmbeddings embeddings) {
        this.index = index;
        this.scopes = scopes;
        this.embeddings = embeddings;
    }

    @GetMapping("/api/v1/search")
    Map<String, Object> search(@RequestParam Map<String, String> parameters) {
        SearchQuery query = SearchLinks.query(parameters);
        String similar = parameters.get("similar");
        SearchResults results = similar == null || similar.isBlank()
                ? index.search(query, scopes.current())
                : index.similar(SearchLinks.signalId(similar), query, scopes.current());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", results.query().text());
        body.put(
                "mode",
                similar == null || similar.isBlank()
                        ? index.modeOf(query).name().toLowerCase(java.util.Locale.ROOT)
                        : "similar");
        body.put("total", results.total());
        body.put("page", results.page());
        body.put("pages", results.pages());
        body.put("pageSize", SearchQuery.PAGE_SIZE);
        body.put("hits", results.hits());
        // the stored emotions of this page's hits, by signal id (hits not yet analysed have none), as the index holds
        // them
        Map<java.util.UUID, List<EmotionScore>> emotions = new LinkedHashMap<>();
        results.hits().forEach(hit -> {
            if (!hit.emotions().isEmpty()) {
                emotions.put(hit.id(), hit.emotions());
            }
        });
        body.put("emotions", emotions);
        body.put("facets", results.facets());
        Map<String, String> themes = new LinkedHashMap<>();
        Map<String, String> labels = index.themeLabels();
        results.facets().getOrDefault("theme", Map.of()).keySet().forEach(id -> {
            if (labels.containsKey(id)) {
                themes.put(id, labels.get(id));
            }
        });
        body.put("themes", themes);
        body.put("index", results.index());
        body.put("embedded", embeddings.progress());
        return body;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", HttpStatus.BAD_REQUEST.value());
        body.put("error", e.getMessage());
        if (e instanceof SearchSyntaxException syntax && syntax.column() > 0) {
            body.put("column", syntax.column());
        }
        return ResponseEntity.badRequest().body(body);
    }
}
