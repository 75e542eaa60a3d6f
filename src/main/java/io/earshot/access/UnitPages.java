package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's page for the business-unit tree: the units, indented, each with its rules, which signals it holds
 * in words and how many it covers now; adding a unit under a parent; adding and removing rules.
 */
@Controller
@RequestMapping("/admin/units")
class UnitPages {

    private final Units units;
    private final JdbcTemplate jdbc;

    UnitPages(Units units, JdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /**
     * A unit as the page shows it.
     *
     * @param holds which signals the unit holds, in words
     * @param signals how many stored signals its data scope covers now
     */
    record Row(BusinessUnit unit, String holds, long signals) {}

    /** What was typed into a form that failed, shown again beside the form with the service's message. */
    record Failed(
            String form,
            String unitId,
            String id,
            String name,
            String parent,
            String field,
            String value,
            String message) {}

    @GetMapping
    String page(Model model) {
        return page(model, null);
    }

    @PostMapping
    String create(
            @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) String parent,
            Model model,
            RedirectAttributes redirect) {
        try {
            BusinessUnit unit = units.create(id.strip(), name, parent);
            redirect.addFlashAttribute("notice", "Added the unit " + unit.name() + " (" + unit.id() + ").");
            return "redirect:/admin/units#unit-" + unit.id();
        } catch (IllegalArgumentException e) {
            return page(model, new Failed("unit", null, id, name, parent, null, null, e.getMessage()));
        }
    }

    @PostMapping("/{unitId}/rules")
    String addRule(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String field,
            @RequestParam(defaultValue = "") String value,
            Model model,
            RedirectAttributes redirect) {
        return changeRule(unitId, field, value, true, model, redirect);
    }

    @PostMapping("/{unitId}/rules/remove")
    String removeRule(
            @PathVariable String unitId,
            @RequestParam(defaultValue = "") String field,
            @RequestParam(defaultValue = "") String value,
            Model model,
            RedirectAttributes redirect) {
        return changeRule(unitId, field, value, false, model, redirect);
    }

    private String changeRule(
            String unitId, String field, String value, boolean add, Model model, RedirectAttributes redirect) {
        try {
            UnitRule rule = new UnitRule(field, value);
            if (add) {
                units.addRule(unitId, rule);
            } else {
                units.removeRule(unitId, rule);
            }
            redirect.addFlashAttribute(
                    "notice",
                    "The unit " + unitId + (add ? " now also holds" : " no longer holds") + " signals with "
                            + words(rule) + ".");
            return "redirect:/admin/units#unit-" + unitId;
        } catch (IllegalArgumentException e) {
            return page(model, new Failed("rule", unitId, null, null, null, field, value, e.getMessage()));
        }
    }

    private String page(Model model, Failed failed) {
        List<BusinessUnit> tree = units.all();
        List<Row> rows = new ArrayList<>();
        for (BusinessUnit unit : tree) {
            DataScope scope = units.scopeOfUnit(unit.id());
            rows.add(new Row(unit, holds(unit, scope), signals(scope)));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("unitChoices", AdminForms.unitChoices(tree));
        model.addAttribute("fields", UnitRule.FIELDS);
        model.addAttribute("failed", failed);
        return "access/admin/units";
    }

    private static String holds(BusinessUnit unit, DataScope scope) {
        if (unit.isCompany()) {
            return "every signal: it is the company";
        }
        if (!scope.everything() && scope.matches().isEmpty()) {
            return "no signals yet: add a rule to it or to a unit below it";
        }
        return scope.describe();
    }

    private long signals(DataScope scope) {
        List<Object> parameters = new ArrayList<>();
        String condition = scope.sql(parameters);
        Long count =
                jdbc.queryForObject("SELECT count(*) FROM signal WHERE " + condition, Long.class, parameters.toArray());
        return count == null ? 0 : count;
    }

    private static String words(UnitRule rule) {
        return rule.field() + " = " + rule.value();
    }
}
