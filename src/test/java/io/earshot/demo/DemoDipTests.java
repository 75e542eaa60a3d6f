package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.TemporaryStore;
import io.earshot.metric.Dip;
import io.earshot.metric.DipDriver;
import io.earshot.metric.Dips;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The NPS dip planted in the demo company is found, and explained by its region and its intents. */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DemoDipTests {

    @Autowired
    DemoCompany demo;

    @Autowired
    Dips dips;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void loadOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) == 0) {
            demo.load(demo.today(), line -> {});
        }
    }

    @Test
    void findsThePlantedRegionalDipAndExplainsItByItsIntents() {
        PlantedDip planted = PlantedDip.endingIn(DemoGenerator.lastMonth(demo.today()));
        LocalDate month = planted.month().atDay(1);

        List<Dip> found = dips.find(Dips.Measure.NPS, 12, SignalFilter.ALL);

        Dip north = found.stream()
                .filter(dip -> "region".equals(dip.field()) && planted.region().equals(dip.slice()))
                .filter(dip -> dip.period().equals(month))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no dip in " + planted.region() + " " + month + " among "
                        + found.stream().map(Dip::title).toList()));
        assertThat(north.change().delta()).isNegative();
        assertThat(north.qValue()).isLessThan(0.05);
        assertThat(north.drivers())
                .filteredOn(driver -> driver.field().equals("attributes.intent"))
                .extracting(DipDriver::value)
                .as("the intents planted in the dip are among its drivers: %s", north.drivers())
                .containsAnyElementsOf(planted.intents());

        // every other region-month stays quiet: the only regional dip is the planted one
        assertThat(found.stream()
                        .filter(dip -> "region".equals(dip.field()))
                        .map(dip -> dip.slice() + " " + dip.period())
                        .toList())
                .containsExactly(planted.region() + " " + month);
    }

    @Test
    void mixAndRateOfEachFieldAddUpToTheChange() {
        PlantedDip planted = PlantedDip.endingIn(DemoGenerator.lastMonth(demo.today()));
        Dip north = dips.find(Dips.Measure.NPS, 12, SignalFilter.ALL).stream()
                .filter(dip -> "region".equals(dip.field()) && planted.region().equals(dip.slice()))
                .findFirst()
                .orElseThrow();
        Map<String, Double> byField =
                dips
                        .allDrivers(Dips.Measure.NPS, SignalFilter.ALL, north.field(), north.slice(), north.period())
                        .stream()
                        .collect(Collectors.groupingBy(DipDriver::field, Collectors.summingDouble(DipDriver::total)));
        assertThat(byField).isNotEmpty();
        byField.forEach(
                (field, total) -> assertThat(total).as(field).isCloseTo(north.after() - north.before(), within(1e-6)));
    }
}
