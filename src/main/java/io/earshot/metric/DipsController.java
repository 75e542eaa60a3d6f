package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import io.earshot.signal.VerbatimLinks;
import io.earshot.signal.VerbatimScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The Dips page and {@code GET /api/v1/dips?metric=nps&months=12&f.FIELD=VALUE}: significant drops of NPS or CSAT in
 * the last months, each with the slices that explain it and links to the verbatims behind them.
 */
@Controller
class DipsController {

    static final int DEFAULT_MONTHS = 12;

    private final Dips dips;
    private final Metrics metrics;

    DipsController(Dips dips, Metrics metrics) {
        this.dips = dips;
        this.metrics = metrics;
    }

    @GetMapping("/dips")
    String page(@RequestParam Map<String, String> parameters, Model model) {
        Dips.Measure measure = Dips.Measure.parse(parameters.getOrDefault("metric", "nps"));
        int months = months(parameters.get("months"));
        SignalFilter filter = QueryParameters.filter(VerbatimLinks.fields(parameters), null, null);
        model.addAttribute("metric", measure.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("months", months);
        model.addAttribute("fdr", Dips.FDR);
        model.addAttribute("filters", filter.fields());
        if (metrics.storeIsEmpty()) {
            model.addAttribute("empty", true);
            return "metric/dips";
        }
        model.addAttribute("empty", false);
        model.addAttribute(
                "dips",
                dips.find(measure, months, filter).stream()
                        .map(dip -> new Shown(
                                dip,
                                href(filter, dip, null, null),
                                driverHrefs(filter, dip),
                                dips.explanations(dip, filter)))
                        .toList());
        return "metric/dips";
    }

    @GetMapping("/api/v1/dips")
    @ResponseBody
    Map<String, Object> api(@RequestParam Map<String, String> parameters) {
        Dips.Measure measure = Dips.Measure.parse(parameters.getOrDefault("metric", "nps"));
        int months = months(parameters.get("months"));
        SignalFilter filter = QueryParameters.filter(VerbatimLinks.fields(parameters), null, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", measure.name().toLowerCase(java.util.Locale.ROOT));
        body.put("months", months);
        body.put("fdr", Dips.FDR);
        body.put("filters", filter.fields());
        body.put(
                "dips",
                dips.find(measure, months, filter).stream()
                        .map(dip -> json(filter, dip, dips.explanations(dip, filter)))
                        .toList());
        return body;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("status", HttpStatus.BAD_REQUEST.value(), "error", e.getMessage()));
    }

    /**
     * A dip on the page, with the links to the verbatims behind it and behind each driver, and the groups other modules
     * explain it by (themes).
     */
    record Shown(Dip dip, String href, List<String> driverHrefs, List<DipExplanation> explanations) {}

    private static int months(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MONTHS;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("months must be a whole number from 1 to 36, not '" + text + "'");
        }
    }

    private static List<String> driverHrefs(SignalFilter filter, Dip dip) {
        return dip.drivers().stream()
                .map(driver -> href(filter, dip, driver.field(), driver.value()))
                .toList();
    }

    /** The dip month's verbatims of the slice (and of one driver inside it), detractors and unsatisfied first. */
    private static String href(SignalFilter filter, Dip dip, String field, String value) {
        SignalFilter behind = filter.between(dip.period(), Period.MONTH.next(dip.period()));
        if (dip.field() != null) {
            behind = behind.with(dip.field(), dip.slice() == null ? "" : dip.slice());
        }
        if (field != null) {
            behind = behind.with(field, value == null ? "" : value);
        }
        return VerbatimLinks.href(behind, dip.metric().equals("nps") ? VerbatimScore.NPS : VerbatimScore.CSAT);
    }

    private static Map<String, Object> json(SignalFilter filter, Dip dip, List<DipExplanation> explanations) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("title", dip.title());
        row.put("field", dip.field());
        row.put("slice", dip.slice());
        row.put("period", Period.MONTH.label(dip.period()));
        row.put("before", round(dip.before()));
        row.put("after", round(dip.after()));
        row.put("change", round(dip.change().delta()));
        row.put("p", dip.change().pValue());
        row.put("q", dip.qValue());
        row.put("n_before", dip.nBefore());
        row.put("n_after", dip.nAfter());
        row.put("verbatims", href(filter, dip, null, null));
        row.put(
                "drivers",
                dip.drivers().stream()
                        .map(driver -> {
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("field", driver.field());
                            d.put("value", driver.value());
                            d.put("before", driver.before() == null ? null : round(driver.before()));
                            d.put("after", driver.after() == null ? null : round(driver.after()));
                            d.put("n_before", driver.nBefore());
                            d.put("n_after", driver.nAfter());
                            d.put("mix", round(driver.mix()));
                            d.put("rate", round(driver.rate()));
                            d.put("total", round(driver.total()));
                            d.put("excess", round(driver.excess()));
                            d.put("verbatims", href(filter, dip, driver.field(), driver.value()));
                            return d;
                        })
                        .toList());
        row.put(
                "explanations",
                explanations.stream()
                        .map(explained -> {
                            DipDriver driver = explained.driver();
                            Map<String, Object> d = new LinkedHashMap<>();
                            d.put("by", driver.field());
                            d.put("id", driver.value());
                            d.put("label", explained.label());
                            d.put("before", driver.before() == null ? null : round(driver.before()));
                            d.put("after", driver.after() == null ? null : round(driver.after()));
                            d.put("n_before", driver.nBefore());
                            d.put("n_after", driver.nAfter());
                            d.put("mix", round(driver.mix()));
                            d.put("rate", round(driver.rate()));
                            d.put("total", round(driver.total()));
                            d.put("excess", round(driver.excess()));
                            d.put("verbatims", explained.href());
                            return d;
                        })
                        .toList());
        return row;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
