package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dips on hand-made data: North's NPS falls from 100 to 0 in the latest complete month while South holds at 100; the
 * drop is found in North and overall (where North explains it), not in South, and is announced once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DipsTests {

    @TestConfiguration
    static class Announcements {
        final List<DipDetected> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(DipDetected detected) {
            seen.add(detected);
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Metrics metrics;

    @Autowired
    Dips dips;

    @LocalServerPort
    int port;

    LocalDate latest;

    @BeforeEach
    void storeOnce() {
        latest = metrics.latestComplete(Period.MONTH);
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        LocalDate before = latest.minusMonths(1);
        List<StoredSignals.Signal> signals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            signals.add(signal().region("North")
                    .at(before.plusDays(i % 20).atTime(10, 0))
                    .nps(10));
            signals.add(signal().region("North")
                    .at(latest.plusDays(i % 20).atTime(10, 0))
                    .nps(i < 20 ? 10 : 0)
                    .attribute("topic", i < 20 ? "praise" : "outage"));
            signals.add(signal().region("South")
                    .at(before.plusDays(i % 20).atTime(10, 0))
                    .nps(10));
            signals.add(signal().region("South")
                    .at(latest.plusDays(i % 20).atTime(10, 0))
                    .nps(10));
        }
        StoredSignals.insert(jdbc, signals);
    }

    @Test
    void findsTheDropInNorthAndOverallButNotInSouth() {
        List<Dip> found = dips.find(Dips.Measure.NPS, 3, SignalFilter.ALL);

        assertThat(found)
                .extracting(Dip::title)
                .containsExactlyInAnyOrder(
                        "NPS in region North, " + Period.MONTH.label(latest),
                        "NPS in all signals, " + Period.MONTH.label(latest));
        Dip overall =
                found.stream().filter(dip -> dip.field() == null).findFirst().orElseThrow();
        assertThat(overall.before()).isEqualTo(100.0);
        assertThat(overall.after()).isEqualTo(50.0);
        // the sharpest explanation first: the new "outage" topic took far more of the drop than its quarter of
        // responses
        assertThat(overall.drivers().getFirst().field() + "="
                        + overall.drivers().getFirst().value())
                .isEqualTo("attributes.topic=outage");
        DipDriver north = overall.drivers().stream()
                .filter(driver -> driver.field().equals("region"))
                .findFirst()
                .orElseThrow();
        assertThat(north.value()).isEqualTo("North");
        assertThat(north.total()).as("all of the drop").isCloseTo(-50.0, within(1e-9));
        assertThat(north.rate()).as("North's own score fell").isCloseTo(-50.0, within(1e-9));
        assertThat(north.mix()).as("North's share did not change").isCloseTo(0.0, within(1e-9));
        Dip inNorth =
                found.stream().filter(dip -> dip.field() != null).findFirst().orElseThrow();
        assertThat(inNorth.drivers())
                .extracting(driver -> driver.field() + "=" + driver.value())
                .contains("attributes.topic=outage");
    }

    @Test
    void benjaminiHochbergAdjustsForTheNumberOfTests() {
        assertThat(Significance.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005}))
                .containsExactly(0.02, 0.04, 0.04, 0.02);
    }

    @Test
    void apiAndPageShowTheDipsWithTheirDrivers() {
        WebSession analyst = WebSession.as(context, port, "analyst@dips.test", Role.ANALYST);
        var answer = analyst.get("/api/v1/dips?metric=nps&months=3");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(answer.body());
        assertThat(body.get("dips")).hasSize(2);
        assertThat(body.get("dips").get(0).get("verbatims").asString()).startsWith("/verbatims?");

        String page = analyst.get("/dips?months=3").body();
        assertThat(page).contains("NPS in region North, " + Period.MONTH.label(latest), "region");

        assertThat(analyst.get("/api/v1/dips?months=99").statusCode()).isEqualTo(400);
        assertThat(analyst.get("/api/v1/dips?metric=ces").statusCode()).isEqualTo(400);
    }

    @Test
    void newDipsAreAnnouncedOnce() {
        Announcements announcements = context.getBean(Announcements.class);
        DipWatch watch = context.getBean(DipWatch.class);
        List<Dip> first = watch.check();
        assertThat(first).hasSize(2);
        assertThat(watch.check()).as("announced already").isEmpty();
        assertThat(announcements.seen)
                .extracting(detected -> detected.dip().title())
                .contains("NPS in region North, " + Period.MONTH.label(latest));
    }
}
