package io.earshot.metric;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metric rows as named, rounded columns: the one shape shared by the command line (CSV, JSON, table) and the REST API,
 * so both print the same numbers. NPS, CI, CSAT, POC rate and their changes have one decimal, CES two, p-values three
 * significant digits; a figure without responses is {@code null}.
 */
final class MetricTable {

    private static final List<String> COLUMNS = List.of(
            "slice",
            "n",
            "nps",
            "nps_ci_low",
            "nps_ci_high",
            "csat",
            "ces",
            "poc",
            "poc_rate",
            "small_sample",
            "volume",
            "csat_n",
            "ces_n");

    private static final List<String> CHANGES = List.of("nps_change", "csat_change", "ces_change", "poc_rate_change");

    private final List<String> columns;
    private final List<Map<String, Object>> rows;

    private MetricTable(List<String> columns, List<Map<String, Object>> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    /** The table of {@code metrics}; the period and change columns only when the query has a period. */
    static MetricTable of(MetricQuery query, List<SliceMetrics> metrics) {
        boolean trended = query.period() != null;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SliceMetrics m : metrics) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slice", m.slice());
            if (trended) {
                row.put("period", query.period().label(m.period()));
            }
            row.put("n", m.nps().n());
            row.put("nps", round(m.nps().value(), 1));
            row.put("nps_ci_low", round(m.nps().ciLow(), 1));
            row.put("nps_ci_high", round(m.nps().ciHigh(), 1));
            row.put("csat", round(m.csat().percent(), 1));
            row.put("ces", round(m.ces().mean(), 2));
            row.put("poc", m.poc().count());
            row.put("poc_rate", round(m.poc().rate(), 1));
            row.put("small_sample", m.smallSample());
            row.put("volume", m.volume());
            row.put("csat_n", m.csat().n());
            row.put("ces_n", m.ces().n());
            if (trended) {
                change(row, "nps_change", m.npsChange(), 1);
                change(row, "csat_change", m.csatChange(), 1);
                change(row, "ces_change", m.cesChange(), 2);
                change(row, "poc_rate_change", m.pocChange(), 1);
            }
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(COLUMNS);
        if (trended) {
            columns.add(1, "period");
            CHANGES.forEach(change -> columns.addAll(List.of(change, change + "_p")));
        }
        return new MetricTable(List.copyOf(columns), rows);
    }

    List<String> columns() {
        return columns;
    }

    List<Map<String, Object>> rows() {
        return rows;
    }

    private static void change(Map<String, Object> row, String name, Change change, int decimals) {
        row.put(name, change == null ? null : round(change.delta(), decimals));
        row.put(name + "_p", change == null ? null : pValue(change.pValue()));
    }

    static Double round(Double value, int decimals) {
        return value == null
                ? null
                : BigDecimal.valueOf(value)
                        .setScale(decimals, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    /** A p-value to three significant digits, so a tiny one stays visible instead of rounding to 0. */
    static double pValue(double p) {
        return new BigDecimal(p).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }
}
