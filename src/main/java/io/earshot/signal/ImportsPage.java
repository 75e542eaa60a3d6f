package io.earshot.signal;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.earshot.access.Audit;
import io.earshot.access.DataScopes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.ObjectMapper;

/**
 * The Imports page: upload a file, check and override the proposed column mapping on a preview, follow the import's
 * progress, read its report; below, the past imports with their quarantined rows as CSV.
 */
@Controller
@RequestMapping("/imports")
class ImportsPage {

    static final int PAGE_SIZE = 20;

    private final ImportHistory history;
    private final ImportJobs jobs;
    private final Uploads uploads;
    private final ObjectMapper json;
    private final Audit audit;
    private final DataScopes scopes;

    ImportsPage(
            ImportHistory history,
            ImportJobs jobs,
            Uploads uploads,
            ObjectMapper json,
            Audit audit,
            DataScopes scopes) {
        this.audit = audit;
        this.scopes = scopes;
        this.history = history;
        this.jobs = jobs;
        this.uploads = uploads;
        this.json = json;
    }

    @GetMapping
    String imports(@RequestParam(defaultValue = "0") int page, Model model) {
        int pages = (int) Math.max(1, (history.count() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.clamp(page, 0, pages - 1);
        model.addAttribute("imports", history.page(shown, PAGE_SIZE));
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        return "imports/index";
    }

    @PostMapping("/preview")
    String preview(
            @RequestParam("file") MultipartFile file,
            @RequestParam String source,
            @RequestParam(defaultValue = "UTC") String zone,
            Model model,
            HttpServletResponse response)
            throws IOException {
        String fileName =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "upload.csv"
                        : java.nio.file.Path.of(file.getOriginalFilename())
                                .getFileName()
                                .toString();
        String problem = problem(source, zone);
        if (problem == null && file.isEmpty() && fileName.equals("upload.csv")) {
            problem = "Choose a file to import.";
        }
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", problem);
            return imports(0, model);
        }
        UUID upload;
        try (InputStream content = file.getInputStream()) {
            upload = uploads.save(fileName, content);
        }
        model.addAttribute(
                "preview", ImportPreview.read(upload, uploads.file(upload).orElseThrow(), fileName, json));
        model.addAttribute("fields", ImportPreview.fields());
        model.addAttribute("source", source);
        model.addAttribute("zone", zone);
        return "imports/preview";
    }

    @PostMapping("/start")
    String start(
            @RequestParam UUID upload,
            @RequestParam String source,
            @RequestParam(defaultValue = "UTC") String zone,
            @RequestParam(name = "header", defaultValue = "") List<String> headers,
            @RequestParam(name = "target", defaultValue = "") List<String> targets,
            java.security.Principal user)
            throws IOException {
        var file = uploads.file(upload)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND,
                        "This upload was already imported or has expired; upload the file again."));
        String problem = problem(source, zone);
        Map<ImportField, String> explicit = new EnumMap<>(ImportField.class);
        for (int i = 0; i < Math.min(headers.size(), targets.size()) && problem == null; i++) {
            if (targets.get(i).isBlank()) {
                continue;
            }
            ImportField field = ImportField.byKey(targets.get(i)).orElse(null);
            if (field == null) {
                problem = "Unknown field '" + targets.get(i) + "'; choose one of " + ImportField.describe() + ".";
            } else if (explicit.containsKey(field)) {
                problem = "Both '" + explicit.get(field) + "' and '" + headers.get(i) + "' are mapped to " + field.key()
                        + "; keep one of them as an attribute.";
            } else {
                explicit.put(field, headers.get(i));
            }
        }
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
        }
        MappingFile.write(new MappingRules(explicit, false), uploads.mapping(upload));
        ImportRequest request = new ImportRequest(
                file, uploads.fileName(upload), source, uploads.mapping(upload), ZoneId.of(zone), user.getName());
        return "redirect:/imports/jobs/" + jobs.start(request, upload).id();
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", job(id));
        return "imports/job";
    }

    @GetMapping("/jobs/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", job(id));
        return "imports/job :: progress";
    }

    /**
     * The rejected rows of an import. They were never read into fields, so no business-unit rule can tell whose they
     * are: only a viewer who sees every signal may download them.
     */
    @GetMapping("/{id}/quarantine.csv")
    void quarantine(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        if (!scopes.current().everything()) {
            throw new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Rejected rows cannot be told apart by business unit, so only a viewer who sees every signal (an"
                            + " administrator, or a member of the company unit) may download them.");
        }
        ImportRecord record = history.find(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id + "."));
        audit.record("download", "quarantine:" + id, record.source() + ":" + record.fileName());
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"quarantine-" + record.source() + "-" + id + ".csv\"");
        Writer out = response.getWriter();
        try (CsvWriter csv =
                CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(out)) {
            csv.writeRecord("line", "field", "reason", "message", "raw");
            history.quarantine(
                    id,
                    row -> csv.writeRecord(
                            Long.toString(row.getLong(1)),
                            nullToEmpty(row.getString(2)),
                            row.getString(3),
                            nullToEmpty(row.getString(4)),
                            row.getString(5)));
        }
    }

    private ImportJob job(UUID id) {
        return jobs.find(id)
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No running import " + id + "; see the list of past imports."));
    }

    private static String problem(String source, String zone) {
        try {
            ZoneId.of(zone);
            new ImportRequest(java.nio.file.Path.of("check"), "check", source, null, null, null);
            return null;
        } catch (DateTimeException e) {
            return "Unknown time zone '" + zone + "'; use a name such as UTC or Europe/London.";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A form post that is not a file upload, e.g. a script sending JSON here instead of to the API. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView notAnUpload() {
        ModelAndView page = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        page.addObject("status", HttpStatus.BAD_REQUEST.value());
        page.addObject("error", "Not a file upload");
        page.addObject(
                "message",
                "Send the file as a multipart/form-data upload, as the Imports page does; programs can post JSON or"
                        + " JSON Lines to /api/v1/signals.");
        page.addObject("back", "/imports");
        return page;
    }
}
