package io.earshot.text;

import io.earshot.access.AccessRules;
import io.earshot.access.DataScope;
import io.earshot.access.DataScopes;
import io.earshot.access.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The theme pages: {@code /themes} lists the active themes with size, share, trend and the emerging flag, and starts a
 * discovery; {@code /themes/{id}} shows one theme's key phrases, representative verbatims, monthly trend and verbatims,
 * with the forms to rename, merge, split and delete it (or restore it, once deleted) for those who may (analysts and
 * administrators).
 */
@Controller
class ThemesPage {

    private final ThemeCatalogue catalogue;
    private final ThemeEdits edits;
    private final ThemeViews views;
    private final StoredThemes themes;
    private final SignalEmbeddings embeddings;
    private final DataScopes scopes;
    private final JsonMapper json = JsonMapper.builder().build();

    ThemesPage(
            ThemeCatalogue catalogue,
            ThemeEdits edits,
            ThemeViews views,
            StoredThemes themes,
            SignalEmbeddings embeddings,
            DataScopes scopes) {
        this.catalogue = catalogue;
        this.edits = edits;
        this.views = views;
        this.themes = themes;
        this.embeddings = embeddings;
        this.scopes = scopes;
    }

    @GetMapping("/themes")
    String list(Model model) {
        DataScope scope = scopes.current();
        model.addAttribute("summaries", views.summaries(scope));
        model.addAttribute("progress", catalogue.progress().orElse(null));
        model.addAttribute("busy", catalogue.busy());
        model.addAttribute("lastRun", catalogue.lastRun().orElse(null));
        model.addAttribute("analysis", embeddings.progress());
        model.addAttribute("editsThemes", editsThemes());
        model.addAttribute(
                "deleted",
                themes.all().stream()
                        .filter(theme -> theme.status() == ThemeStatus.DELETED)
                        .toList());
        model.addAttribute("defaultDays", ThemeCatalogue.DEFAULT_DAYS);
        model.addAttribute("fdr", ThemeTrends.FDR);
        return "text/themes";
    }

    @PostMapping("/themes/discover")
    String discover(
            @RequestParam(defaultValue = "") String k,
            @RequestParam(defaultValue = "") String days,
            Model model,
            HttpServletResponse response) {
        try {
            int themeCount = number(k, "The number of themes", 0);
            int period = number(days, "The number of days", ThemeCatalogue.DEFAULT_DAYS);
            catalogue.discover(themeCount, period, actor());
            return "redirect:/themes?started";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", e.getMessage());
            return list(model);
        }
    }

    @GetMapping("/themes/{id}")
    String theme(
            @PathVariable int id,
            @RequestParam(defaultValue = "1") int page,
            Model model,
            HttpServletResponse response) {
        Optional<StoredTheme> found = themes.find(id);
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", new StoredThemes.NoSuchTheme(id).getMessage());
            return "text/theme";
        }
        StoredTheme theme = found.get();
        DataScope scope = scopes.current();
        ThemeViews.Summary summary = views.summary(theme, scope);
        model.addAttribute("theme", theme);
        model.addAttribute("status", theme.status().value());
        model.addAttribute("summary", summary);
        model.addAttribute("representatives", views.representatives(id, scope));
        model.addAttribute("verbatims", views.page(id, scope, Math.max(1, page)));
        model.addAttribute("trendJson", trendJson(summary.trend()));
        model.addAttribute("editsThemes", editsThemes() && theme.isActive());
        model.addAttribute("restores", editsThemes() && theme.status() == ThemeStatus.DELETED);
        model.addAttribute(
                "others",
                themes.all().stream()
                        .filter(StoredTheme::isActive)
                        .filter(other -> other.id() != id)
                        .toList());
        return "text/theme";
    }

    @PostMapping("/themes/{id}/rename")
    String rename(
            @PathVariable int id,
            @RequestParam(defaultValue = "") String label,
            Model model,
            HttpServletResponse response) {
        try {
            edits.rename(id, label, actor());
            return "redirect:/themes/" + id + "?done=renamed";
        } catch (IllegalArgumentException | StoredThemes.NoSuchTheme e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/themes/{id}/merge")
    String merge(
            @PathVariable int id,
            @RequestParam(defaultValue = "") String into,
            Model model,
            HttpServletResponse response) {
        try {
            int target = number(into, "The theme to merge into", -1);
            if (target < 0) {
                throw new IllegalArgumentException("Choose the theme to merge theme " + id + " into");
            }
            edits.merge(id, target, actor());
            return "redirect:/themes/" + target + "?done=merged";
        } catch (IllegalArgumentException | StoredThemes.NoSuchTheme e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/themes/{id}/split")
    String split(
            @PathVariable int id,
            @RequestParam(defaultValue = "") String parts,
            Model model,
            HttpServletResponse response) {
        try {
            edits.split(id, number(parts, "The number of parts", 2), actor());
            return "redirect:/themes?done=split";
        } catch (IllegalArgumentException | StoredThemes.NoSuchTheme e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/themes/{id}/delete")
    String delete(@PathVariable int id, Model model, HttpServletResponse response) {
        try {
            edits.delete(id, actor());
            return "redirect:/themes?done=deleted";
        } catch (IllegalArgumentException | StoredThemes.NoSuchTheme e) {
            return refused(id, e, model, response);
        }
    }

    @PostMapping("/themes/{id}/restore")
    String restore(@PathVariable int id, Model model, HttpServletResponse response) {
        try {
            edits.restore(id, actor());
            return "redirect:/themes/" + id + "?done=restored";
        } catch (IllegalArgumentException | StoredThemes.NoSuchTheme e) {
            return refused(id, e, model, response);
        }
    }

    /**
     * An edit that could not be done: the theme's page again with why, as 400; 404 when the theme itself does not
     * exist. Nothing was changed.
     */
    private String refused(int id, RuntimeException e, Model model, HttpServletResponse response) {
        if (themes.find(id).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problem", e.getMessage());
            return "text/theme";
        }
        String view = theme(id, 1, model, response);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("problem", e.getMessage());
        return view;
    }

    private boolean editsThemes() {
        return scopes.viewer()
                .map(viewer -> AccessRules.allows(viewer, HttpMethod.POST, "/themes/1/rename"))
                .orElse(false);
    }

    private String actor() {
        return scopes.viewer().map(Viewer::name).orElse("anonymous");
    }

    /** A whole number typed into a form; blank gives {@code blank}. */
    static int number(String typed, String what, int blank) {
        if (typed == null || typed.isBlank()) {
            return blank;
        }
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, not '" + typed.strip() + "'");
        }
    }

    private String trendJson(ThemeTrend trend) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < trend.months().size(); i++) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("label", trend.months().get(i));
            point.put("count", trend.counts().get(i));
            long total = trend.totals().get(i);
            point.put(
                    "share",
                    total == 0
                            ? null
                            : Double.valueOf(String.format(
                                    Locale.ROOT, "%.1f", 100.0 * trend.counts().get(i) / total)));
            points.add(point);
        }
        return json.writeValueAsString(points);
    }
}
