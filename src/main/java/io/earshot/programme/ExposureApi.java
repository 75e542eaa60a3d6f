package io.earshot.programme;

import io.earshot.access.Viewer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/exposure}: each leader's customer exposure in the rolling window against the target. Those who
 * run programmes and API tokens get every leader (filtered by {@code cohort}, {@code unit}, {@code overdue}); anyone
 * else gets only themselves.
 */
@RestController
class ExposureApi {

    private final ExposureBoard board;
    private final ProgrammeAccess access;

    ExposureApi(ExposureBoard board, ProgrammeAccess access) {
        this.board = board;
        this.access = access;
    }

    @GetMapping("/api/v1/exposure")
    Map<String, Object> exposure(
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "false") boolean overdue) {
        Viewer viewer = access.viewer();
        List<ExposureBoard.Line> lines = board.lines(new ExposureBoard.Filter(cohort, unit, overdue));
        if (!viewer.isToken() && !access.runs()) {
            lines = lines.stream()
                    .filter(line -> line.user().id().equals(viewer.id()))
                    .toList();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put(
                "target",
                Map.of("text", board.target().text(), "label", board.target().label()));
        answer.put("leaders", lines.stream().map(ExposureApi::line).toList());
        return answer;
    }

    private static Map<String, Object> line(ExposureBoard.Line line) {
        Exposure exposure = line.exposure();
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("userId", line.user().id());
        value.put("name", line.user().name());
        value.put("units", line.units());
        value.put("cohorts", line.cohorts());
        value.put("asOf", exposure.asOf());
        value.put("windowStart", exposure.windowStart());
        value.put("hours", hours(exposure.total()));
        Map<String, Object> byKind = new LinkedHashMap<>();
        exposure.byKind().forEach((kind, time) -> byKind.put(kind.name().toLowerCase(Locale.ROOT), hours(time)));
        value.put("hoursByKind", byKind);
        value.put("targetMet", exposure.targetMet());
        value.put("shortfallHours", hours(exposure.shortfall()));
        value.put("status", exposure.status().name().toLowerCase(Locale.ROOT));
        value.put("dueBy", exposure.dueBy().orElse(null));
        value.put("lastEncounter", exposure.lastEncounter().map(Encounter::end).orElse(null));
        return value;
    }

    private static double hours(Duration time) {
        return Math.round(time.toSeconds() / 36.0) / 100.0;
    }
}
