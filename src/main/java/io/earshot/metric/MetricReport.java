package io.earshot.metric;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The answer to a metric query as a JSON-ready map: the query, the POC definition in force and the rows. */
final class MetricReport {

    private MetricReport() {}

    static Map<String, Object> of(MetricQuery query, List<SliceMetrics> metrics, String pocDefinition) {
        MetricTable table = MetricTable.of(query, metrics);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("by", query.by());
        report.put("period", query.period() == null ? null : query.period().key());
        report.put("filters", query.filter().fields());
        report.put(
                "from",
                query.filter().from() == null ? null : query.filter().from().toString());
        report.put(
                "to", query.filter().to() == null ? null : query.filter().to().toString());
        report.put("poc_definition", pocDefinition);
        report.put("columns", table.columns());
        report.put("rows", table.rows());
        return report;
    }
}
