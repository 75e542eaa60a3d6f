package io.earshot.metric;

import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Finds significant month-on-month drops of NPS or CSAT, overall and in every slice of the usual fields, and explains
 * each by the slices inside it (any field, free attributes included) that contributed most, separating mix from rate
 * ({@link DipDriver}). Looking at many slices and months at once would flag about one in twenty by chance, so the
 * p-values are adjusted with Benjamini–Hochberg and a drop counts when its q-value is below 0.05. Slices with fewer than
 * {@value Nps#SMALL_SAMPLE} responses in either month are not flagged. Every figure is the viewer's (through {@link
 * Metrics}, which applies the data scope).
 */
@Service
public class Dips {

    /** The fields whose slices are searched for dips, and by which they are explained. */
    static final List<String> FIELDS =
            List.of("region", "segment", "product", "channel", "source", "touchpoint", "journey_stage");

    /** The false discovery rate accepted. */
    static final double FDR = 0.05;

    /** Drivers kept per field, and in all. */
    static final int DRIVERS_PER_FIELD = 3, DRIVERS = 8;

    /** Attribute fields tried as explanations, at most. */
    static final int ATTRIBUTE_FIELDS = 10;

    /** Groups kept per {@link DipExplainer}. */
    static final int EXPLANATIONS = 5;

    private final Metrics metrics;
    private final ObjectProvider<DipExplainer> explainers;

    Dips(Metrics metrics, ObjectProvider<DipExplainer> explainers) {
        this.metrics = metrics;
        this.explainers = explainers;
    }

    /** What a dip is measured on: its score, responses and change. */
    public enum Measure {
        NPS(row -> row.nps().value(), row -> row.nps().n(), SliceMetrics::npsChange),
        CSAT(row -> row.csat().percent(), row -> row.csat().n(), SliceMetrics::csatChange);

        private final Function<SliceMetrics, Double> score;
        private final Function<SliceMetrics, Long> n;
        private final Function<SliceMetrics, Change> change;

        Measure(
                Function<SliceMetrics, Double> score,
                Function<SliceMetrics, Long> n,
                Function<SliceMetrics, Change> change) {
            this.score = score;
            this.n = n;
            this.change = change;
        }

        public static Measure parse(String text) {
            for (Measure measure : values()) {
                if (measure.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return measure;
                }
            }
            throw new IllegalArgumentException("Unknown metric '" + text + "' for dips; use nps or csat");
        }
    }

