package io.earshot.signal;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Sources admin page: every source with its signal count, retention and the kinds of personal data redacted on the
 * way in; a form to set one source's policy; and a button that applies retention now instead of at night.
 */
@Controller
@RequestMapping("/admin/sources")
class SourcesPage {

    static final int PAGE_SIZE = 50;

    private final SourcePolicies policies;
    private final RetentionJob retention;
    private final Clock clock;

    SourcesPage(SourcePolicies policies, RetentionJob retention, Clock clock) {
        this.policies = policies;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * @param edit the source whose policy the form shows, or none for an empty form (a source not seen yet)
     */
    @GetMapping
    String sources(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String edit,
            Model model,
            HttpServletResponse response) {
        SourcePolicy editing = null;
        if (edit != null && !edit.isBlank()) {
            try {
                editing = policies.get(edit.strip());
            } catch (IllegalArgumentException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("error", e.getMessage());
            }
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    editing == null
                            ? new PolicyForm("", "", SourcePolicy.PII_KINDS)
                            : new PolicyForm(
                                    editing.source(),
                                    editing.retentionDays() == null
                                            ? ""
                                            : editing.retentionDays().toString(),
                                    editing.redact()));
        }
        return page(page, model);
    }

    @PostMapping
    String save(
            @RequestParam(defaultValue = "") String source,
            @RequestParam(name = "retentionDays", defaultValue = "") String retentionDays,
            @RequestParam(name = "redact", required = false) List<String> redact,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        List<String> kinds = redact == null ? List.of() : redact;
        try {
            SourcePolicy policy =
                    policies.set(SourcePolicy.parse(source.strip(), retentionDays, String.join(",", kinds)));
            redirect.addFlashAttribute("saved", policy);
            return "redirect:/admin/sources";
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new PolicyForm(source, retentionDays, kinds));
            return page(0, model);
        }
    }

    @PostMapping("/retention")
    String applyRetention(RedirectAttributes redirect) {
        redirect.addFlashAttribute("expired", retention.runNow(clock.instant()));
        return "redirect:/admin/sources";
    }

    private String page(int page, Model model) {
        List<SourcePolicies.SourceSummary> all = policies.sources();
        int pages = Math.max(1, (all.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.clamp(page, 0, pages - 1);
        model.addAttribute("sources", all.subList(shown * PAGE_SIZE, Math.min(all.size(), (shown + 1) * PAGE_SIZE)));
        model.addAttribute(
                "known", all.stream().map(SourcePolicies.SourceSummary::source).toList());
        model.addAttribute("kinds", SourcePolicy.PII_KINDS);
        model.addAttribute("maxDays", SourcePolicy.MAX_RETENTION_DAYS);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        return "signal/admin/sources";
    }

    /** The policy form's fields as typed, kept when they are sent back with an error. */
    record PolicyForm(String source, String retentionDays, List<String> redact) {}
}
