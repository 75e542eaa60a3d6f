package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.earshot.Chromium;
import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dashboard in a real Chromium: overview, breakdown, a drill-down to verbatims, on desktop and phone widths. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class MetricBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final List<String> REGIONS = List.of("North", "South", "East", "West");

    static Chromium chromium;
    static Browser browser;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    /** What was stored, to know the expected counts: one entry per signal. */
    static final List<Map<String, Object>> stored = new ArrayList<>();

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** 360 signals over January to March 2025, four regions, most with an NPS score, some with CSAT or CES. */
    @BeforeEach
    void storeSignalsOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        Random random = new Random(42);
        List<StoredSignals.Signal> signals = new ArrayList<>();
        for (int i = 0; i < 360; i++) {
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            LocalDate day = LocalDate.of(2025, 1 + random.nextInt(3), 1 + random.nextInt(28));
            Integer nps = random.nextInt(10) < 8 ? random.nextInt(11) : null;
            Integer csat = random.nextBoolean() ? 1 + random.nextInt(5) : null;
            Integer ces = random.nextInt(4) == 0 ? 1 + random.nextInt(7) : null;
            signals.add(signal().region(region)
                    .at(day.toString())
                    .nps(nps)
                    .csat(csat)
                    .ces(ces)
                    .customer("C-" + random.nextInt(90))
                    .text("Signal " + i + " from " + region + ": the branch "
                            + (nps != null && nps > 8 ? "was great" : "kept me waiting")));
            java.util.HashMap<String, Object> row = new java.util.HashMap<>();
            row.put("region", region);
            row.put("month", day.getMonthValue());
            row.put("nps", nps);
            stored.add(row);
        }
        StoredSignals.insert(jdbc, signals);
    }

    @Test
    void drillsFromTheDashboardThroughTheBreakdownToTheVerbatimsBehindACell() {
        Page page = signedIn(1280, 900);
        page.navigate(url("/"));
        page.waitForSelector("#nps-trend[data-ready=true]");

        assertThat(page.locator("[data-tile=NPS] .value").textContent()).isEqualTo(expectedNps(3));
        assertThat(page.locator("#compared").textContent()).contains("2025-03", "2025-02");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("overview-desktop.png"))
                .setFullPage(true));

        page.click("nav a:has-text('Breakdown')");
        page.waitForSelector("table#breakdown");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("breakdown-desktop.png"))
                .setFullPage(true));
        String shownN = page.locator("tr[data-slice=North] a[data-cell=n]").textContent();
        page.click("tr[data-slice=North] a[data-cell=n]");
        page.waitForURL("**/verbatims?**");

        long expected = stored.stream()
                .filter(row ->
                        row.get("region").equals("North") && row.get("month").equals(3) && row.get("nps") != null)
                .count();
        assertThat(shownN).isEqualTo(String.valueOf(expected));
        assertThat(page.locator("[data-testid=total]").textContent()).isEqualTo(String.valueOf(expected));
        assertThat(page.locator("article.verbatim").count()).isEqualTo((int) Math.min(expected, 25));
        assertThat(page.locator("article.verbatim").first().textContent()).contains("region: North");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("verbatims-desktop.png"))
                .setFullPage(true));
        page.close();
    }

    @Test
    void aTrendPointOpensTheVerbatimsOfItsPeriod() {
        Page page = signedIn(1280, 900);
        page.navigate(url("/"));
        page.waitForSelector("#nps-trend[data-ready=true]");

        // Click the February point where ECharts drew it.
        Object[] point = ((List<?>) page.evaluate("() => { const el = document.getElementById('nps-trend');"
                        + " const c = echarts.getInstanceByDom(el);"
                        + " const p = JSON.parse(document.getElementById('nps-trend-data').textContent)[1];"
                        + " const xy = c.convertToPixel({seriesIndex: 2}, [1, p.nps]);"
                        + " const box = el.getBoundingClientRect();"
                        + " return [box.left + xy[0], box.top + xy[1]]; }"))
                .toArray();
        page.mouse().click(((Number) point[0]).doubleValue(), ((Number) point[1]).doubleValue());
        page.waitForURL("**/verbatims?**");

        long february = stored.stream()
                .filter(row -> row.get("month").equals(2) && row.get("nps") != null)
                .count();
        assertThat(page.url()).endsWith("/verbatims?from=2025-02-01&to=2025-03-01&score=nps");
        assertThat(page.locator("[data-testid=total]").textContent()).isEqualTo(String.valueOf(february));
        page.close();
    }

    @Test
    void fitsAPhoneScreen() {
        Page page = signedIn(390, 844);
        for (String name : List.of("overview", "breakdown", "verbatims")) {
            page.navigate(url(name.equals("overview") ? "/" : "/" + name));
            page.waitForLoadState();
            if (name.equals("overview")) {
                page.waitForSelector("#nps-trend[data-ready=true]");
            }
            int overflow = ((Number) page.evaluate(
                            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                    .intValue();
            assertThat(overflow).as("horizontal overflow of %s", name).isLessThanOrEqualTo(0);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve(name + "-390.png"))
                    .setFullPage(true));
        }
        page.close();
    }

    /** A new page of its own browser context, signed in as an analyst through the sign-in form. */
    private Page signedIn(int width, int height) {
        WebSession.user(context, "analyst@test.dev", Role.ANALYST);
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, height));
        page.navigate(url("/signin"));
        page.fill("input[name=email]", "analyst@test.dev");
        page.fill("input[name=password]", WebSession.PASSWORD);
        page.click("button[type=submit]:text-is('Sign in')");
        page.waitForURL(url("/"));
        return page;
    }

    private String expectedNps(int month) {
        long n = 0, promoters = 0, detractors = 0;
        for (Map<String, Object> row : stored) {
            if (row.get("month").equals(month) && row.get("nps") != null) {
                int score = (Integer) row.get("nps");
                n++;
                promoters += score >= 9 ? 1 : 0;
                detractors += score <= 6 ? 1 : 0;
            }
        }
        return String.format(Locale.ROOT, "%.1f", 100.0 * (promoters - detractors) / n);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
