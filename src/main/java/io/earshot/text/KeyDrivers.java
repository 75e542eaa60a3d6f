package io.earshot.text;

import io.earshot.metric.Nps;
import io.earshot.metric.Significance;
import io.earshot.signal.SignalFilter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Key-driver analysis of NPS or CSAT over themes and signal fields (ADR 15). Every response gets a score — NPS:
 * promoter 100, passive 0, detractor −100, whose mean is the NPS; CSAT: satisfied 100, else 0, whose mean is the CSAT —
 * and each driver is a 0/1 indicator: "the signal is in theme X" or "field = value".
 *
 * <ul>
 *   <li>One at a time: the driver's effect is the mean score of the responses with it minus the mean of those without,
 *       tested by {@link Welch}'s t-test; with many drivers tested at once the p-values are adjusted by
 *       Benjamini–Hochberg into q-values. Drivers are ranked by their impact, effect × share of responses.
 *   <li>All together: least squares of the per-response score on one-hot indicators of every field and the theme,
 *       each field with its most frequent value as reference ({@link LeastSquares}), so a coefficient is the effect of
 *       a value with the other fields held fixed — a region that scores low only because it sells the weak product
 *       loses its effect here.
 * </ul>
 */
@Service
class KeyDrivers {

    /** The name of the theme among the driver fields. */
    static final String THEME = "theme";

    /** Values of one field given their own column in the regression; rarer values share one "(other)" column. */
    static final int LEVELS = 50;

    static final String NONE = "(none)", OTHER = "(other)", NO_THEME = "(no theme)";

    /** The key of the pooled rare values, which no real value can equal. */
    private static final String POOLED = "\u0000pooled";

    private final ThemeFigures figures;

    KeyDrivers(ThemeFigures figures) {
        this.figures = figures;
    }

    /**
     * One driver, one at a time.
     *
     * @param value the theme id or the field's value
     * @param label what pages show: the theme's name or the value
     * @param share the driver's share of the responses, 0 to 1
     * @param test Welch's test of mean with against mean without; its effect is the driver's effect size in points
     * @param qValue the Benjamini–Hochberg adjusted p-value, {@code null} when not testable
     */
    record Driver(
            String field,
            String value,
            String label,
            long n,
            double share,
            double meanWith,
            double meanWithout,
            Welch test,
            Double qValue) {

        /** Effect × share: how far the driver moves the overall score. */
        public double impact() {
            return test.effect() * share;
        }

        public boolean smallSample() {
            return n < Nps.SMALL_SAMPLE;
        }
    }

    /** A coefficient of the regression: the effect of {@code field = label} against the field's reference value. */
    record Term(
            String field, String value, String label, long n, double coefficient, double standardError, double pValue) {

        public boolean smallSample() {
            return n < Nps.SMALL_SAMPLE;
        }
    }

    /**
     * The analysis of a selection.
     *
     * @param mean the mean score of all responses (the NPS or CSAT)
     * @param drivers every testable driver, largest impact (either way) first
     * @param intercept the regression's score of a response with every field at its reference value
     * @param references field to its reference value in the regression
     * @param terms the regression's coefficients, aliased ones left out
     * @param aliased terms left out because other columns already determine them, as {@code field = label}
     */
    record Analysis(
            long n,
            double mean,
            List<Driver> drivers,
            double intercept,
            Map<String, String> references,
            List<Term> terms,
            List<String> aliased,
            long df) {}

    Analysis analyse(boolean nps, SignalFilter filter, Map<Integer, ThemeFigures.Label> themes) {
        List<ThemeFigures.Cell> cells = figures.cells(nps, filter);
        List<String> fields = new ArrayList<>();
        fields.add(THEME);
        fields.addAll(ThemeFigures.FIELDS);
        Welch.Sums total = Welch.Sums.NONE;
        for (ThemeFigures.Cell cell : cells) {
            total = total.plus(cell.sums());
        }
        if (total.n() == 0) {
            return new Analysis(0, Double.NaN, List.of(), Double.NaN, Map.of(), List.of(), List.of(), 0);
        }
        List<Driver> drivers = drivers(cells, fields, total, themes);
        return regression(cells, fields, total, themes, drivers);
    }

