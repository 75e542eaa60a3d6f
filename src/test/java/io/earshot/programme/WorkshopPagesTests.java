package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Empathy workshops over real HTTP on a real store: scheduling, reels, prompts, attendance, insights linked to clips
 * and signals, who may see and change a workshop, and what each person attended.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
@Import(WorkshopPagesTests.FragmentPage.class)
class WorkshopPagesTests {

    /** Includes the workshop and event fragments as the programme page does, with the attributes it provides. */
    @Controller
    static class FragmentPage {
        private final Workshops workshops;
        private final ClosenessEvents events;
        private final Programmes programmes;
        private final People people;

        FragmentPage(Workshops workshops, ClosenessEvents events, Programmes programmes, People people) {
            this.workshops = workshops;
            this.events = events;
            this.programmes = programmes;
            this.people = people;
        }

        @GetMapping("/programmes/{id}/fragment-check")
        String page(@PathVariable UUID id, Model model) {
            model.addAttribute("programme", programmes.get(id));
            model.addAttribute("workshops", workshops.ofProgramme(id));
            model.addAttribute("events", events.ofProgramme(id));
            model.addAttribute("runs", true);
            model.addAttribute("zone", ZoneId.systemDefault());
            model.addAttribute("names", people.names());
            model.addAttribute("leaderChoices", people.withAny(Role.LEADER));
            model.addAttribute("facilitatorChoices", people.withAny(Role.FACILITATOR));
            model.addAttribute("form", new LinkedMultiValueMap<String, String>());
            return "programme-test/fragments";
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Workshops workshops;

    @Autowired
    Insights insights;

    @Autowired
    Panels panels;

    @Autowired
    Audit audit;

    ProgrammeFixtures fixtures;
    User leader;
    User otherLeader;
    User facilitator;
    Programme programme;
    WebSession runner;

    @BeforeEach
    void programmeWithOneCohort() {
        fixtures = new ProgrammeFixtures(context);
        leader = fixtures.user("lee@workshops.test", Role.LEADER);
        otherLeader = fixtures.user("otto@workshops.test", Role.LEADER);
        facilitator = fixtures.user("fay@workshops.test", Role.FACILITATOR);
        programme = fixtures.programme("Programme " + UUID.randomUUID(), leader);
        runner = WebSession.as(context, port, "pm@workshops.test", Role.PROGRAMME_MANAGER);
    }

    @Test
    void schedulingAWorkshopStoresItWithTheDefaultPromptsAndShowsItsPage() {
        long audited = audit.count("workshop.schedule", null);
        String startsAt =
                LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "workshop");
        form.put("title", "Fees through customers' eyes");
        form.put("startsAt", startsAt);
        form.put("minutes", "90");
        form.put("facilitator", facilitator.id().toString());
        form.put("attendees", leader.id().toString());

        HttpResponse<String> scheduled = runner.form("/programmes/" + programme.id() + "/workshops", form);

        Workshop workshop = workshops.ofProgramme(programme.id()).getFirst();
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow())
                .endsWith("/programmes/" + programme.id() + "/workshops/" + workshop.id() + "?done=scheduled");
        assertThat(workshop.title()).isEqualTo("Fees through customers' eyes");
        assertThat(workshop.startsAt())
                .isEqualTo(LocalDateTime.parse(startsAt)
                        .atZone(ZoneId.systemDefault())
                        .toInstant());
        assertThat(workshop.minutes()).isEqualTo(90);
        assertThat(workshop.facilitatorId()).isEqualTo(facilitator.id());
        assertThat(workshop.reelId()).isNull();
        assertThat(workshop.prompts()).isEqualTo(Workshop.DEFAULT_PROMPTS);
        assertThat(workshop.prompts().getFirst()).isEqualTo("How would this affect customers' lives?");
        assertThat(workshop.attendees()).isEqualTo(Map.of(leader.id(), Attendance.INVITED));
        assertThat(audit.count("workshop.schedule", null)).isEqualTo(audited + 1);

        HttpResponse<String> page = runner.get(page(workshop));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Fees through customers&#39; eyes")
                .contains("How would this affect customers&#39; lives?")
                .contains("No reel chosen yet")
                .contains("No insights yet")
                .contains("lee@workshops.test");
    }

