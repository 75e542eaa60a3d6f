package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.earshot.Chromium;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.programme.CustomerSession;
import io.earshot.programme.CustomerSessions;
import io.earshot.programme.Panels;
import io.earshot.programme.Programme;
import io.earshot.programme.Programmes;
import io.earshot.programme.Recordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo programme on a real store (without the demo's signals, so its panel is made of contacts): cohorts, panel,
 * past and upcoming sessions, the recorded interviews with their transcripts, and leaders whose exposure differs as
 * planned, read through the exposure API and seen by a leader and a programme manager in a real Chromium.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class DemoProgrammeTests {

    @LocalServerPort
    int port;

    @Autowired
    Programmes programmes;

    @Autowired
    Panels panels;

    @Autowired
    CustomerSessions sessions;

    @Autowired
    Recordings recordings;

    @Autowired
    io.earshot.programme.Clips clips;

    @Autowired
    io.earshot.programme.Reels reels;

    @Autowired
    io.earshot.programme.Workshops workshops;

    @Autowired
    io.earshot.programme.ClosenessEvents events;

    static final List<String> said = new ArrayList<>();

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Chromium chromium;

    @org.junit.jupiter.api.AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeAll
    static void createTwice(@Autowired DemoUsers users, @Autowired DemoProgramme programme) {
        users.create(line -> {});
        programme.create(said::add);
        programme.create(said::add);
    }

    @Test
    void createsOneRunningProgrammeWithCohortsPanelAndSessions() {
        assertThat(programmes.all()).extracting(Programme::name).containsExactly(DemoProgramme.NAME);
        Programme programme = programmes.all().getFirst();
        assertThat(programmes.cohorts(programme.id())).hasSize(2);
        assertThat(panels.members(programme.id())).hasSize(8);
        List<CustomerSession> all = sessions.ofProgramme(programme.id());
        Instant now = Instant.now();
        assertThat(all.stream().filter(s -> s.isPast(now))).hasSize(8);
        assertThat(all.stream().filter(s -> !s.isPast(now))).hasSize(2);
        assertThat(said).hasSize(1);
    }

    @Test
    void threeSessionsHaveRecordedInterviewsWithTranscripts() {
        Programme programme = programmes.all().getFirst();
        var recorded = sessions.ofProgramme(programme.id()).stream()
                .flatMap(session -> recordings.ofSession(session.id()).stream())
                .toList();
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(recording -> {
            assertThat(recording.contentType()).isEqualTo("video/mp4");
            assertThat(recording.transcriptLines()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void theInterviewsBecameClipsInAReelAWorkshopWatchedAndAnEventWasHeld() {
        Programme programme = programmes.all().getFirst();
        assertThat(clips.all())
                .hasSize(6)
                .allSatisfy(status -> assertThat(status.clip().signalId()).isNotNull());
        assertThat(reels.all()).hasSize(1);
        assertThat(reels.entries(reels.all().getFirst().id())).hasSize(6);
        assertThat(workshops.ofProgramme(programme.id())).hasSize(2);
        assertThat(events.ofProgramme(programme.id())).hasSize(1);
    }

    @Test
    void leadersExposureDiffersAsPlanned() {
        WebSession admin = WebSession.signIn(port, "programmes@demo.earshot.dev", "demo");
        JsonNode leaders = JsonMapper.builder()
                .build()
                .readTree(admin.get("/api/v1/exposure").body())
                .get("leaders");
        Map<String, String> status = new HashMap<>();
        leaders.forEach(leader ->
                status.put(leader.get("name").asString(), leader.get("status").asString()));
        assertThat(status)
                .containsEntry("Lee Dersen", "on_track")
                .containsEntry("Helena Voss", "due_soon")
                .containsEntry("Noor Achter", "overdue")
                .containsEntry("Ravi Patel", "none")
                .containsEntry("Sofia Berg", "on_track");
    }

    @Test
    void aLeaderSeesTheirExposureAndAProgrammeManagerWhoHasMetHowManyCustomers() {
        chromium = chromium == null ? Chromium.launch() : chromium;
        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        signIn(page, "leader@demo.earshot.dev");
        page.click("header nav a:text-is('Closeness')");
        page.waitForURL(url("/closeness"));
        assertThat(page.locator("[data-testid=exposure-hours] .value").textContent())
                .isEqualTo("6.5 h");
        assertThat(page.locator("[data-testid=exposure-status] .value").textContent())
                .isEqualTo("On track");
        page.waitForSelector("#exposure-trend[data-ready=true]");
        assertThat(page.locator("[data-testid=encounters] li").count()).isEqualTo(5);
        assertThat(page.locator("[data-testid=upcoming] li").count()).isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("closeness-leader.png"))
                .setFullPage(true));
        page.setViewportSize(390, 844);
        page.reload();
        assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling on a phone")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("closeness-leader-phone.png"))
                .setFullPage(true));
        page.close();

        Page manager = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        signIn(manager, "programmes@demo.earshot.dev");
        manager.click("header nav a:text-is('Programmes')");
        manager.click("a:text-is('" + DemoProgramme.NAME + "')");
        assertThat(manager.locator("[data-testid=tallies] tr[data-leader='Lee Dersen'] td")
                        .allTextContents())
                .startsWith("Lee Dersen", "3", "3");
        manager.click("a:text-is('Feeling the wait')");
        assertThat(manager.locator("text=Waiting without news hurts more than waiting")
                        .count())
                .isEqualTo(1);
        manager.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("programme-manager.png"))
                .setFullPage(true));
        manager.navigate(url("/closeness/team"));
        assertThat(manager.locator("[data-testid=team] tbody tr").first().getAttribute("data-status"))
                .isEqualTo("OVERDUE");
        manager.close();
    }

    private void signIn(Page page, String email) {
        page.navigate(url("/signin"));
        page.fill("input[name=email]", email);
        page.fill("input[name=password]", "demo");
        page.click("button[type=submit]:text-is('Sign in')");
        page.waitForURL(url("/"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
