package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.metric.Dip;
import io.earshot.metric.DipDriver;
import io.earshot.metric.DipExplanation;
import io.earshot.metric.Dips;
import io.earshot.metric.Metrics;
import io.earshot.metric.Period;
import io.earshot.signal.SignalFilter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dips explained by themes, checking the shift-share arithmetic on a hand-made store whose themes are assigned by SQL
 * (not discovered: the test is about the formula). In the month before the latest complete one, 40 North and 40 South
 * signals all score NPS 10 and belong to no theme; in the latest, South holds (40 at 10, no theme) while North's 40
 * split into 20 praising (theme 2, NPS 10) and 20 about an outage (theme 1, NPS 0). NPS falls from 100 to 50.
 *
 * <p>By hand, with the mean score of the two months 75 and weights w₀, w₁ of each group: outage w₁ = 0.25 scoring
 * −100, mix 0.25·(−100 − 75) = −43.75, rate 0, expected share of the drop 0.125·(−50) = −6.25; praise mix 0.25·(100 −
 * 75) = 6.25; no theme w₀ = 1, w₁ = 0.5 at 100, mix −0.5·25 = −12.5. The three add up to the drop, −50.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ThemeDipsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Metrics metrics;

    @Autowired
    Dips dips;

    @Autowired
    ThemeDipExplainer explainer;

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
        signals.addAll(times(
                40,
                signal().region("North")
                        .at(before.plusDays(3).atTime(9, 0))
                        .nps(10)
                        .text("ok")));
        signals.addAll(times(
                40,
                signal().region("South")
                        .at(before.plusDays(3).atTime(9, 0))
                        .nps(10)
                        .text("ok")));
        signals.addAll(times(
                40,
                signal().region("South")
                        .at(latest.plusDays(3).atTime(9, 0))
                        .nps(10)
                        .text("ok")));
        signals.addAll(times(
                20,
                signal().region("North")
                        .at(latest.plusDays(4).atTime(9, 0))
                        .nps(10)
                        .text("lovely staff")));
        signals.addAll(times(
                20,
                signal().region("North")
                        .at(latest.plusDays(5).atTime(9, 0))
                        .nps(0)
                        .text("app down again")));
        StoredSignals.insert(jdbc, signals);
        for (Object[] theme : List.of(
                new Object[] {1, "outage · down", "app down again"},
                new Object[] {2, "staff · lovely", "lovely staff"})) {
            jdbc.update(
                    "INSERT INTO theme (id, label, key_phrases, status, created_at, updated_at)"
                            + " VALUES (?, ?, ?, 'active', now(), now())",
                    theme[0],
                    theme[1],
                    theme[1]);
            jdbc.update("INSERT INTO signal_theme SELECT id, ?, 0.8 FROM signal WHERE text = ?", theme[0], theme[2]);
        }
    }

    @Test
    void themeContributionsFollowShiftShareAndAddUpToTheDrop() {
        Map<String, DipDriver> byTheme =
                explainer.contributions(Dips.Measure.NPS, SignalFilter.ALL, latest.minusMonths(1), latest).stream()
                        .map(DipExplanation::driver)
                        .collect(Collectors.toMap(driver -> String.valueOf(driver.value()), Function.identity()));

        assertThat(byTheme.keySet()).containsExactlyInAnyOrder("1", "2", "null");
        DipDriver outage = byTheme.get("1");
        assertThat(outage.nBefore()).isZero();
        assertThat(outage.nAfter()).isEqualTo(20);
        assertThat(outage.mix()).isCloseTo(-43.75, within(1e-9));
        assertThat(outage.rate()).isCloseTo(0.0, within(1e-9));
        assertThat(outage.excess()).isCloseTo(-37.5, within(1e-9));
        assertThat(byTheme.get("2").mix()).isCloseTo(6.25, within(1e-9));
        assertThat(byTheme.get("null").mix()).isCloseTo(-12.5, within(1e-9));
        assertThat(byTheme.values().stream().mapToDouble(DipDriver::total).sum())
                .as("the whole drop")
                .isCloseTo(-50.0, within(1e-9));
    }

    @Test
    void theOverallDipListsTheOutageThemeWithItsVerbatims() {
        Dip overall = dips.find(Dips.Measure.NPS, 3, SignalFilter.ALL).stream()
                .filter(dip -> dip.field() == null)
                .findFirst()
                .orElseThrow();

        List<DipExplanation> explanations = dips.explanations(overall, SignalFilter.ALL);

        assertThat(explanations)
                .extracting(DipExplanation::label)
                .as("only what took more than its share, and never the signals without a theme")
                .containsExactly("outage · down");
        assertThat(explanations.getFirst().href())
                .isEqualTo(ThemeLinks.href(1, SignalFilter.ALL.between(latest, latest.plusMonths(1))));
    }

    @Test
    void theDipsApiAndPageShowTheThemes() {
        WebSession analyst = WebSession.as(context, port, "analyst@theme-dips.test", Role.ANALYST);
        JsonNode body = JsonMapper.builder()
                .build()
                .readTree(analyst.get("/api/v1/dips?metric=nps&months=3").body());
        JsonNode overall = null;
        for (JsonNode dip : body.get("dips")) {
            if (dip.get("field").isNull()) {
                overall = dip;
            }
        }
        assertThat(overall).isNotNull();
        JsonNode outage = overall.get("explanations").get(0);
        assertThat(outage.get("label").asString()).isEqualTo("outage · down");
        assertThat(outage.get("id").asString()).isEqualTo("1");
        assertThat(outage.get("mix").asDouble()).as("−43.75 rounded half up").isEqualTo(-43.7);
        assertThat(outage.get("excess").asDouble()).isEqualTo(-37.5);

        String page = analyst.get("/dips?months=3").body();
        assertThat(page).contains("Themes that explain it", "outage · down");
    }
}
