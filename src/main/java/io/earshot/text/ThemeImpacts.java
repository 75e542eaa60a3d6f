package io.earshot.text;

import io.earshot.metric.Csat;
import io.earshot.metric.Nps;
import io.earshot.signal.SignalFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Per active theme over a selection of signals: volume, share of signals, NPS with its interval, CSAT, and the theme's
 * {@link Impact} on the overall NPS and CSAT. Every figure is the viewer's (the data scope applies).
 */
@Service
class ThemeImpacts {

    private final ThemeFigures figures;

    ThemeImpacts(ThemeFigures figures) {
        this.figures = figures;
    }

    /**
     * One theme's figures.
     *
     * @param share the theme's share of the selected signals, 0 to 1
     * @param npsImpact overall NPS minus the NPS without the theme's signals; {@code null} without responses on a side
     * @param csatImpact the same for CSAT
     */
    record Row(
            ThemeFigures.Label theme,
            long volume,
            double share,
            Nps nps,
            Csat csat,
            Impact npsImpact,
            Impact csatImpact) {}

    /**
     * The themes of a selection.
     *
     * @param themesExist whether there is any active theme at all (else the page explains how themes come about)
     * @param volume the selected signals
     * @param unthemed the selected signals in no active theme
     * @param rows the themes with signals in the selection, those that pull the selected score down most first
     */
    record Report(boolean themesExist, long volume, long unthemed, Nps nps, Csat csat, List<Row> rows) {}

    Report of(SignalFilter filter, boolean byNps) {
        Map<Integer, ThemeFigures.Label> themes = figures.activeThemes();
        List<ThemeFigures.Counts> counts = figures.counts(filter);
        long volume = 0, npsN = 0, promoters = 0, detractors = 0, csatN = 0, satisfied = 0, unthemed = 0;
        for (ThemeFigures.Counts c : counts) {
            volume += c.volume();
            npsN += c.nps().n();
            promoters += c.nps().promoters();
            detractors += c.nps().detractors();
            csatN += c.csat().n();
            satisfied += c.csat().satisfied();
            unthemed += c.themeId() == null ? c.volume() : 0;
        }
        Nps nps = new Nps(npsN, promoters, detractors);
        Csat csat = new Csat(csatN, satisfied);
        List<Row> rows = new ArrayList<>();
        for (ThemeFigures.Counts c : counts) {
            ThemeFigures.Label theme = c.themeId() == null ? null : themes.get(c.themeId());
            if (theme == null) {
                continue;
            }
            Nps rest = new Nps(
                    nps.n() - c.nps().n(),
                    nps.promoters() - c.nps().promoters(),
                    nps.detractors() - c.nps().detractors());
            Csat restCsat = new Csat(
                    csat.n() - c.csat().n(), csat.satisfied() - c.csat().satisfied());
            rows.add(new Row(
                    theme,
                    c.volume(),
                    (double) c.volume() / volume,
                    c.nps(),
                    c.csat(),
                    Impact.ofNps(c.nps(), rest),
                    Impact.ofCsat(c.csat(), restCsat)));
        }
        rows.sort(Comparator.comparingDouble((Row row) -> {
                    Impact impact = byNps ? row.npsImpact() : row.csatImpact();
                    return impact == null ? Double.MAX_VALUE : impact.value();
                })
                .thenComparing(row -> row.theme().id()));
        return new Report(!themes.isEmpty(), volume, unthemed, nps, csat, rows);
    }
}
