package io.earshot.metric;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** What the metric pages share: which period they show, and how they answer a bad parameter. */
final class Pages {

    private Pages() {}

    /**
     * The period a page shows by default: the latest complete period that has signals; when every signal is in the
     * current period, that one (marked incomplete on the page).
     */
    static LocalDate shownPeriod(List<SliceMetrics> rows, LocalDate latestComplete) {
        List<LocalDate> periods = rows.stream()
                .map(SliceMetrics::period)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        return periods.stream()
                .filter(start -> !start.isAfter(latestComplete))
                .reduce((a, b) -> b)
                .orElse(periods.getLast());
    }

    /** The shared error page with status 400 and the message that says what would be accepted. */
    static ModelAndView badRequest(IllegalArgumentException e, String back) {
        ModelAndView error = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        error.addObject("status", 400);
        error.addObject("error", "This page cannot be shown with these settings");
        error.addObject("message", e.getMessage());
        error.addObject("back", back);
        return error;
    }
}
