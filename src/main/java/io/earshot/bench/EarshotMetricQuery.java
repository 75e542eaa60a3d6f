package io.earshot.bench;

import io.earshot.metric.MetricQuery;
import io.earshot.metric.Metrics;
import io.earshot.metric.Period;
import io.earshot.signal.SignalFilter;
import java.util.OptionalInt;
import org.springframework.context.ApplicationContext;

/** NPS by segment and month through Earshot's metric API ({@link Metrics}), the Earshot side of the metric benchmark. */
final class EarshotMetricQuery {

    static final String NOT_YET = "the metric API (io.earshot.metric) is not available";

    private EarshotMetricQuery() {}

    /**
     * Computes NPS (with CSAT, CES and POC, which the same query returns) by segment × month over every signal in the
     * store through the metric API.
     *
     * @return the number of segment × month slices
     */
    static OptionalInt npsBySegmentAndMonth(ApplicationContext context) {
        Metrics metrics = context.getBean(Metrics.class);
        return OptionalInt.of(metrics.compute(new MetricQuery("segment", Period.MONTH, SignalFilter.ALL))
                .size());
    }
}
