package io.earshot.metric;

import io.earshot.signal.SignalField;
import io.earshot.signal.VerbatimLinks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The breakdown: every slice of a field in one period, with n, NPS and its interval, CSAT, CES, POC and the change
 * from the previous period with its p-value. Every cell links to the verbatims behind it.
 */
@Controller
class BreakdownController {

    private final Metrics metrics;

    BreakdownController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/breakdown")
    String breakdown(@RequestParam Map<String, String> parameters, Model model) {
        String by = Optional.ofNullable(parameters.get("by"))
                .filter(text -> !text.isBlank())
                .orElse(SignalField.REGION.key());
        Period period = Optional.ofNullable(QueryParameters.period(parameters.get("period")))
                .orElse(Period.MONTH);
        MetricQuery query = new MetricQuery(
                by,
                period,
                QueryParameters.filter(
                        VerbatimLinks.fields(parameters),
                        QueryParameters.date("from", parameters.get("from")),
                        QueryParameters.date("to", parameters.get("to"))));
        LocalDate at = QueryParameters.date("at", parameters.get("at"));
        model.addAttribute("by", query.by());
        model.addAttribute("period", period);
        model.addAttribute("periods", Period.values());
        model.addAttribute("fields", fields());
        model.addAttribute("filters", query.filter().fields());
        if (metrics.storeIsEmpty()) {
            model.addAttribute("empty", true);
            return "metric/breakdown";
        }
        List<SliceMetrics> rows = metrics.compute(query);
        model.addAttribute("empty", false);
        model.addAttribute("pocDefinition", metrics.poc().describe());
        if (rows.isEmpty()) {
            model.addAttribute("rows", List.of());
            model.addAttribute("shownPeriods", List.of());
            return "metric/breakdown";
        }
        LocalDate shown = at == null ? Pages.shownPeriod(rows, metrics.latestComplete(period)) : period.start(at);
        model.addAttribute("at", shown);
        model.addAttribute("atLabel", period.label(shown));
        model.addAttribute("previousLabel", period.label(period.previous(shown)));
        model.addAttribute("shownPeriods", shownPeriods(rows, period));
        model.addAttribute(
                "rows",
                rows.stream()
                        .filter(row -> shown.equals(row.period()))
                        .map(row -> BreakdownRow.of(row, query))
                        .toList());
        return "metric/breakdown";
    }

    /** A period that has signals, for the period picker. */
    record ShownPeriod(String start, String label) {}

    private static List<ShownPeriod> shownPeriods(List<SliceMetrics> rows, Period period) {
        return rows.stream()
                .map(SliceMetrics::period)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(Comparator.reverseOrder())
                .map(start -> new ShownPeriod(start.toString(), period.label(start)))
                .toList();
    }

    private List<String> fields() {
        List<String> fields = new ArrayList<>(
                Arrays.stream(SignalField.values()).map(SignalField::key).toList());
        fields.addAll(metrics.attributeFields());
        return fields;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return Pages.badRequest(e, "/breakdown");
    }
}
