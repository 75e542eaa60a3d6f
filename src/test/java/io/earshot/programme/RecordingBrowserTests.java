package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.earshot.Chromium;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * In a real Chromium: a facilitator uploads a recording through the session's form (sent with the progress bar's
 * XMLHttpRequest), then on the player page a click on a transcript line seeks the video to that line's start and
 * marks the line as current; {@code ?t=} starts the player at a time.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class RecordingBrowserTests {

    static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    static final String FACILITATOR = "facilitator@player.test";

    static Chromium chromium;

    @Autowired
    ApplicationContext context;

    @Autowired
    Recordings recordings;

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

    @Test
    void uploadsThenSeeksToTheTranscriptLineClicked() {
        CustomerSession session =
                SessionFixture.yesterday(context, FACILITATOR, "leader@player.test", List.of("Ana Silva"), List.of());
        String recordingsPath = "/programmes/" + session.programmeId() + "/sessions/" + session.id() + "/recordings";
        Page page = chromium.browser().newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.navigate(url("/signin"));
        page.fill("input[name=email]", FACILITATOR);
        page.fill("input[name=password]", WebSession.PASSWORD);
        page.click("button[type=submit]:text-is('Sign in')");
        page.waitForURL(url("/"));

        page.navigate(url(recordingsPath));
        page.setInputFiles(
                "form[action='" + recordingsPath + "'] input[type=file]",
                new FilePayload("session.webm", "video/webm", SessionFixture.media("session.webm")));
        page.click("button:text-is('Upload recording')");
        page.waitForURL(url -> url.contains("?done=uploaded"));
        Recording recording = recordings.ofSession(session.id()).getFirst();
        assertThat(recording.fileName()).isEqualTo("session.webm");
        assertThat(page.url()).isEqualTo(url(recordingsPath + "/" + recording.id() + "?done=uploaded"));

        recordings.importTranscript(
                recording.id(), "session.vtt", new ByteArrayInputStream(SessionFixture.media("session.vtt")), "test");
        page.navigate(url(recordingsPath + "/" + recording.id()));
        page.waitForFunction("() => document.getElementById('player').readyState >= 1");
        page.click("[data-number='2']");
        page.waitForFunction("() => document.getElementById('player').currentTime >= 1.9");
        double at = ((Number) page.evaluate("() => document.getElementById('player').currentTime")).doubleValue();
        assertThat(at).as("seconds into the video after choosing line 2").isBetween(1.9, 3.5);
        page.waitForFunction(
                "() => document.querySelector('[data-number=\"2\"]').getAttribute('aria-current')" + " === 'true'");
        assertThat(page.locator("[aria-current=true]").count()).isEqualTo(1);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("recording-player-desktop.png"))
                .setFullPage(true));

        page.setViewportSize(390, 844);
        page.navigate(url(recordingsPath + "/" + recording.id() + "?t=4.8"));
        page.waitForFunction("() => document.getElementById('player').readyState >= 1");
        page.waitForFunction("() => document.getElementById('player').currentTime >= 4.7");
        assertThat(((Number) page.evaluate("() => document.getElementById('player').currentTime")).doubleValue())
                .isBetween(4.7, 5.0);
        assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("the player page fits a phone's width")
                .isTrue();
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("recording-player-phone.png"))
                .setFullPage(true));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
