package io.earshot.text;

import io.earshot.metric.Metrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Drivers page, {@code /drivers?metric=nps&from=&to=&f.FIELD=value}: each theme's volume, share, score with its
 * interval and impact on the overall score; the key drivers one at a time (effect, interval, p and q); and all drivers
 * together by regression. Every row links to the verbatims behind it.
 */
@Controller
class DriversController {

    /** Rows of each table shown on the page; the API gives all. */
    static final int SHOWN = 25;

    private final ThemeImpacts impacts;
    private final KeyDrivers keyDrivers;
    private final ThemeFigures figures;
    private final Metrics metrics;

    DriversController(ThemeImpacts impacts, KeyDrivers keyDrivers, ThemeFigures figures, Metrics metrics) {
        this.impacts = impacts;
        this.keyDrivers = keyDrivers;
        this.figures = figures;
        this.metrics = metrics;
    }

    /** A theme's row with the link to its verbatims and the impact on the measure shown. */
    record ThemeLine(ThemeImpacts.Row row, String href, Impact impact) {}

    /** A driver or regression term with the link to its verbatims. */
    record Linked<T>(T item, String href) {}

    @GetMapping("/drivers")
    String page(@RequestParam Map<String, String> parameters, Model model) {
        DriverSelection selection = DriverSelection.of(parameters);
        model.addAttribute("metric", selection.metric());
        model.addAttribute("label", selection.metric().toUpperCase(Locale.ROOT));
        model.addAttribute("from", selection.filter().from());
        model.addAttribute("to", selection.filter().to());
        model.addAttribute("filters", selection.filter().fields());
        model.addAttribute("shown", SHOWN);
        if (metrics.storeIsEmpty()) {
            model.addAttribute("empty", true);
            return "text/drivers";
        }
        model.addAttribute("empty", false);
        ThemeImpacts.Report report = impacts.of(selection.filter(), selection.nps());
        KeyDrivers.Analysis analysis = keyDrivers.analyse(selection.nps(), selection.filter(), figures.activeThemes());
        model.addAttribute("report", report);
        model.addAttribute("analysis", analysis);
        model.addAttribute(
                "themes",
                report.rows().stream()
                        .limit(SHOWN)
                        .map(row -> new ThemeLine(
                                row,
                                ThemeLinks.href(row.theme().id(), selection.filter()),
                                selection.nps() ? row.npsImpact() : row.csatImpact()))
                        .toList());
        model.addAttribute(
                "drivers",
                analysis.drivers().stream()
                        .limit(SHOWN)
                        .map(driver -> new Linked<>(driver, selection.href(driver.field(), driver.value())))
                        .toList());
        List<Linked<KeyDrivers.Term>> terms = analysis.terms().stream()
                .sorted(java.util.Comparator.comparingDouble((KeyDrivers.Term term) -> term.pValue()))
                .limit(SHOWN)
                .map(term -> new Linked<>(term, selection.href(term.field(), term.value())))
                .toList();
        model.addAttribute("terms", terms);
        return "text/drivers";
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        ModelAndView error = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        error.addObject("status", 400);
        error.addObject("error", "This page cannot be shown with these settings");
        error.addObject("message", e.getMessage());
        error.addObject("back", "/drivers");
        return error;
    }
}