    /**
     * The dips of the last {@code months} complete months, most significant first.
     *
     * @param filter narrows the signals looked at (its date range is replaced)
     */
    public List<Dip> find(Measure measure, int months, SignalFilter filter) {
        if (months < 1 || months > 36) {
            throw new IllegalArgumentException("Look back 1 to 36 months for dips, not " + months);
        }
        LocalDate last = metrics.latestComplete(Period.MONTH);
        LocalDate from = last.minusMonths(months);
        LocalDate to = Period.MONTH.next(last);
        record Candidate(String field, SliceMetrics before, SliceMetrics after, Change change) {}
        List<Candidate> tested = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        fields.add(null);
        fields.addAll(FIELDS);
        Map<LocalDate, Long> wholeN = new HashMap<>();
        for (String field : fields) {
            List<SliceMetrics> rows = metrics.compute(new MetricQuery(field, Period.MONTH, filter.between(from, to)));
            Map<String, SliceMetrics> byKey = new HashMap<>();
            rows.forEach(row -> byKey.put(row.slice() + "|" + row.period(), row));
            for (SliceMetrics row : rows) {
                if (field == null) {
                    wholeN.put(row.period(), measure.n.apply(row));
                }
                Change change = measure.change.apply(row);
                SliceMetrics before = byKey.get(row.slice() + "|" + Period.MONTH.previous(row.period()));
                if (change == null || before == null || !row.period().isAfter(from)) {
                    continue;
                }
                // a slice holding every response of both months (one source, say) is the whole again: not a test of its
                // own
                boolean whole = field != null
                        && measure.n.apply(row).equals(wholeN.get(row.period()))
                        && measure.n.apply(before).equals(wholeN.get(before.period()));
                if (!whole) {
                    tested.add(new Candidate(field, before, row, change));
                }
            }
        }
        double[] q = Significance.benjaminiHochberg(
                tested.stream().mapToDouble(c -> c.change().pValue()).toArray());
        List<Dip> dips = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            Candidate c = tested.get(i);
            long nBefore = measure.n.apply(c.before()), nAfter = measure.n.apply(c.after());
            if (c.change().delta() < 0 && q[i] < FDR && nBefore >= Nps.SMALL_SAMPLE && nAfter >= Nps.SMALL_SAMPLE) {
                dips.add(new Dip(
                        measure.name().toLowerCase(java.util.Locale.ROOT),
                        c.field(),
                        c.field() == null ? MetricQuery.ALL : c.after().slice(),
                        c.after().period(),
                        measure.score.apply(c.before()),
                        measure.score.apply(c.after()),
                        nBefore,
                        nAfter,
                        c.change(),
                        q[i],
                        drivers(
                                measure,
                                filter,
                                c.field(),
                                c.after().slice(),
                                c.after().period())));
            }
        }
        dips.sort(Comparator.comparingDouble(Dip::qValue)
                .thenComparingDouble(dip -> dip.change().delta()));
        return dips;
    }

    /** The slices inside the dipped one that moved its score most, by mix and rate. */
    List<DipDriver> drivers(Measure measure, SignalFilter filter, String field, String slice, LocalDate period) {
        return allDrivers(measure, filter, field, slice, period).stream()
                .filter(driver -> driver.excess() < 0)
                .collect(java.util.stream.Collectors.groupingBy(DipDriver::field))
                .values()
                .stream()
                .flatMap(ofField -> ofField.stream()
                        .sorted(Comparator.comparingDouble(DipDriver::excess))
                        .limit(DRIVERS_PER_FIELD))
                .sorted(Comparator.comparingDouble(DipDriver::excess))
                .limit(DRIVERS)
                .toList();
    }

    /**
     * The groups that the {@link DipExplainer}s in the application (the text module's themes, say) found taking more of
     * the dip than their share, at most {@value #EXPLANATIONS} of each explainer, most first.
     *
     * @param filter the filter the dip was found with
     */
    public List<DipExplanation> explanations(Dip dip, SignalFilter filter) {
        Measure measure = Measure.parse(dip.metric());
        SignalFilter inside =
                dip.field() == null ? filter : filter.with(dip.field(), dip.slice() == null ? "" : dip.slice());
        LocalDate previous = Period.MONTH.previous(dip.period());
        return explainers
                .orderedStream()
                .flatMap(explainer -> explainer.explain(measure, inside, previous, dip.period()).stream()
                        .filter(explained -> explained.driver().excess() < 0)
                        .sorted(Comparator.comparingDouble(
                                explained -> explained.driver().excess()))
                        .limit(EXPLANATIONS))
                .toList();
    }

    /**
     * Every value's contribution, of every field tried, to the change of the slice {@code field = slice} from the month
     * before {@code period} to {@code period}.
     */
    public List<DipDriver> allDrivers(
            Measure measure, SignalFilter filter, String field, String slice, LocalDate period) {
        SignalFilter inside = field == null ? filter : filter.with(field, slice == null ? "" : slice);
        LocalDate previous = Period.MONTH.previous(period);
        Set<String> explainers = new LinkedHashSet<>(FIELDS);
        metrics.attributeFields().stream().limit(ATTRIBUTE_FIELDS).forEach(explainers::add);
        explainers.remove(field);
        List<DipDriver> all = new ArrayList<>();
        for (String by : explainers) {
            List<SliceMetrics> rows = metrics.compute(
                    new MetricQuery(by, Period.MONTH, inside.between(previous, Period.MONTH.next(period))));
            all.addAll(shiftShare(measure, by, rows, previous, period));
        }
        return all;
    }

    /** Every value's mix and rate contribution; over one field they add up to the change of the whole. */
    static List<DipDriver> shiftShare(
            Measure measure, String field, List<SliceMetrics> rows, LocalDate before, LocalDate after) {
        Map<String, SliceMetrics[]> byValue = new LinkedHashMap<>();
        for (SliceMetrics row : rows) {
            if (measure.n.apply(row) == 0) {
                continue;
            }
            SliceMetrics[] pair = byValue.computeIfAbsent(String.valueOf(row.slice()), k -> new SliceMetrics[2]);
            if (row.period().equals(before)) {
                pair[0] = row;
            } else if (row.period().equals(after)) {
                pair[1] = row;
            }
        }
        List<DipDriver.Cell> cells = new ArrayList<>();
        for (SliceMetrics[] pair : byValue.values()) {
            if (pair[0] == null && pair[1] == null) {
                continue;
            }
            SliceMetrics any = pair[0] != null ? pair[0] : pair[1];
            cells.add(new DipDriver.Cell(
                    any.slice(),
                    pair[0] == null ? 0 : measure.n.apply(pair[0]),
                    pair[0] == null ? null : measure.score.apply(pair[0]),
                    pair[1] == null ? 0 : measure.n.apply(pair[1]),
                    pair[1] == null ? null : measure.score.apply(pair[1])));
        }
        return DipDriver.shiftShare(field, cells);
    }
}
