package io.earshot.signal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

/** The verbatims page: the signals behind a number, filtered, newest first, 25 to a page. */
@Controller
class VerbatimsController {

    private final Verbatims verbatims;

    VerbatimsController(Verbatims verbatims) {
        this.verbatims = verbatims;
    }

    @GetMapping("/verbatims")
    String verbatims(@RequestParam Map<String, String> parameters, Model model) {
        model.addAttribute("fieldNames", fieldNames());
        model.addAttribute(
                "bands",
                Arrays.stream(SignalFilter.Band.values())
                        .map(band -> band.name().toLowerCase(Locale.ROOT))
                        .toList());
        model.addAttribute(
                "scores",
                Arrays.stream(VerbatimScore.values()).map(VerbatimScore::key).toList());
        if (verbatims.storeIsEmpty()) {
            model.addAttribute("empty", true);
            return "signal/verbatims";
        }
        VerbatimQuery query = VerbatimLinks.query(parameters);
        VerbatimPage page = verbatims.page(query);
        model.addAttribute("empty", false);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("chips", chips(query));
        model.addAttribute("pocDefinition", verbatims.pocDefinition());
        model.addAttribute(
                "previousHref", page.hasPrevious() ? VerbatimLinks.href(query.atPage(page.page() - 1)) : null);
        model.addAttribute("nextHref", page.hasNext() ? VerbatimLinks.href(query.atPage(page.page() + 1)) : null);
        return "signal/verbatims";
    }

    /** One removable filter: the field, its value and the link to the same list without it. */
    record Chip(String field, String value, String removeHref) {}

    private static List<Chip> chips(VerbatimQuery query) {
        List<Chip> chips = new ArrayList<>();
        SignalFilter filter = query.filter();
        filter.fields().forEach((name, value) -> {
            Map<String, String> others = new LinkedHashMap<>(filter.fields());
            others.remove(name);
            SignalFilter without = new SignalFilter(others, filter.from(), filter.to(), filter.band(), filter.text());
            chips.add(new Chip(name, value, VerbatimLinks.href(without, query.score())));
        });
        return chips;
    }

    private static List<String> fieldNames() {
        return Arrays.stream(SignalField.values()).map(SignalField::key).toList();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        ModelAndView error = new ModelAndView("error", HttpStatus.BAD_REQUEST);
        error.addObject("status", 400);
        error.addObject("error", "This list cannot be shown");
        error.addObject("message", e.getMessage());
        error.addObject("back", "/verbatims");
        return error;
    }
}
