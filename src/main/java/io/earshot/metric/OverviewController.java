package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import io.earshot.signal.VerbatimLinks;
import io.earshot.signal.VerbatimScore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/**
 * The overview: NPS, CSAT, CES and POC of the latest complete period against the one before, with significance, and
 * the NPS trend with its confidence band. Every figure and chart point links to the verbatims behind it.
 */
@Controller
class OverviewController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Metrics metrics;

    OverviewController(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String period, Model model) {
        Period bucket = Optional.ofNullable(QueryParameters.period(period)).orElse(Period.MONTH);
        model.addAttribute("period", bucket);
        model.addAttribute("periods", Period.values());
        if (metrics.storeIsEmpty()) {
            model.addAttribute("empty", true);
            return "metric/overview";
        }
        MetricQuery query = new MetricQuery(null, bucket, SignalFilter.ALL);
        List<SliceMetrics> rows = metrics.compute(query);
        LocalDate latestComplete = metrics.latestComplete(bucket);
        LocalDate shown = Pages.shownPeriod(rows, latestComplete);
        SliceMetrics current = rows.stream()
                .filter(row -> row.period().equals(shown))
                .findFirst()
                .orElseThrow();
        SliceMetrics previous = rows.stream()
                .filter(row -> row.period().equals(bucket.previous(current.period())))
                .findFirst()
                .orElse(null);
        SignalFilter behind = query.filterOf(current);
        model.addAttribute("empty", false);
        model.addAttribute("current", current);
        model.addAttribute("currentLabel", bucket.label(current.period()));
        model.addAttribute("complete", !shown.isAfter(latestComplete));
        model.addAttribute("previousLabel", bucket.label(bucket.previous(shown)));
        model.addAttribute("previous", previous);
        model.addAttribute("tiles", tiles(current, behind));
        model.addAttribute("trend", trend(rows, query));
        model.addAttribute("trendJson", trendJson(rows, query));
        model.addAttribute("pocDefinition", metrics.poc().describe());
        return "metric/overview";
    }

    private List<Tile> tiles(SliceMetrics row, SignalFilter behind) {
        Nps nps = row.nps();
        return List.of(
                new Tile(
                        "NPS",
                        Figures.oneDecimal(nps.value()),
                        nps.n() == 0
                                ? "no NPS responses"
                                : "95% CI " + Figures.oneDecimal(nps.ciLow()) + " to "
                                        + Figures.oneDecimal(nps.ciHigh()) + " · n = " + nps.n(),
                        row.npsChange(),
                        Figures.signed(row.npsChange(), 1),
                        Figures.direction(row.npsChange(), true),
                        VerbatimLinks.href(behind, VerbatimScore.NPS),
                        nps.smallSample(),
                        null),
                new Tile(
                        "CSAT",
                        Figures.percent(row.csat().percent()),
                        "responses 4–5 of 1–5 · n = " + row.csat().n(),
                        row.csatChange(),
                        Figures.signed(row.csatChange(), 1),
                        Figures.direction(row.csatChange(), true),
                        VerbatimLinks.href(behind, VerbatimScore.CSAT),
                        row.csat().smallSample(),
                        null),
                new Tile(
                        "CES",
                        Figures.twoDecimals(row.ces().mean()),
                        "mean of 1–7 · n = " + row.ces().n(),
                        row.cesChange(),
                        Figures.signed(row.cesChange(), 2),
                        Figures.direction(row.cesChange(), true),
                        VerbatimLinks.href(behind, VerbatimScore.CES),
                        row.ces().smallSample(),
                        null),
                new Tile(
                        "POC",
                        String.valueOf(row.poc().count()),
                        Figures.percent(row.poc().rate()) + " of " + row.volume() + " signals",
                        row.pocChange(),
                        Figures.signed(row.pocChange(), 1) + (row.pocChange() == null ? "" : " pts"),
                        Figures.direction(row.pocChange(), false),
                        VerbatimLinks.href(behind.withBand(SignalFilter.Band.POC), null),
                        false,
                        "POC: " + metrics.poc().describe()));
    }

    /** One point of the NPS trend: the period, its NPS and interval, n, and the verbatims behind it. */
    record Point(String label, Double nps, Double ciLow, Double ciHigh, long n, boolean smallSample, String href) {}

    private static List<Point> trend(List<SliceMetrics> rows, MetricQuery query) {
        List<Point> points = new ArrayList<>();
        for (SliceMetrics row : rows) {
            points.add(new Point(
                    query.period().label(row.period()),
                    Figures.round(row.nps().value()),
                    Figures.round(row.nps().ciLow()),
                    Figures.round(row.nps().ciHigh()),
                    row.nps().n(),
                    row.smallSample(),
                    VerbatimLinks.href(query.filterOf(row), VerbatimScore.NPS)));
        }
        return points;
    }

    /** The trend for the chart script, with {@code </} escaped so it cannot close the script element. */
    private static String trendJson(List<SliceMetrics> rows, MetricQuery query) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (Point point : trend(rows, query)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("label", point.label());
            json.put("nps", point.nps());
            json.put("low", point.ciLow());
            json.put("high", point.ciHigh());
            json.put("n", point.n());
            json.put("small", point.smallSample());
            json.put("href", point.href());
            points.add(json);
        }
        return JSON.writeValueAsString(points).replace("</", "<\\/");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return Pages.badRequest(e, "/");
    }
}
