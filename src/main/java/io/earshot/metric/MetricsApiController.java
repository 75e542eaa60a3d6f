package io.earshot.metric;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/metrics?by=FIELD&period=month&filter=field:value&from=DATE&to=DATE}: the rows of
 * {@code earshot metrics} as JSON, with the POC definition in force; 400 with a JSON error for a bad parameter.
 */
@RestController
class MetricsApiController {

    private final Metrics metrics;

    MetricsApiController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/api/v1/metrics")
    Map<String, Object> metrics(
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) List<String> filter,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        MetricQuery query = QueryParameters.query(by, period, QueryParameters.pairs(filter, ':'), from, to);
        return MetricReport.of(query, metrics.compute(query), metrics.poc().describe());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("status", HttpStatus.BAD_REQUEST.value(), "error", e.getMessage()));
    }
}
