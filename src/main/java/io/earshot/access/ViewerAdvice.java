package io.earshot.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page what its frame needs: who is signed in, which sections of the navigation they may open, and
 * whether demo mode is on (marked on every page).
 */
@ControllerAdvice
class ViewerAdvice {

    /** The navigation's sections, path to label, in order. */
    static final Map<String, String> SECTIONS = sections();

    private final DataScopes scopes;
    private final Users users;

    ViewerAdvice(DataScopes scopes, Users users) {
        this.scopes = scopes;
        this.users = users;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return scopes.viewer().orElse(null);
    }

    @ModelAttribute("demoMode")
    boolean demoMode() {
        return users.demoMode();
    }

    /** The sections the viewer may open, path to label. */
    @ModelAttribute("sections")
    Map<String, String> sections(@ModelAttribute("viewer") Viewer viewer) {
        Map<String, String> allowed = new LinkedHashMap<>();
        Optional.ofNullable(viewer)
                .ifPresent(v -> SECTIONS.forEach((path, label) -> {
                    if (AccessRules.allows(v, HttpMethod.GET, path)) {
                        allowed.put(path, label);
                    }
                }));
        return allowed;
    }

    /** Whether the viewer may read verbatims: figures link to the words behind them only then. */
    @ModelAttribute("readsVerbatims")
    boolean readsVerbatims(@ModelAttribute("viewer") Viewer viewer) {
        return viewer != null && AccessRules.allows(viewer, HttpMethod.GET, "/verbatims");
    }

    private static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("/", "Overview");
        sections.put("/breakdown", "Breakdown");
        sections.put("/dips", "Dips");
        sections.put("/drivers", "Drivers");
        sections.put("/verbatims", "Verbatims");
        sections.put("/search", "Search");
        sections.put("/themes", "Themes");
        sections.put("/programmes", "Programmes");
        sections.put("/closeness", "Closeness");
        sections.put("/imports", "Imports");
        sections.put("/admin", "Admin");
        return java.util.Collections.unmodifiableMap(sections);
    }
}
