package io.earshot.text;

import io.earshot.metric.DipDriver;
import io.earshot.metric.DipExplainer;
import io.earshot.metric.DipExplanation;
import io.earshot.metric.Dips;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Explains a dip by the themes of the texts: the dipped slice's responses of the two months split by active theme
 * (signals in none form one group more, so the groups partition the responses and their contributions add up to the
 * change), each group's mix and rate from {@link DipDriver#shiftShare}. The group without a theme is computed for the
 * sum but not offered as an explanation.
 */
@Component
class ThemeDipExplainer implements DipExplainer {

    private final ThemeFigures figures;

    ThemeDipExplainer(ThemeFigures figures) {
        this.figures = figures;
    }

    @Override
    public List<DipExplanation> explain(Dips.Measure measure, SignalFilter inside, LocalDate before, LocalDate after) {
        return contributions(measure, inside, before, after).stream()
                .filter(explanation -> explanation.driver().value() != null)
                .toList();
    }

    /** Every group's contribution, the group of signals in no theme included (value {@code null}). */
    List<DipExplanation> contributions(Dips.Measure measure, SignalFilter inside, LocalDate before, LocalDate after) {
        Map<Integer, ThemeFigures.Label> themes = figures.activeThemes();
        if (themes.isEmpty()) {
            return List.of();
        }
        Map<Integer, long[]> n = new LinkedHashMap<>();
        Map<Integer, Double[]> scores = new LinkedHashMap<>();
        for (ThemeFigures.Counts counts : figures.countsByMonth(inside.between(before, after.plusMonths(1)))) {
            int month = counts.month().equals(before) ? 0 : counts.month().equals(after) ? 1 : -1;
            long responses = measure == Dips.Measure.NPS
                    ? counts.nps().n()
                    : counts.csat().n();
            if (month < 0 || responses == 0) {
                continue;
            }
            n.computeIfAbsent(counts.themeId(), k -> new long[2])[month] = responses;
            scores.computeIfAbsent(counts.themeId(), k -> new Double[2])[month] = measure == Dips.Measure.NPS
                    ? counts.nps().value()
                    : counts.csat().percent();
        }
        List<DipDriver.Cell> cells = new ArrayList<>();
        n.forEach((theme, months) -> cells.add(new DipDriver.Cell(
                theme == null ? null : String.valueOf(theme),
                months[0],
                scores.get(theme)[0],
                months[1],
                scores.get(theme)[1])));
        SignalFilter inMonth = inside.between(after, after.plusMonths(1));
        return DipDriver.shiftShare(KeyDrivers.THEME, cells).stream()
                .map(driver -> {
                    if (driver.value() == null) {
                        return new DipExplanation(driver, KeyDrivers.NO_THEME, null);
                    }
                    int id = Integer.parseInt(driver.value());
                    ThemeFigures.Label label = themes.get(id);
                    return new DipExplanation(
                            driver, label == null ? "theme " + id : label.label(), ThemeLinks.href(id, inMonth));
                })
                .toList();
    }
}