    private static List<Driver> drivers(
            List<ThemeFigures.Cell> cells,
            List<String> fields,
            Welch.Sums total,
            Map<Integer, ThemeFigures.Label> themes) {
        List<Driver> untested = new ArrayList<>();
        for (int f = 0; f < fields.size(); f++) {
            Map<String, Welch.Sums> byValue = new LinkedHashMap<>();
            for (ThemeFigures.Cell cell : cells) {
                String value = cell.values().get(f);
                if (value != null) {
                    byValue.merge(value, cell.sums(), Welch.Sums::plus);
                }
            }
            for (Map.Entry<String, Welch.Sums> entry : byValue.entrySet()) {
                Welch.Sums with = entry.getValue(), without = total.minus(with);
                if (without.n() == 0) {
                    continue; // every response has it: nothing to compare with
                }
                untested.add(new Driver(
                        fields.get(f),
                        entry.getKey(),
                        label(fields.get(f), entry.getKey(), themes),
                        with.n(),
                        (double) with.n() / total.n(),
                        with.mean(),
                        without.mean(),
                        Welch.of(with, without),
                        null));
            }
        }
        List<Driver> testable =
                untested.stream().filter(d -> d.test().pValue() != null).toList();
        double[] q = Significance.benjaminiHochberg(
                testable.stream().mapToDouble(d -> d.test().pValue()).toArray());
        Map<Driver, Double> qs = new HashMap<>();
        for (int i = 0; i < testable.size(); i++) {
            qs.put(testable.get(i), q[i]);
        }
        return untested.stream()
                .map(d -> new Driver(
                        d.field(),
                        d.value(),
                        d.label(),
                        d.n(),
                        d.share(),
                        d.meanWith(),
                        d.meanWithout(),
                        d.test(),
                        qs.get(d)))
                .sorted(Comparator.comparingDouble((Driver d) -> -Math.abs(d.impact()))
                        .thenComparing(Driver::field)
                        .thenComparing(Driver::value))
                .toList();
    }

    private static Analysis regression(
            List<ThemeFigures.Cell> cells,
            List<String> fields,
            Welch.Sums total,
            Map<Integer, ThemeFigures.Label> themes,
            List<Driver> drivers) {
        // the levels of each field, most frequent first; the first is the reference, rare ones pooled as "(other)"
        List<Map<String, Integer>> columns = new ArrayList<>();
        List<String> columnField = new ArrayList<>(List.of("")), columnValue = new ArrayList<>(List.of(""));
        List<Long> columnN = new ArrayList<>(List.of(total.n()));
        Map<String, String> references = new LinkedHashMap<>();
        for (int f = 0; f < fields.size(); f++) {
            Map<String, Long> counts = new HashMap<>();
            for (ThemeFigures.Cell cell : cells) {
                counts.merge(level(cell.values().get(f)), cell.sums().n(), Long::sum);
            }
            List<String> levels = counts.keySet().stream()
                    .sorted(Comparator.comparingLong((String level) -> -counts.get(level))
                            .thenComparing(level -> level))
                    .toList();
            Map<String, Integer> index = new HashMap<>();
            columns.add(index);
            if (levels.size() < 2) {
                continue; // one value: no contrast to estimate
            }
            references.put(fields.get(f), label(fields.get(f), levels.getFirst(), themes));
            Map<String, Integer> byKey = new HashMap<>();
            for (int i = 1; i < levels.size(); i++) {
                String level = levels.get(i);
                String key = i <= LEVELS ? level : POOLED;
                Integer column = byKey.get(key);
                if (column == null) {
                    column = columnField.size();
                    byKey.put(key, column);
                    columnField.add(fields.get(f));
                    columnValue.add(i <= LEVELS ? level : OTHER);
                    columnN.add(0L);
                }
                index.put(level, column);
                columnN.set(column, columnN.get(column) + counts.get(level));
            }
        }
        LeastSquares fit = new LeastSquares(columnField.size());
        for (ThemeFigures.Cell cell : cells) {
            List<Integer> ones = new ArrayList<>(List.of(0));
            for (int f = 0; f < fields.size(); f++) {
                Integer column = columns.get(f).get(level(cell.values().get(f)));
                if (column != null) {
                    ones.add(column);
                }
            }
            fit.add(
                    ones.stream().mapToInt(Integer::intValue).toArray(),
                    cell.sums().n(),
                    cell.sums().sum(),
                    cell.sums().squares());
        }
        LeastSquares.Fit result = fit.fit();
        List<Term> terms = new ArrayList<>();
        List<String> aliased = new ArrayList<>();
        for (int c = 1; c < columnField.size(); c++) {
            String label = label(columnField.get(c), columnValue.get(c), themes);
            if (result.aliased(c)) {
                aliased.add(columnField.get(c) + " = " + label);
                continue;
            }
            terms.add(new Term(
                    columnField.get(c),
                    columnValue.get(c),
                    label,
                    columnN.get(c),
                    result.coefficients()[c],
                    result.standardErrors()[c],
                    result.pValues()[c]));
        }
        return new Analysis(
                total.n(), total.mean(), drivers, result.coefficients()[0], references, terms, aliased, result.df());
    }

    /** A value as a regression level: {@code null} (no value, or no theme) is a level of its own. */
    private static String level(String value) {
        return value == null ? "" : value;
    }

    /** What pages show for a value: a theme's name, "(no theme)", "(none)" or the value itself. */
    static String label(String field, String value, Map<Integer, ThemeFigures.Label> themes) {
        if (field.equals(THEME)) {
            if (value == null || value.isEmpty()) {
                return NO_THEME;
            }
            if (value.equals(OTHER)) {
                return OTHER;
            }
            ThemeFigures.Label theme = themes.get(Integer.valueOf(value));
            return theme == null ? "theme " + value : theme.label();
        }
        return value == null || value.isEmpty() ? NONE : value;
    }
}
