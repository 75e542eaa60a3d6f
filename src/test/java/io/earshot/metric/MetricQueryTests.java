package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class MetricQueryTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Metrics metrics;

    /**
     * North: February 5 promoters, 3 passives, 2 detractors (NPS 30); March 2, 3, 5 (NPS −30). South, March: 4
     * promoters with CSAT 5 and CES 6 or 7, one CSAT 1 and one complaint (both POC). One signal without a region: NPS 0
     * (POC).
     */
    @BeforeEach
    void store() {
        jdbc.update("DELETE FROM signal");
        List<StoredSignals.Signal> rows = new ArrayList<>();
        rows.addAll(times(5, signal().region("North").at("2025-02-03").nps(10).attribute("plan", "gold")));
        rows.addAll(times(3, signal().region("North").at("2025-02-10").nps(8).attribute("plan", "basic")));
        rows.addAll(times(2, signal().region("North").at("2025-02-28").nps(5).attribute("plan", "basic")));
        rows.addAll(times(2, signal().region("North").at("2025-03-01").nps(9)));
        rows.addAll(times(3, signal().region("North").at("2025-03-15").nps(7)));
        rows.addAll(times(5, signal().region("North").at("2025-03-31").nps(6)));
        rows.addAll(times(
                2, signal().region("South").at("2025-03-02").nps(9).csat(5).ces(6)));
        rows.addAll(times(
                2, signal().region("South").at("2025-03-03").nps(10).csat(5).ces(7)));
        rows.add(signal().region("South").at("2025-03-04").csat(1).text("Never again"));
        rows.add(signal().region("South").at("2025-03-05").source("complaint").text("Formal complaint"));
        rows.add(signal().at("2025-03-06").nps(0));
        StoredSignals.insert(jdbc, rows);
    }

    @Test
    void slicesByFieldWithSignalsWithoutAValueLast() {
        List<SliceMetrics> rows = metrics.compute(MetricQuery.by("region"));

        assertThat(rows).extracting(SliceMetrics::slice).containsExactly("North", "South", null);
        SliceMetrics north = rows.get(0);
        assertThat(north.volume()).isEqualTo(20);
        assertThat(north.nps()).isEqualTo(new Nps(20, 7, 7));
        assertThat(north.nps().value()).isEqualTo(0.0);
        assertThat(north.smallSample()).isTrue();
        assertThat(north.npsChange()).isNull();
    }

    @Test
    void computesCsatCesAndPocOfASlice() {
        SliceMetrics south = metrics.compute(MetricQuery.by("region")).get(1);

        assertThat(south.volume()).isEqualTo(6);
        assertThat(south.nps().value()).isEqualTo(100.0);
        assertThat(south.csat()).isEqualTo(new Csat(5, 4));
        assertThat(south.csat().percent()).isCloseTo(80.0, within(1e-9));
        assertThat(south.ces().n()).isEqualTo(4);
        assertThat(south.ces().mean()).isCloseTo(6.5, within(1e-9));
        assertThat(south.poc()).isEqualTo(new Poc(2, 6));
        assertThat(south.poc().rate()).isCloseTo(100.0 / 3, within(1e-9));
    }

    @Test
    void withoutASliceEverythingIsOneRow() {
        List<SliceMetrics> rows = metrics.compute(MetricQuery.by(null));

        assertThat(rows).singleElement().satisfies(all -> {
            assertThat(all.slice()).isEqualTo(MetricQuery.ALL);
            assertThat(all.volume()).isEqualTo(27);
            assertThat(all.nps()).isEqualTo(new Nps(25, 11, 8));
            assertThat(all.poc().count()).isEqualTo(3);
        });
    }

    @Test
    void trendsByMonthWithTheChangeSinceThePreviousMonthOfTheSameSlice() {
        List<SliceMetrics> rows = metrics.compute(new MetricQuery("region", Period.MONTH, SignalFilter.ALL));

        assertThat(rows)
                .extracting(SliceMetrics::slice, SliceMetrics::period)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("North", LocalDate.of(2025, 2, 1)),
                        org.assertj.core.groups.Tuple.tuple("North", LocalDate.of(2025, 3, 1)),
                        org.assertj.core.groups.Tuple.tuple("South", LocalDate.of(2025, 3, 1)),
                        org.assertj.core.groups.Tuple.tuple(null, LocalDate.of(2025, 3, 1)));
        assertThat(rows.get(0).nps().value()).isCloseTo(30.0, within(1e-9));
        assertThat(rows.get(0).npsChange()).isNull();
        SliceMetrics march = rows.get(1);
        assertThat(march.nps().value()).isCloseTo(-30.0, within(1e-9));
        assertThat(march.npsChange().delta()).isCloseTo(-60.0, within(1e-9));
        assertThat(march.npsChange().pValue()).isCloseTo(0.08583401331843706, within(1e-9));
        assertThat(rows.get(2).npsChange()).as("South has no February").isNull();
    }

    @Test
    void trendsByWeekFromMonday() {
        List<SliceMetrics> rows = metrics.compute(new MetricQuery(
                null, Period.WEEK, new SignalFilter(Map.of("region", "North"), null, null, null, null)));

        // 2025-02-03 is a Monday; 2025-03-01 a Saturday (week of 02-24), 03-15 a Saturday (week of 03-10)
        assertThat(rows)
                .extracting(SliceMetrics::period)
                .containsExactly(
                        LocalDate.of(2025, 2, 3),
                        LocalDate.of(2025, 2, 10),
                        LocalDate.of(2025, 2, 24),
                        LocalDate.of(2025, 3, 10),
                        LocalDate.of(2025, 3, 31));
        assertThat(rows.get(2).volume()).as("02-28 and 03-01 share a week").isEqualTo(4);
    }

    @Test
    void slicesByAFreeAttribute() {
        List<SliceMetrics> rows = metrics.compute(MetricQuery.by("attributes.plan"));

        assertThat(rows).extracting(SliceMetrics::slice).containsExactly("basic", "gold", null);
        assertThat(rows.get(0).nps()).isEqualTo(new Nps(5, 0, 2));
        assertThat(rows.get(1).nps()).isEqualTo(new Nps(5, 5, 0));
    }

    @Test
    void filtersByFieldAndDateRangeWithTheEndExclusive() {
        SignalFilter filter = new SignalFilter(
                Map.of("region", "North"), LocalDate.of(2025, 2, 10), LocalDate.of(2025, 3, 15), null, null);

        List<SliceMetrics> rows = metrics.compute(new MetricQuery(null, null, filter));

        assertThat(rows).singleElement().satisfies(row -> assertThat(row.nps()).isEqualTo(new Nps(7, 2, 2)));
    }

    @Test
    void theFilterOfARowSelectsExactlyTheSignalsItCounts() {
        MetricQuery query =
                new MetricQuery("region", Period.MONTH, SignalFilter.ALL.between(LocalDate.of(2025, 2, 15), null));

        for (SliceMetrics row : metrics.compute(query)) {
            List<Object> parameters = new ArrayList<>();
            String where = query.filterOf(row).where(metrics.poc(), parameters);
            Long count =
                    jdbc.queryForObject("SELECT count(*) FROM signal WHERE " + where, Long.class, parameters.toArray());
            assertThat(count).as(row.slice() + " " + row.period()).isEqualTo(row.volume());
        }
    }

    @Test
    void anEmptyStoreHasNoRows() {
        jdbc.update("DELETE FROM signal");

        assertThat(metrics.storeIsEmpty()).isTrue();
        assertThat(metrics.compute(MetricQuery.by(null))).isEmpty();
        assertThat(metrics.compute(new MetricQuery("region", Period.DAY, SignalFilter.ALL)))
                .isEmpty();
    }
}
