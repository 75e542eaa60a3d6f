package io.earshot.bench;

import java.util.OptionalInt;
import org.springframework.context.ApplicationContext;

/**
 * NPS by segment and month through Earshot's metric API, the Earshot side of the metric benchmark.
 *
 * <p><b>HOOK(metric):</b> the metric module ({@code io.earshot.metric}) is being written in parallel. When its API
 * lands, replace the body of {@link #npsBySegmentAndMonth} with a call to it (NPS of every signal, sliced by
 * {@code segment}, bucketed by month) and return the number of slices it answered. Until then the benchmark prints
 * "n/a" for this phase and measures the raw SQL side only.
 */
final class EarshotMetricQuery {

    static final String NOT_YET = "the metric API (io.earshot.metric) is not merged yet";

    private EarshotMetricQuery() {}

    /**
     * Computes NPS by segment × month over every signal in the store through the metric API.
     *
     * @return the number of segment × month slices, or empty while the metric API is not available
     */
    static OptionalInt npsBySegmentAndMonth(ApplicationContext context) {
        // HOOK(metric): call the metric module's public API here. With the API on the metrics branch this is:
        //   return OptionalInt.of(context.getBean(Metrics.class)
        //           .compute(new MetricQuery("segment", Period.MONTH, SignalFilter.ALL))
        //           .size());
        return OptionalInt.empty();
    }
}
