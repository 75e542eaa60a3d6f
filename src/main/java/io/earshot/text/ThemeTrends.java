package io.earshot.text;

import io.earshot.access.DataScope;
import io.earshot.metric.Significance;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The monthly trend of each theme in a viewer's data scope, and which themes are emerging: a theme whose share of the
 * signals in the latest complete month is higher than its share in the {@link #BASELINE_MONTHS} months before, by a
 * one-sided two-proportion z-test whose p-values are adjusted over the themes by Benjamini–Hochberg (many themes are
 * tested at once; without it one in twenty steady themes would be flagged by chance).
 */
@Service
class ThemeTrends {

    /** Months shown, the current one included. */
    static final int MONTHS = 12;

    /** Complete months before the latest one that its share is compared with. */
    static final int BASELINE_MONTHS = 3;

    /** The false discovery rate under which a growing theme is flagged. */
    static final double FDR = 0.05;

    /** The fewest signals in the latest month for a theme to be flagged: a jump from 0 to 2 says little. */
    static final int MIN_LATEST = 5;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ThemeTrends(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The trends of the given themes in {@code scope}, by theme id. */
    Map<Integer, ThemeTrend> of(Collection<Integer> themeIds, DataScope scope) {
        YearMonth current = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        List<YearMonth> months = new ArrayList<>();
        for (int back = MONTHS - 1; back >= 0; back--) {
            months.add(current.minusMonths(back));
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(months.getFirst().atDay(1).atStartOfDay());
        parameters.add(current.plusMonths(1).atDay(1).atStartOfDay());
        String visible = scope.sql(parameters);
        Map<Integer, Map<String, Long>> counts = new HashMap<>();
        jdbc.query(
                "SELECT st.theme_id, strftime(s.occurred_at, '%Y-%m'), count(*) FROM signal s"
                        + " JOIN signal_theme st ON st.signal_id = s.id"
                        + " WHERE s.occurred_at >= ? AND s.occurred_at < ? AND " + visible + " GROUP BY 1, 2",
                r -> {
                    counts.computeIfAbsent(r.getInt(1), id -> new HashMap<>()).put(r.getString(2), r.getLong(3));
                },
                parameters.toArray());
        parameters.add(Embedder.MODEL);
        Map<String, Long> totals = new HashMap<>();
        jdbc.query(
                "SELECT strftime(s.occurred_at, '%Y-%m'), count(*) FROM signal s"
                        + " WHERE s.occurred_at >= ? AND s.occurred_at < ? AND " + visible
                        + " AND EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id AND e.model = ?)"
                        + " GROUP BY 1",
                r -> {
                    totals.put(r.getString(1), r.getLong(2));
                },
                parameters.toArray());
        List<String> labels = months.stream().map(YearMonth::toString).toList();
        String latestMonth = current.minusMonths(1).toString();
        List<String> baselineMonths = labels.subList(MONTHS - 2 - BASELINE_MONTHS, MONTHS - 2);
        long latestTotal = totals.getOrDefault(latestMonth, 0L);
        long baselineTotal = baselineMonths.stream()
                .mapToLong(m -> totals.getOrDefault(m, 0L))
                .sum();

        record Tested(int id, List<Long> counts, long latest, long baseline, double p) {}
        List<Tested> tested = new ArrayList<>();
        for (int id : themeIds) {
            Map<String, Long> theme = counts.getOrDefault(id, Map.of());
            long latest = theme.getOrDefault(latestMonth, 0L);
            long baseline = baselineMonths.stream()
                    .mapToLong(m -> theme.getOrDefault(m, 0L))
                    .sum();
            tested.add(new Tested(
                    id,
                    labels.stream().map(m -> theme.getOrDefault(m, 0L)).toList(),
                    latest,
                    baseline,
                    growthP(latest, latestTotal, baseline, baselineTotal)));
        }
        double[] q = Significance.benjaminiHochberg(
                tested.stream().mapToDouble(Tested::p).toArray());
        Map<Integer, ThemeTrend> trends = new LinkedHashMap<>();
        for (int i = 0; i < tested.size(); i++) {
            Tested t = tested.get(i);
            trends.put(
                    t.id(),
                    new ThemeTrend(
                            t.id(),
                            labels,
                            t.counts(),
                            labels.stream().map(m -> totals.getOrDefault(m, 0L)).toList(),
                            t.latest(),
                            latestTotal,
                            t.baseline(),
                            baselineTotal,
                            t.p(),
                            q[i],
                            q[i] < FDR && t.latest() >= MIN_LATEST));
        }
        return trends;
    }

    /**
     * The one-sided p-value of the share {@code x1 / n1} being higher than {@code x0 / n0} (pooled two-proportion
     * z-test); 1 when either period has no signals or the shares did not grow.
     */
    static double growthP(long x1, long n1, long x0, long n0) {
        if (n1 == 0 || n0 == 0) {
            return 1;
        }
        double p1 = (double) x1 / n1;
        double p0 = (double) x0 / n0;
        double pooled = (double) (x1 + x0) / (n1 + n0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
        if (se == 0 || p1 <= p0) {
            return 1;
        }
        return Significance.upperTail((p1 - p0) / se);
    }
}
