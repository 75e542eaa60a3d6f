package io.earshot.text;

import io.earshot.access.DataScope;
import io.earshot.access.DataScopes;
import io.earshot.signal.Verbatim;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/themes}: the active themes with size and share in the caller's data scope, monthly counts and the
 * emerging flag, and the discovery's state; {@code GET /api/v1/themes/{id}?page=N}: one theme (any status) with its
 * representative verbatims and a page of its verbatims. 404 with a message for an unknown theme.
 */
@RestController
class ThemesApiController {

    private final ThemeViews views;
    private final StoredThemes themes;
    private final ThemeCatalogue catalogue;
    private final DataScopes scopes;

    ThemesApiController(ThemeViews views, StoredThemes themes, ThemeCatalogue catalogue, DataScopes scopes) {
        this.views = views;
        this.themes = themes;
        this.catalogue = catalogue;
        this.scopes = scopes;
    }

    @GetMapping("/api/v1/themes")
    Map<String, Object> list() {
        DataScope scope = scopes.current();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "themes",
                views.summaries(scope).stream()
                        .map(ThemesApiController::summary)
                        .toList());
        body.put("signals", views.embeddedTexts(scope));
        Map<String, Object> discovery = new LinkedHashMap<>();
        discovery.put("running", catalogue.busy());
        catalogue.progress().ifPresent(p -> {
            discovery.put("phase", p.phase().name().toLowerCase(java.util.Locale.ROOT));
            discovery.put("done", p.done());
            discovery.put("total", p.total());
        });
        catalogue.lastRun().ifPresent(run -> discovery.put("lastRun", run));
        body.put("discovery", discovery);
        return body;
    }

    @GetMapping("/api/v1/themes/{id}")
    Map<String, Object> theme(@PathVariable int id, @RequestParam(defaultValue = "1") int page) {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, not " + page);
        }
        StoredTheme theme = themes.get(id);
        DataScope scope = scopes.current();
        Map<String, Object> body = summary(views.summary(theme, scope));
        body.put(
                "representatives",
                views.representatives(id, scope).stream()
                        .map(ThemesApiController::verbatim)
                        .toList());
        ThemeViews.VerbatimsPage verbatims = views.page(id, scope, page);
        body.put("page", verbatims.page());
        body.put("pages", verbatims.pages());
        body.put("pageSize", ThemeViews.PAGE_SIZE);
        body.put(
                "verbatims",
                verbatims.items().stream().map(ThemesApiController::verbatim).toList());
        return body;
    }

    private static Map<String, Object> summary(ThemeViews.Summary summary) {
        StoredTheme theme = summary.theme();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", theme.id());
        body.put("label", theme.label());
        body.put("keyPhrases", theme.keyPhrases());
        body.put("status", theme.status().value());
        body.put("renamed", theme.renamed());
        body.put("mergedInto", theme.mergedInto());
        body.put("splitFrom", theme.splitFrom());
        body.put("size", summary.size());
        body.put("share", Math.round(summary.share() * 10) / 10.0);
        ThemeTrend trend = summary.trend();
        Map<String, Long> months = new LinkedHashMap<>();
        for (int i = 0; i < trend.months().size(); i++) {
            months.put(trend.months().get(i), trend.counts().get(i));
        }
        body.put("months", months);
        body.put("emerging", trend.emerging());
        body.put("latestShare", Math.round(trend.latestShare() * 10) / 10.0);
        body.put("baselineShare", Math.round(trend.baselineShare() * 10) / 10.0);
        body.put("pValue", trend.pValue());
        body.put("qValue", trend.qValue());
        body.put("editedBy", theme.editedBy());
        body.put("editedAt", theme.editedAt());
        return body;
    }

    private static Map<String, Object> verbatim(Verbatim v) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", v.id());
        body.put("occurredAt", v.occurredAt());
        body.put("source", v.source());
        body.put("customerId", v.customerId());
        body.put("text", v.text());
        body.put("nps", v.nps());
        body.put("csat", v.csat());
        body.put("ces", v.ces());
        body.put("fields", v.fields());
        return body;
    }

    @ExceptionHandler(StoredThemes.NoSuchTheme.class)
    ResponseEntity<Map<String, Object>> notFound(StoredThemes.NoSuchTheme e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("status", HttpStatus.NOT_FOUND.value(), "error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("status", HttpStatus.BAD_REQUEST.value(), "error", e.getMessage()));
    }
}
