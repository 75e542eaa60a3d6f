package io.earshot.access;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit log for administrators: newest first, 50 to a page, filtered by action prefix and actor, with whether the
 * hash chain verifies; and its CSV export, which is itself recorded in the log.
 */
@Controller
@RequestMapping("/admin")
class AuditPages {

    static final int PAGE_SIZE = 50;

    /** The action prefixes the filter suggests. */
    static final List<String> PREFIXES = List.of(
            "sign-in", "sign-out", "user.", "unit.", "token.", "audit.", "import", "signal", "customer", "source");

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private final Audit audit;
    private final Clock clock;

    AuditPages(Audit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String page(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        long total = audit.count(action, actor);
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.clamp(page, 0, pages - 1);
        model.addAttribute("entries", audit.entries(action, actor, current * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        String actionFilter = Objects.requireNonNullElse(action, "").strip();
        String actorFilter = Objects.requireNonNullElse(actor, "").strip();
        model.addAttribute("action", actionFilter);
        model.addAttribute("actor", actorFilter);
        model.addAttribute("csvHref", href("/admin/audit.csv", actionFilter, actorFilter, null));
        model.addAttribute(
                "newerHref", current > 0 ? href("/admin/audit", actionFilter, actorFilter, current - 1) : null);
        model.addAttribute(
                "olderHref", current + 1 < pages ? href("/admin/audit", actionFilter, actorFilter, current + 1) : null);
        model.addAttribute("prefixes", PREFIXES);
        model.addAttribute("broken", audit.verify().orElse(null));
        return "access/admin/audit";
    }

    /** A link to {@code path} with the filters that are set, and the page unless it is the first. */
    private static String href(String path, String action, String actor, Integer page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        Map<String, Object> values = new HashMap<>();
        if (!action.isEmpty()) {
            link.queryParam("action", "{action}");
            values.put("action", action);
        }
        if (!actor.isEmpty()) {
            link.queryParam("actor", "{actor}");
            values.put("actor", actor);
        }
        if (page != null && page > 0) {
            link.queryParam("page", page);
        }
        // Values are encoded strictly, so a '+' in an e-mail stays a '+'.
        return link.encode().buildAndExpand(values).toUriString();
    }

    /** The filtered log as CSV, newest first; the export is recorded before it is written, so it is never missed. */
    @GetMapping("/audit.csv")
    void export(
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String actor,
            HttpServletResponse response)
            throws IOException {
        audit.record("audit.export", "audit", "action=" + blankToAll(action) + ", actor=" + blankToAll(actor));
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(clock.instant().atZone(ZoneOffset.UTC));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"earshot-audit-" + stamp + ".csv\"");
        Writer out = response.getWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord("seq", "at_utc", "actor", "action", "target", "detail", "origin", "hash");
            try {
                audit.forEach(action, actor, entry -> csv.writeRecord(cells(entry)));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    private static List<String> cells(AuditEntry entry) {
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(entry.seq()));
        cells.add(AT.format(entry.at().atZone(ZoneOffset.UTC)));
        for (String text :
                new String[] {entry.actor(), entry.action(), entry.target(), entry.detail(), entry.origin()}) {
            cells.add(spreadsheetSafe(text));
        }
        cells.add(entry.hash());
        return cells;
    }

    /**
     * The text, with a {@code '} before it where a spreadsheet would run it as a formula: actors and targets include
     * e-mails typed into the sign-in form by anyone.
     */
    static String spreadsheetSafe(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String blankToAll(String filter) {
        return filter == null || filter.isBlank() ? "(all)" : filter.strip();
    }
}
