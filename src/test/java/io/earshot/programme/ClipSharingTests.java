package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.DataScope;
import io.earshot.access.Role;
import io.earshot.access.User;
import io.earshot.text.SearchIndex;
import io.earshot.text.SearchQuery;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clips against a real store, a real search index and real HTTP: what a clip may be, its default quote, its interview
 * signal, and consent: a revocation hides the clip at once on its page, in reels, from its media and from search, and
 * a new consent brings it back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ClipSharingTests {

    @Value("${earshot.data-dir}")
    Path dataDir;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clips clips;

    @Autowired
    Reels reels;

    @Autowired
    Panels panels;

    @Autowired
    SearchIndex index;

    @LocalServerPort
    int port;

    ClipFixtures fixtures;
    User facilitator;

    @BeforeEach
    void fixtures() {
        fixtures = new ClipFixtures(context, dataDir);
        facilitator = WebSession.user(context, "facilitator@clips.test", Role.FACILITATOR);
    }

    private ClipFixtures.Recorded recorded(String... names) {
        return fixtures.recorded(
                List.of(names),
                facilitator.id(),
                "Opening the account took three days",
                "The monthly fee surprised me",
                "I nearly went to another bank",
                "Then support called me back");
    }

    private Clip clip(ClipFixtures.Recorded recorded, long start, long end, String title) {
        return clips.create(
                recorded.recordingId(), new Clips.Draft(start, end, title, "", "", List.of()), "facilitator");
    }

    @Test
    void refusesAClipThatEndsBeforeItStartsOrLastsLongerThanFiveMinutesOrHasNoTitle() {
        ClipFixtures.Recorded recorded = recorded("Ana");
        UUID recording = recorded.recordingId();

        assertThatThrownBy(() -> clips.create(recording, new Clips.Draft(4000, 2000, "Fees", "", "", List.of()), "f"))
                .hasMessage("The clip's end (2 s) must come after its start (4 s)");
        assertThatThrownBy(() -> clips.create(recording, new Clips.Draft(0, 9000, "Fees", "", "", List.of()), "f"))
                .hasMessage("The clip's end (9 s) is after the recording's transcript ends (8 s):"
                        + " choose a range within 0 s to 8 s");
        assertThatThrownBy(() -> clips.create(recording, new Clips.Draft(2000, 4000, " ", "", "", List.of()), "f"))
                .hasMessage("A clip's title cannot be empty");
        assertThatThrownBy(() -> new Clip(
                        UUID.randomUUID(),
                        recording,
                        0,
                        300_001,
                        "Long",
                        "words",
                        List.of(),
                        List.of(),
                        null,
                        java.time.Instant.now(),
                        "f"))
                .hasMessage("A clip lasts at most 5 minutes; this one lasts 300.001 s: choose a shorter range");
        assertThatThrownBy(() ->
                        clips.create(recording, new Clips.Draft(2000, 4000, "Fees", "", "", List.of("9999")), "f"))
                .hasMessageStartingWith("Theme 9999 is not one of the active themes");
        assertThat(clips.ofSession(recorded.session().id())).isEmpty();
    }

    @Test
    void takesTheSelectedLinesAsTheQuoteAndKeepsTagsOnce() {
        ClipFixtures.Recorded recorded = recorded("Ana");

        Clip clip = clips.create(
                recorded.recordingId(),
                new Clips.Draft(2000, 6000, "The fee", " ", "fees, switching,  fees ", List.of()),
                "facilitator");

        assertThat(clip.quote()).isEqualTo("The monthly fee surprised me I nearly went to another bank");
        assertThat(clip.tags()).containsExactly("fees", "switching");
        assertThat(clip.range()).isEqualTo("0:02–0:06");
    }

    @Test
    void aSharedClipIsAnInterviewSignalOfItsOnlyCustomer() throws InterruptedException {
        ClipFixtures.Recorded recorded = recorded("Ana");

        Clip clip = clip(recorded, 4000, 6000, "Nearly left");

        Map<String, Object> signal = jdbc.queryForMap(
                "SELECT source, external_id, customer_id, text, occurred_at FROM signal WHERE id = ?", clip.signalId());
        assertThat(signal)
                .containsEntry("source", "interview")
                .containsEntry("external_id", clip.id().toString())
                .containsEntry("customer_id", recorded.customer(0).customerId())
                .containsEntry("text", "I nearly went to another bank");
        assertThat(((java.sql.Timestamp) signal.get("occurred_at"))
                        .toLocalDateTime()
                        .toInstant(java.time.ZoneOffset.UTC))
                .isEqualTo(recorded.session().startsAt());
        await(() -> index.search(SearchQuery.of("\"another bank\""), DataScope.EVERYTHING)
                        .total()
                == 1);
    }

    @Test
    void aClipOfSeveralCustomersIsASignalOfNoOneCustomer() {
        ClipFixtures.Recorded recorded = recorded("Ana", "Ben");

        Clip clip = clip(recorded, 0, 2000, "Three days");

        assertThat(jdbc.queryForObject("SELECT customer_id FROM signal WHERE id = ?", String.class, clip.signalId()))
                .isNull();
    }

    @Test
    void revokingConsentHidesTheClipEverywhereAtOnceAndConsentingAgainBringsItBack() throws InterruptedException {
        ClipFixtures.Recorded recorded = fixtures.recorded(
                List.of("Ana", "Ben"), facilitator.id(), "Overdraft charges were a shock", "Nothing else to add");
        Clip clip = clip(recorded, 0, 2000, "Overdraft shock");
        Reel reel = reels.create("Money worries", "", "test");
        reels.add(reel.id(), clip.id(), "test");
        WebSession leader = WebSession.as(context, port, "leader@clips.test", Role.LEADER);
        await(() -> searchTotal("overdraft") == 1);
        assertThat(leader.get("/clips/" + clip.id()).body()).contains("Overdraft charges were a shock");
        assertThat(leader.get("/reels/" + reel.id()).body()).contains("data-title=\"Overdraft shock\"");

        panels.revoke(recorded.customer(1).id(), ConsentKind.SHARE_INTERNALLY, "test");

        String note = "hidden: Ben revoked consent to internal sharing on " + LocalDate.now();
        HttpResponse<String> page = leader.get("/clips/" + clip.id());
        assertThat(page.body()).doesNotContain("Overdraft charges were a shock").contains(note);
        assertThat(page.body()).doesNotContain("<video");
        String reelPage = leader.get("/reels/" + reel.id()).body();
        assertThat(reelPage).doesNotContain("Overdraft shock").contains(note);
        HttpResponse<String> media = leader.get("/clips/" + clip.id() + "/media");
        assertThat(media.statusCode()).isEqualTo(404);
        assertThat(media.body()).contains(note);
        assertThat(clips.ofSession(recorded.session().id()))
                .singleElement()
                .satisfies(status -> assertThat(status.note()).isEqualTo(note));
        assertThat(clips.get(clip.id()).signalId()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal WHERE id = ?", Long.class, clip.signalId()))
                .isZero();
        await(() -> searchTotal("overdraft") == 0);
        assertThat(leader.form("/clips/" + clip.id() + "/views", Map.of("seconds", "1"))
                        .statusCode())
                .isEqualTo(404);

        panels.grant(recorded.customer(1).id(), ConsentKind.SHARE_INTERNALLY, LocalDate.now(), "test");

        assertThat(leader.get("/clips/" + clip.id()).body()).contains("Overdraft charges were a shock");
        assertThat(leader.get("/reels/" + reel.id()).body()).contains("data-title=\"Overdraft shock\"");
        assertThat(leader.get("/clips/" + clip.id() + "/media").statusCode()).isEqualTo(200);
        assertThat(clips.get(clip.id()).signalId()).isNotNull();
        await(() -> searchTotal("overdraft") == 1);
    }

    @Test
    void onlyTheCustomersWhoCameCountOnceAttendanceIsRecorded() {
        ClipFixtures.Recorded recorded = recorded("Ana", "Ben");
        Clip clip = clip(recorded, 0, 2000, "Three days");
        panels.revoke(recorded.customer(1).id(), ConsentKind.SHARE_INTERNALLY, "test");
        assertThat(clips.status(clip.id()).orElseThrow().shared()).isFalse();

        context.getBean(CustomerSessions.class)
                .recordAttendance(
                        recorded.session().id(),
                        Map.of(),
                        Map.of(
                                recorded.customer(0).id(), Attendance.ATTENDED,
                                recorded.customer(1).id(), Attendance.ABSENT),
                        "test");
        clips.follow(recorded.session().id());

        assertThat(clips.status(clip.id()).orElseThrow().shared()).isTrue();
        assertThat(clips.get(clip.id()).signalId()).isNotNull();
    }

    @Test
    void theClipMediaAnswersRangesForPlayersToSeek() throws Exception {
        ClipFixtures.Recorded recorded = recorded("Ana");
        Clip clip = clip(recorded, 2000, 4000, "The fee");
        WebSession leader = WebSession.as(context, port, "leader@clips.test", Role.LEADER);

        HttpResponse<String> part = leader.send(HttpRequest.newBuilder(leader.uri("/clips/" + clip.id() + "/media"))
                .header("Range", "bytes=0-99")
                .GET());

        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range").orElse(""))
                .isEqualTo("bytes 0-99/" + java.nio.file.Files.size(ClipFixtures.VIDEO));
        assertThat(part.headers().firstValue("Content-Type").orElse("")).isEqualTo("video/webm");
    }

    @Test
    void aFacilitatorMakesAClipByFormAndARefusedFormKeepsWhatWasTyped() {
        ClipFixtures.Recorded recorded = recorded("Ana");
        WebSession session = WebSession.signIn(port, "facilitator@clips.test", WebSession.PASSWORD);
        String path =
                ClipPaths.clipsOf(recorded.programme().id(), recorded.session().id(), recorded.recordingId());

        HttpResponse<String> refused =
                session.form(path, Map.of("startMs", "6000", "endMs", "2000", "title", "Backwards", "tags", "odd"));
        HttpResponse<String> made =
                session.form(path, Map.of("startMs", "2000", "endMs", "4000", "title", "The fee", "tags", "fees"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("The clip&#39;s end (2 s) must come after its start (6 s)")
                .contains("value=\"Backwards\"")
                .contains("value=\"odd\"");
        assertThat(made.statusCode()).isEqualTo(302);
        Clip clip = clips.ofSession(recorded.session().id()).getFirst().clip();
        assertThat(made.headers().firstValue("Location").orElse("")).endsWith("/clips/" + clip.id() + "?done=created");
        assertThat(clip.title()).isEqualTo("The fee");
        assertThat(clip.createdBy()).isEqualTo("facilitator@clips.test");
    }

    @Test
    void someoneOutsideTheProgrammeCannotMakeClipsAndAViewerCannotOpenThem() {
        ClipFixtures.Recorded recorded = recorded("Ana");
        Clip clip = clip(recorded, 2000, 4000, "The fee");
        WebSession other = WebSession.as(context, port, "other-facilitator@clips.test", Role.FACILITATOR);
        WebSession viewer = WebSession.as(context, port, "viewer@clips.test", Role.VIEWER);

        HttpResponse<String> refused = other.form(
                ClipPaths.clipsOf(recorded.programme().id(), recorded.session().id(), recorded.recordingId()),
                Map.of("startMs", "0", "endMs", "2000", "title", "Mine"));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(viewer.get("/clips/" + clip.id()).statusCode()).isEqualTo(403);
        assertThat(viewer.get("/reels").statusCode()).isEqualTo(403);
    }

    private long searchTotal(String words) {
        return index.search(SearchQuery.of(words), DataScope.EVERYTHING).total();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s for the index").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
