package io.earshot.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/drivers?metric=nps&from=DAY&to=DAY&f.FIELD=value}: the Drivers page's figures in the caller's
 * data scope — every theme with its impact and interval, every key driver with effect, interval, p and q, and the
 * regression's coefficients; 400 with what is wrong for a bad parameter.
 */
@RestController
class DriversApiController {

    private final ThemeImpacts impacts;
    private final KeyDrivers keyDrivers;
    private final ThemeFigures figures;

    DriversApiController(ThemeImpacts impacts, KeyDrivers keyDrivers, ThemeFigures figures) {
        this.impacts = impacts;
        this.keyDrivers = keyDrivers;
        this.figures = figures;
    }

    @GetMapping("/api/v1/drivers")
    Map<String, Object> drivers(@RequestParam Map<String, String> parameters) {
        DriverSelection selection = DriverSelection.of(parameters);
        ThemeImpacts.Report report = impacts.of(selection.filter(), selection.nps());
        KeyDrivers.Analysis analysis = keyDrivers.analyse(selection.nps(), selection.filter(), figures.activeThemes());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metric", selection.metric());
        body.put("from", selection.filter().from());
        body.put("to", selection.filter().to());
        body.put("filters", selection.filter().fields());
        body.put("signals", report.volume());
        body.put("responses", analysis.n());
        body.put("score", number(analysis.mean()));
        body.put("themes_exist", report.themesExist());
        body.put("unthemed", report.unthemed());
        body.put(
                "themes",
                report.rows().stream().map(row -> theme(selection, row)).toList());
        body.put(
                "drivers",
                analysis.drivers().stream().map(d -> driver(selection, d)).toList());
        Map<String, Object> regression = new LinkedHashMap<>();
        regression.put("intercept", number(analysis.intercept()));
        regression.put("references", analysis.references());
        regression.put("df", analysis.df());
        regression.put(
                "terms", analysis.terms().stream().map(t -> term(selection, t)).toList());
        regression.put("aliased", analysis.aliased());
        body.put("regression", regression);
        return body;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest()
                .body(Map.of("status", HttpStatus.BAD_REQUEST.value(), "error", e.getMessage()));
    }

    private static Map<String, Object> theme(DriverSelection selection, ThemeImpacts.Row row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.theme().id());
        json.put("label", row.theme().label());
        json.put("volume", row.volume());
        json.put("share", row.share());
        Map<String, Object> nps = new LinkedHashMap<>();
        nps.put("n", row.nps().n());
        nps.put("value", row.nps().value());
        nps.put("ci_low", row.nps().ciLow());
        nps.put("ci_high", row.nps().ciHigh());
        nps.put("small_sample", row.nps().smallSample());
        json.put("nps", nps);
        Map<String, Object> csat = new LinkedHashMap<>();
        csat.put("n", row.csat().n());
        csat.put("value", row.csat().percent());
        csat.put("small_sample", row.csat().smallSample());
        json.put("csat", csat);
        json.put("nps_impact", impact(row.npsImpact()));
        json.put("csat_impact", impact(row.csatImpact()));
        json.put("verbatims", ThemeLinks.href(row.theme().id(), selection.filter()));
        return json;
    }

    private static Map<String, Object> impact(Impact impact) {
        if (impact == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("value", impact.value());
        json.put("se", impact.standardError());
        json.put("ci_low", impact.ciLow());
        json.put("ci_high", impact.ciHigh());
        json.put("significant", impact.significant());
        return json;
    }

    private static Map<String, Object> driver(DriverSelection selection, KeyDrivers.Driver driver) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", driver.field());
        json.put("value", driver.value());
        json.put("label", driver.label());
        json.put("n", driver.n());
        json.put("share", driver.share());
        json.put("mean_with", driver.meanWith());
        json.put("mean_without", driver.meanWithout());
        json.put("effect", driver.test().effect());
        json.put("se", number(driver.test().standardError()));
        json.put("ci_low", number(driver.test().effect() - driver.test().margin()));
        json.put("ci_high", number(driver.test().effect() + driver.test().margin()));
        json.put("p", driver.test().pValue());
        json.put("q", driver.qValue());
        json.put("impact", driver.impact());
        json.put("small_sample", driver.smallSample());
        json.put("verbatims", selection.href(driver.field(), driver.value()));
        return json;
    }

    private static Map<String, Object> term(DriverSelection selection, KeyDrivers.Term term) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", term.field());
        json.put("value", term.value());
        json.put("label", term.label());
        json.put("n", term.n());
        json.put("coefficient", term.coefficient());
        json.put("se", number(term.standardError()));
        json.put("p", number(term.pValue()));
        json.put("small_sample", term.smallSample());
        json.put("verbatims", selection.href(term.field(), term.value()));
        return json;
    }

    /** A figure, or {@code null} where it cannot be computed (JSON has no NaN). */
    private static Double number(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
