package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Reels over real HTTP and a real store: making and arranging them, the views the players report and the reach
 * figures computed from them, and exporting a reel as one video where ffmpeg is installed.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ReelTests {

    @Value("${earshot.data-dir}")
    Path dataDir;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clips clips;

    @Autowired
    Reels reels;

    @Autowired
    ClipViews views;

    @LocalServerPort
    int port;

    ClipFixtures.Recorded recorded;
    List<Clip> made;

    @BeforeEach
    void threeClips() {
        User facilitator = WebSession.user(context, "facilitator@reels.test", Role.FACILITATOR);
        recorded = new ClipFixtures(context, dataDir)
                .recorded(
                        List.of("Ana"),
                        facilitator.id(),
                        "The app kept logging me out",
                        "Transfers were instant",
                        "I could not find the statements",
                        "The chat answered in a minute");
        made = List.of(clip(0, 2000, "Logged out"), clip(2000, 4000, "Instant"), clip(4000, 6000, "Statements"));
    }

    private Clip clip(long start, long end, String title) {
        return clips.create(recorded.recordingId(), new Clips.Draft(start, end, title, "", "", List.of()), "test");
    }

    private List<String> titles(Reel reel) {
        return reels.entries(reel.id()).stream()
                .map(entry -> entry.position() + " " + entry.clip().clip().title())
                .toList();
    }

    @Test
    void keepsClipsInTheOrderChosenAndClosesGapsWhenOneIsRemoved() {
        Reel reel = reels.create("First weeks", "", "test");
        made.forEach(clip -> reels.add(reel.id(), clip.id(), "test"));

        reels.move(reel.id(), made.get(2).id(), true, "test");
        assertThat(titles(reel)).containsExactly("1 Logged out", "2 Statements", "3 Instant");
        reels.move(reel.id(), made.get(0).id(), false, "test");
        assertThat(titles(reel)).containsExactly("1 Statements", "2 Logged out", "3 Instant");
        reels.move(reel.id(), made.get(2).id(), true, "test");
        assertThat(titles(reel)).containsExactly("1 Statements", "2 Logged out", "3 Instant");

        reels.remove(reel.id(), made.get(0).id(), "test");

        assertThat(titles(reel)).containsExactly("1 Statements", "2 Instant");
        assertThatThrownBy(() -> reels.add(reel.id(), made.get(1).id(), "test"))
                .hasMessage("'Instant' is already in this reel");
    }

    @Test
    void aRunnerArrangesAReelThroughItsPage() {
        WebSession analyst = WebSession.as(context, port, "analyst@reels.test", Role.ANALYST);
        HttpResponse<String> created = analyst.form("/reels", Map.of("title", "Onboarding", "description", "Q4"));
        assertThat(created.statusCode()).isEqualTo(302);
        String reelPath = created.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll("\\?.*", "")
                .replaceAll("^https?://[^/]+", "");
        UUID reelId = UUID.fromString(reelPath.substring(reelPath.lastIndexOf('/') + 1));

        analyst.form(reelPath + "/clips", Map.of("clip", made.get(0).id().toString()));
        analyst.form(reelPath + "/clips", Map.of("clip", made.get(1).id().toString()));
        HttpResponse<String> again = analyst.form(
                reelPath + "/clips", Map.of("clip", made.get(1).id().toString()));
        analyst.form(reelPath + "/clips/" + made.get(1).id() + "/up", Map.of());

        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("&#39;Instant&#39; is already in this reel");
        assertThat(titles(reels.get(reelId))).containsExactly("1 Instant", "2 Logged out");
        assertThat(analyst.form("/reels", Map.of("title", " ")).statusCode()).isEqualTo(400);
        WebSession leader = WebSession.as(context, port, "leader@reels.test", Role.LEADER);
        assertThat(leader.form(reelPath + "/delete", Map.of()).statusCode()).isEqualTo(403);
        assertThat(analyst.form(reelPath + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(reels.find(reelId)).isEmpty();
    }

    @Test
    void reachCountsDistinctViewersAndTheMinutesTheyWatched() {
        Reel reel = reels.create("Reach", "", "test");
        reels.add(reel.id(), made.get(0).id(), "test");
        WebSession ana = WebSession.as(context, port, "ana@reels.test", Role.LEADER);
        WebSession ben = WebSession.as(context, port, "ben@reels.test", Role.FRONTLINE);
        String clipViews = "/clips/" + made.get(0).id() + "/views";

        assertThat(ana.form(clipViews, Map.of("seconds", "1.5")).statusCode()).isEqualTo(204);
        assertThat(ana.form(clipViews, Map.of("seconds", "2", "reel", reel.id().toString()))
                        .statusCode())
                .isEqualTo(204);
        assertThat(ben.form(
                                "/reels/" + reel.id() + "/views",
                                Map.of("clip", made.get(0).id().toString(), "seconds", "0.5"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(ben.form(clipViews, Map.of("seconds", "30")).statusCode()).isEqualTo(400);
        assertThat(ben.form(clipViews, Map.of("seconds", "a while")).statusCode())
                .isEqualTo(400);

        UUID anaId = WebSession.user(context, "ana@reels.test", Role.LEADER).id();
        UUID benId = WebSession.user(context, "ben@reels.test", Role.FRONTLINE).id();
        Reach ofClip = views.ofClip(made.get(0).id());
        assertThat(ofClip.viewers()).isEqualTo(2);
        assertThat(ofClip.seconds()).isEqualTo(4.0);
        assertThat(ofClip.secondsByViewer()).containsExactly(Map.entry(anaId, 3.5), Map.entry(benId, 0.5));
        Reach ofReel = views.ofReel(reel.id());
        assertThat(ofReel.viewers()).isEqualTo(2);
        assertThat(ofReel.seconds()).isEqualTo(2.5);
        assertThat(views.viewsBy(anaId))
                .extracting(ClipView::title, ClipView::seconds)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("Logged out", 1.5),
                        org.assertj.core.groups.Tuple.tuple("Logged out", 2.0));

        String asLeader = ana.get("/clips/" + made.get(0).id()).body();
        assertThat(asLeader)
                .contains("data-testid=\"reach-viewers\">2<")
                .contains("data-testid=\"reach-minutes\">0.1<");
        assertThat(asLeader).doesNotContain("reach-by-viewer");
        String asRunner = WebSession.as(context, port, "analyst@reels.test", Role.ANALYST)
                .get("/reels/" + reel.id())
                .body();
        assertThat(asRunner).contains("data-testid=\"reach-viewers\">2<").contains("reach-by-viewer");
        assertThat(asRunner).contains("<td>ana@reels.test</td>");
    }

    @Test
    void exportsAReelAsOneVideoWhereFfmpegIsInstalled() throws Exception {
        Assumptions.assumeTrue(ffmpeg(), "ffmpeg is not installed");
        Reel reel = reels.create("Export", "", "test");
        reels.add(reel.id(), made.get(1).id(), "test");
        reels.add(reel.id(), made.get(0).id(), "test");
        WebSession analyst = WebSession.as(context, port, "analyst@reels.test", Role.ANALYST);

        assertThat(analyst.form("/reels/" + reel.id() + "/export", Map.of()).statusCode())
                .isEqualTo(302);
        ReelExports exports = context.getBean(ReelExports.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (exports.state(reel.id()) instanceof ReelExport.Running) {
            assertThat(System.nanoTime()).as("waited 60 s for ffmpeg").isLessThan(deadline);
            Thread.sleep(100);
        }

        assertThat(exports.state(reel.id())).isInstanceOf(ReelExport.Ready.class);
        assertThat(analyst.get("/reels/" + reel.id()).body()).contains("data-testid=\"export-ready\"");
        Path file = exports.file(reel.id());
        assertThat(file).isEqualTo(dataDir.resolve("media/reels/" + reel.id() + ".mp4"));
        assertThat(duration(file)).isBetween(3.8, 4.3);
        assertThat(analyst.get("/reels/" + reel.id() + "/export.mp4").statusCode())
                .isEqualTo(200);
    }

    private static boolean ffmpeg() {
        try {
            return new ProcessBuilder("ffmpeg", "-version")
                            .redirectErrorStream(true)
                            .start()
                            .waitFor()
                    == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static double duration(Path file) throws Exception {
        Process probe = new ProcessBuilder(
                        "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file.toString())
                .start();
        String out = new String(probe.getInputStream().readAllBytes()).strip();
        probe.waitFor();
        assertThat(Files.size(file)).isPositive();
        return Double.parseDouble(out);
    }
}