    @Test
    void theProgrammePageFragmentsListWorkshopsAndEventsWithTheirSchedulingForms() {
        Workshop workshop = upcoming(List.of(leader.id()));
        Instant start = Instant.now().plus(9, ChronoUnit.DAYS);
        ClosenessEvent event = context.getBean(ClosenessEvents.class)
                .schedule(
                        programme.id(),
                        new ClosenessEvents.Plan(
                                "Customer day", start, start.plus(4, ChronoUnit.HOURS), "Head office", ""),
                        "test");
        Programme quiet = fixtures.programme("Quiet " + UUID.randomUUID(), leader);

        HttpResponse<String> listed = runner.get("/programmes/" + programme.id() + "/fragment-check");
        HttpResponse<String> empty = runner.get("/programmes/" + quiet.id() + "/fragment-check");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body())
                .contains("href=\"" + page(workshop) + "\"")
                .contains("href=\"/events/" + event.id() + "\"")
                .contains("Schedule workshop")
                .contains("Schedule event")
                .contains("lee@workshops.test");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("No workshops yet.").contains("No events yet.");
    }

    @Test
    void aLeaderMayNotScheduleAWorkshop() {
        WebSession lee = WebSession.signIn(port, leader.email(), WebSession.PASSWORD);

        HttpResponse<String> refused = lee.form(
                "/programmes/" + programme.id() + "/workshops",
                Map.of("title", "Mine", "startsAt", "2030-01-01T10:00"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(workshops.ofProgramme(programme.id())).isEmpty();
    }

    @Test
    void aWorkshopIsRefusedWithWhatIsAcceptedWhenItsLengthIsOutOfRange() {
        Workshops.Plan plan = new Workshops.Plan("Too short", Instant.now(), 5, null, null, List.of());

        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> workshops.schedule(programme.id(), plan, "test")))
                .hasMessage("A workshop lasts 15 to 480 minutes, not 5");
    }

    @Test
    void theFacilitatorRecordsAttendanceAsItHappened() {
        Workshop workshop = past(List.of(leader.id(), otherLeader.id()));
        WebSession fay = WebSession.signIn(port, facilitator.email(), WebSession.PASSWORD);

        HttpResponse<String> recorded = fay.form(
                page(workshop) + "/attendance",
                Map.of("attendee:" + leader.id(), "attended", "attendee:" + otherLeader.id(), "absent"));

        assertThat(recorded.statusCode()).isEqualTo(302);
        assertThat(workshops.get(workshop.id()).attendees())
                .isEqualTo(Map.of(leader.id(), Attendance.ATTENDED, otherLeader.id(), Attendance.ABSENT));
    }

    @Test
    void attendanceOfSomeoneNotInvitedIsRefusedNamingThem() {
        Workshop workshop = past(List.of(leader.id()));

        HttpResponse<String> refused =
                runner.form(page(workshop) + "/attendance", Map.of("attendee:" + otherLeader.id(), "attended"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Attendee " + otherLeader.id() + " was not invited to this workshop");
        assertThat(workshops.get(workshop.id()).attendees()).isEqualTo(Map.of(leader.id(), Attendance.INVITED));
    }

    @Test
    void attendanceBeforeTheWorkshopStartsIsRefused() {
        Workshop workshop = upcoming(List.of(leader.id()));

        HttpResponse<String> refused =
                runner.form(page(workshop) + "/attendance", Map.of("attendee:" + leader.id(), "attended"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Attendance is recorded once a workshop has started");
    }

    @Test
    void choosingAReelLinksTheWorkshopToIt() {
        Workshop workshop = upcoming(List.of(leader.id()));
        UUID reel = fixtures.reel("Customers on fees");

        HttpResponse<String> chosen = runner.form(page(workshop) + "/reel", Map.of("reel", reel.toString()));

        assertThat(chosen.statusCode()).isEqualTo(302);
        assertThat(workshops.get(workshop.id()).reelId()).isEqualTo(reel);
        assertThat(runner.get(page(workshop)).body())
                .contains("href=\"/reels/" + reel + "\"")
                .contains("Customers on fees");
    }

    @Test
    void anUnknownReelIsRefused() {
        Workshop workshop = upcoming(List.of(leader.id()));
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> refused = runner.form(page(workshop) + "/reel", Map.of("reel", unknown.toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("There is no reel " + unknown + "; choose one of the reels offered");
    }

    @Test
    void promptsAreReplacedInTheOrderTyped() {
        Workshop workshop = upcoming(List.of(leader.id()));

        HttpResponse<String> saved = runner.form(
                page(workshop) + "/prompts",
                Map.of("prompts", "What did the customer feel?\r\n\r\n  How would this affect customers' lives?  \n"));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(workshops.get(workshop.id()).prompts())
                .containsExactly("What did the customer feel?", "How would this affect customers' lives?");
    }

    @Test
    void emptyPromptsAreRefused() {
        Workshop workshop = upcoming(List.of(leader.id()));

        HttpResponse<String> refused = runner.form(page(workshop) + "/prompts", Map.of("prompts", " \n "));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("A workshop needs at least one prompt, one question per line");
        assertThat(workshops.get(workshop.id()).prompts()).isEqualTo(Workshop.DEFAULT_PROMPTS);
    }

    @Test
    void anInsightLinksTheClipsAndSignalsBehindIt() {
        Workshop workshop = past(List.of(leader.id()));
        PanelMember cara = fixtures.customer(
                programme, "Cara", ConsentKind.PARTICIPATE, ConsentKind.RECORD, ConsentKind.SHARE_INTERNALLY);
        UUID clip = fixtures.clip(programme, "Cara on surprise fees", "I only found out at the till", cara);
        UUID signal = signal("The fee appeared without warning " + UUID.randomUUID());
        WebSession fay = WebSession.signIn(port, facilitator.email(), WebSession.PASSWORD);

        HttpResponse<String> added = fay.form(
                page(workshop) + "/insights",
                Map.of(
                        "text",
                        "Fees surprise customers at the worst moment",
                        "clips",
                        clip.toString(),
                        "signalIds",
                        " " + signal + "\n"));

        assertThat(added.statusCode()).isEqualTo(302);
        Insight insight = insights.ofWorkshop(workshop.id()).getFirst();
        assertThat(insight.text()).isEqualTo("Fees surprise customers at the worst moment");
        assertThat(insight.clipIds()).containsExactly(clip);
        assertThat(insight.signalIds()).containsExactly(signal);
        assertThat(insight.createdBy()).isEqualTo(facilitator.name());
        assertThat(fay.get(page(workshop)).body())
                .contains("Fees surprise customers at the worst moment")
                .contains("href=\"/clips/" + clip + "\"")
                .contains("Clip: Cara on surprise fees")
                .contains("href=\"/search?similar=" + signal + "\"")
                .contains("The fee appeared without warning");
    }

    @Test
    void anUnknownSignalIdIsRefusedWithTheIdInTheMessageAndNothingIsStored() {
        Workshop workshop = past(List.of(leader.id()));
        UUID unknown = UUID.randomUUID();

        HttpResponse<String> refused = runner.form(
                page(workshop) + "/insights", Map.of("text", "Something we learnt", "signalIds", unknown.toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Signal " + unknown + " does not exist or is outside the data you may see")
                .contains("Something we learnt");
        assertThat(insights.ofWorkshop(workshop.id())).isEmpty();
    }

    @Test
    void aPastedSignalIdThatIsNotAnIdIsRefusedSayingWhatIsAccepted() {
        Workshop workshop = past(List.of(leader.id()));

        HttpResponse<String> refused =
                runner.form(page(workshop) + "/insights", Map.of("text", "Something", "signalIds", "signal-42"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Signal ids: &#39;signal-42&#39; is not a signal id");
    }

    @Test
    void aClipWhoseCustomerRevokedSharingIsWithheldAndCannotBeLinked() {
        Workshop workshop = past(List.of(leader.id()));
        PanelMember dan = fixtures.customer(programme, "Dan", ConsentKind.PARTICIPATE, ConsentKind.SHARE_INTERNALLY);
        UUID clip = fixtures.clip(programme, "Dan on waiting", "I waited three weeks", dan);
        insights.add(workshop.id(), "Waiting hurts", List.of(clip), List.of(), "test");
        panels.revoke(dan.id(), ConsentKind.SHARE_INTERNALLY, "test");

        HttpResponse<String> refused = runner.form(
                page(workshop) + "/insights", Map.of("text", "Waiting hurts again", "clips", clip.toString()));
        String shown = runner.get(page(workshop)).body();

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("cannot be linked: withheld: a customer of its session does not consent");
        assertThat(shown).contains("Clip " + clip + ": Withheld").doesNotContain("Dan on waiting");
    }

    @Test
    void aLeaderOutsideTheProgrammeIsToldTheWorkshopDoesNotExist() {
        Workshop workshop = upcoming(List.of(leader.id()));
        WebSession otto = WebSession.signIn(port, otherLeader.email(), WebSession.PASSWORD);

        assertThat(otto.get(page(workshop)).statusCode()).isEqualTo(404);
        assertThat(runner.get("/programmes/" + programme.id() + "/workshops/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anInvitedLeaderOutsideTheCohortsSeesTheWorkshopButMayNotChangeIt() {
        Workshop workshop = past(List.of(otherLeader.id()));
        WebSession otto = WebSession.signIn(port, otherLeader.email(), WebSession.PASSWORD);

        assertThat(otto.get(page(workshop)).statusCode()).isEqualTo(200);
        assertThat(otto.form(page(workshop) + "/insights", Map.of("text", "Mine"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(insights.ofWorkshop(workshop.id())).isEmpty();
    }

    @Test
    void attendedByListsOnlyWhatSomeoneActuallyAttendedAndInvitedUpcomingWhatIsComing() {
        User ada = fixtures.user("ada-" + UUID.randomUUID() + "@workshops.test", Role.LEADER);
        Workshop came = past(List.of(ada.id()));
        Workshop missed = past(List.of(ada.id()));
        Workshop notRecorded = past(List.of(ada.id()));
        Workshop coming = upcoming(List.of(ada.id()));
        Workshop cancelled = upcoming(List.of(ada.id()));
        workshops.recordAttendance(came.id(), Map.of(ada.id(), Attendance.ATTENDED), "test");
        workshops.recordAttendance(missed.id(), Map.of(ada.id(), Attendance.ABSENT), "test");
        workshops.cancel(cancelled.id(), "test");

        assertThat(workshops.attendedBy(ada.id()))
                .containsExactly(new Occasion(came.id(), programme.id(), came.title(), came.startsAt(), came.endsAt()));
        assertThat(workshops.invitedUpcoming(ada.id()))
                .containsExactly(
                        new Occasion(coming.id(), programme.id(), coming.title(), coming.startsAt(), coming.endsAt()));
        assertThat(notRecorded.attendees()).isEqualTo(Map.of(ada.id(), Attendance.INVITED));
        assertThat(context.getBean(Encounters.class).of(ada.id()))
                .containsExactly(new Encounter(
                        Encounter.Kind.WORKSHOP, came.startsAt(), came.endsAt(), came.title(), page(came)));
    }

    private Workshop past(List<UUID> attendees) {
        return schedule(Instant.now().minus(3, ChronoUnit.HOURS), attendees);
    }

    private Workshop upcoming(List<UUID> attendees) {
        return schedule(Instant.now().plus(2, ChronoUnit.DAYS), attendees);
    }

    private Workshop schedule(Instant startsAt, List<UUID> attendees) {
        return workshops.schedule(
                programme.id(),
                new Workshops.Plan(
                        "Workshop " + UUID.randomUUID(),
                        startsAt.truncatedTo(ChronoUnit.SECONDS),
                        60,
                        null,
                        facilitator.id(),
                        attendees),
                "test");
    }

    private String page(Workshop workshop) {
        return "/programmes/" + programme.id() + "/workshops/" + workshop.id();
    }

    private UUID signal(String text) {
        StoredSignals.insert(jdbc, List.of(StoredSignals.signal().text(text)));
        return UUID.fromString(
                jdbc.queryForObject("SELECT CAST(id AS VARCHAR) FROM signal WHERE text = ?", String.class, text));
    }
}
