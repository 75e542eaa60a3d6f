package io.earshot.programme;

import io.earshot.access.Viewer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customer exposure pages: {@code /closeness} is the signed-in person's own ("my closeness": hours with customers in
 * the rolling window against the target, by kind, the trend, and what is coming); {@code /closeness/team} is the
 * programme managers' view of every leader, overdue first, by cohort and unit.
 */
@Controller
class ClosenessPages {

    /** Weekly points of the trend, half a year back. */
    static final int TREND_WEEKS = 26;

    private final ExposureBoard board;
    private final CustomerSessions sessions;
    private final ProgrammeAccess access;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    ClosenessPages(ExposureBoard board, CustomerSessions sessions, ProgrammeAccess access, Clock clock) {
        this.board = board;
        this.sessions = sessions;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/closeness")
    String mine(Model model) {
        Viewer viewer = access.viewer();
        Exposure exposure = board.of(viewer.id());
        Instant now = clock.instant();
        model.addAttribute("exposure", exposure);
        model.addAttribute("target", board.target());
        model.addAttribute("trendJson", trendJson(exposure, clock.getZone()));
        model.addAttribute(
                "upcoming",
                sessions.ofPerson(viewer.id()).stream()
                        .filter(session -> !session.isPast(now) && !session.cancelled())
                        .toList());
        model.addAttribute("zone", clock.getZone());
        model.addAttribute("runs", access.runs());
        return "programme/closeness";
    }

    @GetMapping("/closeness/team")
    String team(
            @RequestParam(defaultValue = "") String cohort,
            @RequestParam(defaultValue = "") String unit,
            @RequestParam(defaultValue = "false") boolean overdue,
            Model model) {
        List<ExposureBoard.Line> lines = board.lines(
                new ExposureBoard.Filter(cohort.isBlank() ? null : cohort, unit.isBlank() ? null : unit, overdue));
        model.addAttribute("lines", lines);
        model.addAttribute(
                "overdueCount",
                lines.stream().filter(line -> line.exposure().overdue()).count());
        model.addAttribute("target", board.target());
        model.addAttribute("cohorts", board.cohortNames());
        model.addAttribute("units", board.unitNames());
        model.addAttribute("cohort", cohort);
        model.addAttribute("unit", unit);
        model.addAttribute("overdue", overdue);
        model.addAttribute("zone", clock.getZone());
        return "programme/team";
    }

    private String trendJson(Exposure exposure, ZoneId zone) {
        return json.writeValueAsString(exposure.series(Duration.ofDays(7), TREND_WEEKS).stream()
                .map(point -> {
                    Map<String, Object> value = new LinkedHashMap<>();
                    value.put("label", point.end().atZone(zone).toLocalDate().toString());
                    value.put("hours", Double.valueOf(String.format(Locale.ROOT, "%.2f", point.hours())));
                    return value;
                })
                .toList());
    }
}
