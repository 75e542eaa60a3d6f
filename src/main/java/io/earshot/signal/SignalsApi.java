package io.earshot.signal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/signals?source=NAME}: imports a JSON array of objects ({@code application/json}) or JSON Lines
 * ({@code application/x-ndjson}) streamed from the request body, and answers with the import's report. Invalid rows are
 * rejected in the report like those of a file; a body that is not JSON is refused with 400 and its line and column.
 */
@RestController
@RequestMapping("/api/v1/signals")
class SignalsApi {

    static final String NDJSON = "application/x-ndjson";

    private final SignalImports imports;

    SignalsApi(SignalImports imports) {
        this.imports = imports;
    }

    @PostMapping(
            consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON, "application/jsonl"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> ingest(
            @RequestParam String source, @RequestHeader("Content-Type") String contentType, HttpServletRequest request)
            throws IOException {
        String client = request.getRemoteUser() != null ? request.getRemoteUser() : "api " + request.getRemoteAddr();
        ImportRequest importRequest =
                new ImportRequest(Path.of("api-request"), "api request", source, null, ZoneOffset.UTC, client);
        boolean jsonLines = !contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON_VALUE);
        return body(imports.importBody(importRequest, request.getInputStream(), jsonLines));
    }

    static Map<String, Object> body(ImportReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", report.importId());
        body.put("source", report.source());
        body.put("accepted", report.accepted());
        body.put("duplicates", report.duplicates());
        body.put("rejected", report.rejected());
        body.put("reasons", report.reasons());
        body.put("redacted", report.redacted());
        body.put("summary", report.summary());
        if (report.rejected() > 0) {
            body.put("quarantine", "/imports/" + report.importId() + "/quarantine.csv");
        }
        return body;
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<Map<String, Object>> malformed(ImportException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", e.getMessage());
        if (e.line() > 0) {
            error.put("line", e.line());
            error.put("column", e.column());
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .body(error);
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", e.getMessage()));
    }
}
