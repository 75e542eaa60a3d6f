package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.earshot.Chromium;
import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.UnitRule;
import io.earshot.access.Units;
import io.earshot.metric.Nps;
import io.earshot.signal.SignalFilter;
import java.net.http.HttpResponse;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
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
 * The Drivers page and API over real HTTP on a hand-made store whose themes are written by SQL (as theme discovery
 * would write them), so every figure can be worked out by hand:
 *
 * <pre>
 *   40 North Retail   "down again"  NPS 0,  CSAT 1   theme 1 "outage · down"   (active)
 *   40 South Retail   "friendly"    NPS 10, CSAT 5   theme 2 "staff · friendly" (active)
 *   20 South Business "fine"        NPS 8,  CSAT 4   no theme
 *   10 North Business "old words"   NPS 10, CSAT 5   theme 3 (merged: counts as no theme)
 *    5 North Business "slow"        NPS 9            theme 4 "slow · wait"     (active, a small sample)
 * </pre>
 *
 * All: 115 NPS responses, 55 promoters, 40 detractors, NPS 13.04…; CSAT 70 of 110 satisfied.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DriversTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Units units;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void storeOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        String company = WebSession.company(context);
        units.create("north", "North", company);
        units.addRule("north", new UnitRule("region", "North"));
        List<StoredSignals.Signal> signals = new ArrayList<>();
        signals.addAll(times(
                40,
                signal().region("North")
                        .segment("Retail")
                        .text("down again")
                        .nps(0)
                        .csat(1)));
        signals.addAll(times(
                40,
                signal().region("South")
                        .segment("Retail")
                        .text("friendly")
                        .nps(10)
                        .csat(5)));
        signals.addAll(times(
                20,
                signal().region("South").segment("Business").text("fine").nps(8).csat(4)));
        signals.addAll(times(
                10,
                signal().region("North")
                        .segment("Business")
                        .text("old words")
                        .nps(10)
                        .csat(5)));
        signals.addAll(times(
                5, signal().region("North").segment("Business").text("slow").nps(9)));
        StoredSignals.insert(jdbc, signals);
        theme(1, "outage · down", "active", "down again");
        theme(2, "staff · friendly", "active", "friendly");
        theme(3, "old · words", "merged", "old words");
        theme(4, "slow · wait", "active", "slow");
    }

    private void theme(int id, String label, String status, String text) {
        jdbc.update(
                "INSERT INTO theme (id, label, key_phrases, status, created_at, updated_at) VALUES (?, ?, ?, ?, now(), now())",
                id,
                label,
                label,
                status);
        jdbc.update("INSERT INTO signal_theme SELECT id, ?, 0.9 FROM signal WHERE text = ?", id, text);
    }

    private JsonNode api(WebSession session, String query) {
        HttpResponse<String> answer = session.get("/api/v1/drivers" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    private static JsonNode theme(JsonNode body, int id) {
        return StreamSupport.stream(body.get("themes").spliterator(), false)
                .filter(theme -> theme.get("id").asInt() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no theme " + id + " in " + body.get("themes")));
    }

    @Test
    void eachThemeHasItsVolumeShareScoreAndImpactOnTheOverallScore() {
        JsonNode body = api(WebSession.as(context, port, "analyst@drivers.test", Role.ANALYST), "?metric=nps");

        assertThat(body.get("signals").asLong()).isEqualTo(115);
        assertThat(body.get("responses").asLong()).isEqualTo(115);
        assertThat(body.get("score").asDouble()).isCloseTo(100.0 * 15 / 115, within(1e-9));
        assertThat(body.get("unthemed").asLong())
                .as("no theme, and the merged theme's")
                .isEqualTo(30);
        assertThat(body.get("themes"))
                .extracting(theme -> theme.get("id").asInt())
                .as("the merged theme is not listed; most negative impact first")
                .containsExactly(1, 4, 2);

        JsonNode outage = theme(body, 1);
        assertThat(outage.get("label").asString()).isEqualTo("outage · down");
        assertThat(outage.get("volume").asLong()).isEqualTo(40);
        assertThat(outage.get("share").asDouble()).isCloseTo(40.0 / 115, within(1e-12));
        assertThat(outage.get("nps").get("value").asDouble()).isEqualTo(-100.0);
        // overall 13.04… minus the 75 others' NPS 100·55/75 = 73.33…
        assertThat(outage.get("nps_impact").get("value").asDouble())
                .isCloseTo(100.0 * 15 / 115 - 100.0 * 55 / 75, within(1e-9));
        Impact expected = Impact.ofNps(new Nps(40, 0, 40), new Nps(75, 55, 0));
        assertThat(outage.get("nps_impact").get("ci_low").asDouble()).isCloseTo(expected.ciLow(), within(1e-9));
        assertThat(outage.get("nps_impact").get("ci_high").asDouble()).isCloseTo(expected.ciHigh(), within(1e-9));
        assertThat(outage.get("nps_impact").get("significant").asBoolean()).isTrue();
        // CSAT: none of 40 satisfied against 70 of the 70 others: 63.63… − 100
        assertThat(outage.get("csat").get("value").asDouble()).isEqualTo(0.0);
        assertThat(outage.get("csat_impact").get("value").asDouble()).isCloseTo(100.0 * 70 / 110 - 100.0, within(1e-9));

        JsonNode slow = theme(body, 4);
        assertThat(slow.get("nps").get("small_sample").asBoolean()).isTrue();
        assertThat(slow.get("nps_impact").get("value").asDouble())
                .isCloseTo(100.0 * 15 / 115 - 100.0 * 10 / 110, within(1e-9));
        assertThat(slow.get("csat").get("n").asLong()).isZero();
        assertThat(slow.get("csat_impact").isNull()).isTrue();
        assertThat(slow.get("verbatims").asString()).isEqualTo(ThemeLinks.href(4, SignalFilter.ALL));
    }

    @Test
    void keyDriversCompareTheMeanWithAndWithoutEachDriverAndRankByImpact() {
        JsonNode body = api(WebSession.as(context, port, "analyst@drivers.test", Role.ANALYST), "");

        JsonNode first = body.get("drivers").get(0);
        assertThat(first.get("field").asString() + "=" + first.get("value").asString())
                .isEqualTo("theme=1");
        // mean with −100, without 73.33…; effect × share is the theme's impact
        assertThat(first.get("effect").asDouble()).isCloseTo(-100 - 100.0 * 55 / 75, within(1e-9));
        assertThat(first.get("impact").asDouble())
                .isCloseTo(theme(body, 1).get("nps_impact").get("value").asDouble(), within(1e-9));
        assertThat(first.get("p").isNull())
                .as("no variance with the theme but some without: testable")
                .isFalse();
        JsonNode north = StreamSupport.stream(body.get("drivers").spliterator(), false)
                .filter(d -> d.get("field").asString().equals("region")
                        && d.get("value").asString().equals("North"))
                .findFirst()
                .orElseThrow();
        // North: 40 detractors, 15 promoters of 55 → mean −45.45…; South: 40 promoters, 20 passives → 66.66…
        assertThat(north.get("n").asLong()).isEqualTo(55);
        assertThat(north.get("mean_with").asDouble()).isCloseTo(-2500.0 / 55, within(1e-9));
        assertThat(north.get("mean_without").asDouble()).isCloseTo(4000.0 / 60, within(1e-9));
        assertThat(north.get("p").asDouble()).isLessThan(0.001);
        assertThat(north.get("q").asDouble())
                .isGreaterThanOrEqualTo(north.get("p").asDouble());
        assertThat(north.get("verbatims").asString()).isEqualTo("/verbatims?f.region=North&score=nps");

        JsonNode regression = body.get("regression");
        assertThat(regression.get("references").get("region").asString()).isEqualTo("South");
        assertThat(regression.get("references").get("segment").asString()).isEqualTo("Retail");
        assertThat(regression.get("references").get("theme").asString()).isEqualTo("outage · down");
        assertThat(regression.get("terms").size() + regression.get("aliased").size())
                .as("theme 2, 4 and none; North; Business")
                .isEqualTo(5);
    }

    @Test
    void aViewerSeesOnlyTheSignalsOfTheirUnits() {
        JsonNode body = api(WebSession.as(context, port, "north@drivers.test", Role.LEADER, "north"), "");

        assertThat(body.get("signals").asLong()).isEqualTo(55);
        assertThat(body.get("themes"))
                .extracting(theme -> theme.get("id").asInt())
                .containsExactlyInAnyOrder(1, 4);
        assertThat(body.get("drivers"))
                .extracting(
                        d -> d.get("field").asString() + "=" + d.get("value").asString())
                .doesNotContain("region=South", "theme=2");
    }

    @Test
    void filtersAndDatesNarrowTheSelection() {
        WebSession analyst = WebSession.as(context, port, "analyst@drivers.test", Role.ANALYST);

        assertThat(api(analyst, "?f.segment=Business").get("signals").asLong()).isEqualTo(35);
        assertThat(api(analyst, "?from=2025-03-06").get("signals").asLong()).isZero();
        assertThat(api(analyst, "?from=2025-03-01&to=2025-04-01").get("signals").asLong())
                .isEqualTo(115);
        JsonNode csat = api(analyst, "?metric=csat");
        assertThat(csat.get("responses").asLong()).isEqualTo(110);
        assertThat(csat.get("score").asDouble()).isCloseTo(100.0 * 70 / 110, within(1e-9));
    }

    @Test
    void badParametersAreRefusedWithWhatWouldBeAccepted() {
        WebSession analyst = WebSession.as(context, port, "analyst@drivers.test", Role.ANALYST);

        assertBadRequest(analyst, "/api/v1/drivers?metric=ces", "Unknown metric 'ces' for drivers; use nps or csat");
        assertBadRequest(
                analyst,
                "/api/v1/drivers?from=2025-13-01",
                "'from' must be a date written yyyy-mm-dd, such as 2025-01-31, not '2025-13-01'");
        assertBadRequest(
                analyst,
                "/api/v1/drivers?from=2025-04-01&to=2025-03-01",
                "The date range must end after it starts: from 2025-04-01 to 2025-03-01");
        assertBadRequest(analyst, "/api/v1/drivers?f.theme=1", "Unknown field 'theme' in filter");
        HttpResponse<String> page = analyst.get("/drivers?metric=ces");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Unknown metric &#39;ces&#39; for drivers; use nps or csat");
    }

    private void assertBadRequest(WebSession session, String path, String message) {
        HttpResponse<String> answer = session.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(json.readTree(answer.body()).get("error").asString())
                .as(path)
                .startsWith(message);
    }

    @Test
    void everyRoleThatReadsMetricsMayOpenTheDriversButOnlyReadersOfTextGetLinks() {
        String leaderPage = WebSession.as(context, port, "leader@drivers.test", Role.LEADER)
                .get("/drivers")
                .body();
        assertThat(leaderPage)
                .contains("outage · down", "small sample", "href=\"" + ThemeLinks.href(1, SignalFilter.ALL) + "\"")
                .contains("href=\"/verbatims?f.region=North&amp;score=nps\"");

        WebSession viewer = WebSession.as(context, port, "viewer@drivers.test", Role.VIEWER);
        HttpResponse<String> viewerPage = viewer.get("/drivers");
        assertThat(viewerPage.statusCode()).isEqualTo(200);
        assertThat(viewerPage.body()).contains("outage · down").doesNotContain("/verbatims?");
        assertThat(viewer.get("/api/v1/drivers").statusCode()).isEqualTo(200);

        assertThat(WebSession.anonymous(port).get("/api/v1/drivers").statusCode())
                .isEqualTo(401);
    }

    @Test
    void onAPhoneTheTablesScrollAndADriverOpensItsVerbatims() {
        WebSession.user(context, "phone@drivers.test", Role.ANALYST);
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
            page.navigate("http://localhost:" + port + "/signin");
            page.fill("input[name=email]", "phone@drivers.test");
            page.fill("input[name=password]", WebSession.PASSWORD);
            page.click("button[type=submit]:text-is('Sign in')");
            page.waitForURL("http://localhost:" + port + "/");
            page.click("nav a:has-text('Drivers')");
            page.waitForSelector("table#drivers");

            int overflow = ((Number) page.evaluate(
                            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .intValue();
            assertThat(overflow).as("horizontal overflow of the page").isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Paths.get("target", "screenshots", "drivers-390.png"))
                    .setFullPage(true));
            page.click("tr[data-driver='region=North'] a");
            page.waitForURL("**/verbatims?**");
            assertThat(page.locator("[data-testid=total]").textContent()).isEqualTo("55");
        }
    }

    @Test
    void withoutActiveThemesThePageSaysHowThemesComeAbout() {
        jdbc.update("UPDATE theme SET status = 'deleted' WHERE status = 'active'");
        try {
            WebSession analyst = WebSession.as(context, port, "analyst@drivers.test", Role.ANALYST);
            assertThat(analyst.get("/drivers").body())
                    .contains("themes appear once texts are embedded and themes are discovered")
                    .contains("id=\"drivers\"");
            JsonNode body = api(analyst, "");
            assertThat(body.get("themes_exist").asBoolean()).isFalse();
            assertThat(body.get("themes")).isEmpty();
            assertThat(body.get("unthemed").asLong()).isEqualTo(115);
        } finally {
            jdbc.update("UPDATE theme SET status = 'active' WHERE id IN (1, 2, 4)");
        }
    }
}
