package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.KeyboardModifier;
import io.earshot.Chromium;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real Chromium, on the 8-second test recording: a reel of two short clips plays through, each after its title
 * card, and reports what was watched; a clip's page seeks its video to the clip's start and stops at its end.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ClipBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    @Value("${earshot.data-dir}")
    Path dataDir;

    static Chromium chromium;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clips clips;

    @Autowired
    Reels reels;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private List<Clip> twoClips() {
        User facilitator = WebSession.user(context, "facilitator@browser.test", Role.FACILITATOR);
        ClipFixtures.Recorded recorded = new ClipFixtures(context, dataDir)
                .recorded(
                        List.of("Ana"),
                        facilitator.id(),
                        "I wanted to pay my rent",
                        "The card was blocked without a word",
                        "Support unblocked it in minutes",
                        "Now I trust the alerts");
        return List.of(
                clips.create(
                        recorded.recordingId(), new Clips.Draft(2000, 3500, "Blocked card", "", "", List.of()), "test"),
                clips.create(
                        recorded.recordingId(),
                        new Clips.Draft(4500, 6000, "Quick unblock", "", "", List.of()),
                        "test"));
    }

    private Page signedIn(String email, Role role) {
        WebSession.user(context, email, role);
        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.navigate(url("/signin"));
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", WebSession.PASSWORD);
        page.click("button[type=submit]:text-is('Sign in')");
        page.waitForURL(url("/"));
        return page;
    }

    @Test
    void aReelBuiltOnItsPagesPlaysThroughWithATitleCardBeforeEach() throws InterruptedException {
        List<Clip> made = twoClips();
        Page page = signedIn("analyst@browser.test", Role.ANALYST);
        page.navigate(url("/reels"));
        page.fill("[data-testid=new-reel] input[name=title]", "Cards that block");
        page.fill("[data-testid=new-reel] textarea[name=description]", "For the risk team");
        page.click("[data-testid=new-reel] button:text-is('Make reel')");
        page.waitForURL(url -> url.matches(".*/reels/[0-9a-f-]{36}.*"));
        for (Clip clip : made) {
            page.selectOption(
                    "[data-testid=add-clip] select[name=clip]", clip.id().toString());
            page.click("[data-testid=add-clip] button:text-is('Add to reel')");
            page.waitForLoadState();
        }
        Reel reel = reels.all().stream()
                .filter(found -> found.title().equals("Cards that block"))
                .findFirst()
                .orElseThrow();
        assertThat(reels.entries(reel.id())).hasSize(2);

        page.click("[data-play-reel]");

        page.waitForSelector("#reel-player[data-state='card:0']");
        assertThat(page.locator("[data-testid=title-card] .title-card-title").textContent())
                .isEqualTo("Blocked card");
        assertThat(page.locator("[data-testid=title-card] .title-card-quote").textContent())
                .isEqualTo("\u201cThe card was blocked without a word\u201d");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("reel-title-card.png"))
                .setFullPage(true));
        page.waitForSelector("#reel-player[data-state='playing:0']");
        page.waitForSelector("#reel-player[data-state='card:1']", new Page.WaitForSelectorOptions().setTimeout(15_000));
        assertThat(page.locator("[data-testid=title-card] .title-card-title").textContent())
                .isEqualTo("Quick unblock");
        page.waitForSelector("#reel-player[data-state='playing:1']");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("reel-playing.png"))
                .setFullPage(true));
        page.waitForSelector("#reel-player[data-state='ended']", new Page.WaitForSelectorOptions().setTimeout(15_000));

        assertThat(page.locator("#reel-player").getAttribute("data-cards")).isEqualTo("Blocked card|Quick unblock");
        assertThat(page.locator("#reel-player").getAttribute("data-failed")).isNull();
        awaitViews(2);
        List<Double> seconds = jdbc.queryForList(
                "SELECT seconds FROM clip_view WHERE reel_id = ? ORDER BY clip_id = ?",
                Double.class,
                reel.id(),
                made.get(1).id());
        assertThat(seconds).hasSize(2).allSatisfy(played -> assertThat(played).isBetween(1.0, 1.5));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("reel-ended.png"))
                .setFullPage(true));
        page.close();
    }

    @Test
    void aClipPageSeeksTheVideoToTheClipAndStopsAtItsEnd() {
        Clip clip = twoClips().get(1);
        Page page = signedIn("leader@browser.test", Role.LEADER);
        page.navigate(url("/clips/" + clip.id()));

        page.waitForSelector("[data-clip-player][data-state='ready']");
        double atStart =
                ((Number) page.evaluate("() => document.getElementById('clip-video').currentTime")).doubleValue();
        assertThat(atStart).isCloseTo(4.5, org.assertj.core.data.Offset.offset(0.1));
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("clip-page.png"))
                .setFullPage(true));

        page.evaluate("() => { const v = document.getElementById('clip-video'); v.muted = true; return v.play(); }");
        page.waitForSelector(
                "[data-clip-player][data-state='ended']", new Page.WaitForSelectorOptions().setTimeout(10_000));

        double atEnd =
                ((Number) page.evaluate("() => document.getElementById('clip-video').currentTime")).doubleValue();
        assertThat(atEnd).isBetween(6.0, 6.4);
        assertThat((Boolean) page.evaluate("() => document.getElementById('clip-video').paused"))
                .isTrue();
        page.close();
    }

    @Test
    void theClipToolsSelectTranscriptLinesOrTakeMarksFromThePlayerAndMakeTheClip() {
        User facilitator = WebSession.user(context, "facilitator@browser.test", Role.FACILITATOR);
        ClipFixtures.Recorded recorded = new ClipFixtures(context, dataDir)
                .recorded(
                        List.of("Ana"),
                        facilitator.id(),
                        "The branch closed early",
                        "I queued for an hour",
                        "Nobody told me about the app",
                        "Next time I will call");
        Clip whole = clips.create(recorded.recordingId(), new Clips.Draft(0, 8000, "Whole", "", "", List.of()), "test");
        Page page = signedIn("facilitator@browser.test", Role.FACILITATOR);
        page.navigate(url("/reels"));
        // the player page is built elsewhere: a stand-in with its transcript lines and #player around the fragment
        StringBuilder lines = new StringBuilder();
        for (int n = 1; n <= 4; n++) {
            lines.append("<p data-number='%d' data-start-ms='%d' data-end-ms='%d'><span data-text>line %d</span></p>"
                    .formatted(n, (n - 1) * 2000, n * 2000, n));
        }
        page.setContent("<html><head>" + page.innerHTML("head") + "</head><body><video id='player' muted src='"
                + url("/clips/" + whole.id() + "/media") + "'></video>" + lines + tools(recorded.recordingId())
                + "</body></html>");
        page.waitForFunction("() => document.getElementById('player').readyState >= 1");

        page.click("[data-number='2']");
        page.click("[data-number='3']", new Page.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
        assertThat(page.inputValue("input[name=startMs]")).isEqualTo("2000");
        assertThat(page.inputValue("input[name=endMs]")).isEqualTo("6000");
        assertThat(page.locator("[data-testid=clip-range]").textContent()).isEqualTo("From 0:02 to 0:06 (4.0 s)");
        assertThat(page.getAttribute("textarea[name=quote]", "placeholder")).isEqualTo("line 2 line 3");

        page.evaluate("() => { document.getElementById('player').currentTime = 1; }");
        page.waitForFunction("() => !document.getElementById('player').seeking");
        page.click("[data-mark=in]");
        page.evaluate("() => { document.getElementById('player').currentTime = 2.5; }");
        page.waitForFunction("() => !document.getElementById('player').seeking");
        page.click("[data-mark=out]");
        page.fill("input[name=title]", "Queued for an hour");
        page.fill("input[name=tags]", "branches");
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("clip-tools.png"))
                .setFullPage(true));
        page.evaluate("() => { const f = document.querySelector('[data-testid=clip-form]');"
                + " const t = document.createElement('input'); t.type = 'hidden'; t.name = '_csrf';"
                + " t.value = document.querySelector('meta[name=csrf-token]').content; f.appendChild(t); }");
        page.click("button:text-is('Make clip')");
        page.waitForSelector("[data-testid=clip-title]");

        Clip made = clips.ofRecording(recorded.recordingId()).stream()
                .map(ClipStatus::clip)
                .filter(clip -> clip.title().equals("Queued for an hour"))
                .findFirst()
                .orElseThrow();
        assertThat(page.url()).isEqualTo(url("/clips/" + made.id() + "?done=created"));
        assertThat(made.startMs()).isEqualTo(1000);
        assertThat(made.endMs()).isEqualTo(2500);
        assertThat(made.quote()).isEqualTo("The branch closed early I queued for an hour");
        assertThat(made.tags()).containsExactly("branches");
        page.close();
    }

    /** The clip tools fragment as the application's template engine renders it for recording {@code id}. */
    private String tools(java.util.UUID id) {
        org.springframework.mock.web.MockHttpServletRequest request =
                new org.springframework.mock.web.MockHttpServletRequest("GET", "/");
        org.thymeleaf.web.servlet.IServletWebExchange exchange =
                org.thymeleaf.web.servlet.JakartaServletWebApplication.buildApplication(request.getServletContext())
                        .buildExchange(request, new org.springframework.mock.web.MockHttpServletResponse());
        org.thymeleaf.context.WebContext variables = new org.thymeleaf.context.WebContext(exchange);
        variables.setVariable(
                org.thymeleaf.spring6.expression.ThymeleafEvaluationContext
                        .THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new org.thymeleaf.spring6.expression.ThymeleafEvaluationContext(context, null));
        variables.setVariable("recording", new StandIn(id));
        variables.setVariable("lines", List.of());
        String page = context.getBean(org.thymeleaf.spring6.SpringTemplateEngine.class)
                .process("programme/clip-tools-standin", variables);
        return page.substring(page.indexOf("<section"), page.lastIndexOf("</section>") + "</section>".length());
    }

    /** What the fragment needs of a recording. */
    record StandIn(java.util.UUID id) {}

    private void awaitViews(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("SELECT count(*) FROM clip_view", Integer.class) < count) {
            assertThat(System.nanoTime()).as("waited 10 s for the views").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
