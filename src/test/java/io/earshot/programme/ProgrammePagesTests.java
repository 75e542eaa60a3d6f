package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The programme, panel and session pages over real HTTP on a real store: running a programme (cohorts, facilitators,
 * panel with consents and incentives, sessions), attendance and notes by the facilitator, who has met how many
 * customers, the calendars, the refusals with their reasons, and who sees what.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ProgrammePagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Programmes programmes;

    @Autowired
    Panels panels;

    @Autowired
    CustomerSessions sessions;

    User lee;
    User lin;
    User fay;

    @BeforeEach
    void people() {
        lee = WebSession.user(context, "lee@example.com", Role.LEADER);
        lin = WebSession.user(context, "lin@example.com", Role.LEADER);
        fay = WebSession.user(context, "fay@example.com", Role.FACILITATOR);
    }

    @Test
    void programmeManagerRunsAProgrammeThroughThePages() {
        WebSession manager = WebSession.as(context, port, "pm@example.com", Role.PROGRAMME_MANAGER);
        HttpResponse<String> created = post(
                manager,
                "/programmes",
                List.of(
                        Map.entry("name", "Hear the North"),
                        Map.entry("goal", "Understand why customers in the North leave"),
                        Map.entry("sponsor", lee.id().toString()),
                        Map.entry("cadenceDays", "42"),
                        Map.entry("startsOn", "2026-01-05")));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = java.net
                .URI
                .create(created.headers().firstValue("Location").orElseThrow())
                .getPath();
        UUID id = UUID.fromString(page.substring(page.lastIndexOf('/') + 1));

        assertThat(post(
                                manager,
                                page + "/cohorts",
                                List.of(
                                        Map.entry("name", "Cohort A"),
                                        Map.entry("members", lee.id().toString()),
                                        Map.entry("members", lin.id().toString())))
                        .statusCode())
                .isEqualTo(302);
        assertThat(post(
                                manager,
                                page + "/facilitators",
                                List.of(Map.entry("facilitators", fay.id().toString())))
                        .statusCode())
                .isEqualTo(302);
        assertThat(post(
                                manager,
                                page + "/panel",
                                List.of(
                                        Map.entry("name", "Maria Lopez"),
                                        Map.entry("email", "maria@example.com"),
                                        Map.entry("availability", "weekday mornings"),
                                        Map.entry("consents", "participate"),
                                        Map.entry("consents", "record")))
                        .statusCode())
                .isEqualTo(302);
        PanelMember maria = panels.members(id).getFirst();
        assertThat(maria.consents(ConsentKind.PARTICIPATE, LocalDate.now())).isTrue();
        assertThat(maria.consents(ConsentKind.SHARE_INTERNALLY, LocalDate.now()))
                .isFalse();

        String when =
                LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString();
        Cohort cohort = programmes.cohorts(id).getFirst();
        HttpResponse<String> scheduled = post(
                manager,
                page + "/sessions",
                List.of(
                        Map.entry("title", "Switching banks"),
                        Map.entry("cohort", cohort.id().toString()),
                        Map.entry("startsAt", when),
                        Map.entry("minutes", "45"),
                        Map.entry("format", "video_call"),
                        Map.entry("facilitator", fay.id().toString()),
                        Map.entry("customers", maria.id().toString()),
                        Map.entry("guide", "1. Tell us about the **last time** you thought of leaving")));
        assertThat(scheduled.statusCode()).isEqualTo(302);
        CustomerSession session = sessions.ofProgramme(id).getFirst();
        assertThat(session.leaders()).containsOnlyKeys(lee.id(), lin.id());
        assertThat(session.customers()).containsOnlyKeys(maria.id());

        HttpResponse<String> overview = manager.get(page);
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body())
                .contains("Hear the North", "every 6 weeks", "Customer panel (1)", "Switching banks");
        HttpResponse<String> sessionPage = manager.get(page + "/sessions/" + session.id());
        assertThat(sessionPage.body()).contains("<strong>last time</strong>");
    }

    @Test
    void refusesABadProgrammeSayingWhatIsWrongAndKeepsWhatWasTyped() {
        WebSession manager = WebSession.as(context, port, "pm@example.com", Role.PROGRAMME_MANAGER);
        HttpResponse<String> refused = post(
                manager,
                "/programmes",
                List.of(
                        Map.entry("name", "Kept name"),
                        Map.entry("goal", "A goal"),
                        Map.entry("cadenceDays", "every month"),
                        Map.entry("startsOn", "2026-01-05")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The cadence must be a whole number, not &#39;every month&#39;");
        assertThat(refused.body()).contains("value=\"Kept name\"");

        HttpResponse<String> backwards = post(
                manager,
                "/programmes",
                List.of(
                        Map.entry("name", "Backwards"),
                        Map.entry("goal", "A goal"),
                        Map.entry("startsOn", "2026-05-01"),
                        Map.entry("endsOn", "2026-04-01")));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("A programme cannot end (2026-04-01) before it starts (2026-05-01)");
    }

    @Test
    void refusesACohortMemberWhoIsNoUser() {
        Programme programme = programme("Strangers");
        UUID stranger = UUID.randomUUID();
        WebSession manager = WebSession.as(context, port, "pm@example.com", Role.PROGRAMME_MANAGER);
        HttpResponse<String> refused = post(
                manager,
                "/programmes/" + programme.id() + "/cohorts",
                List.of(Map.entry("name", "Cohort X"), Map.entry("members", stranger.toString())));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("There is no active user " + stranger + " to be a leader: choose one of the people offered");
        assertThat(programmes.cohorts(programme.id())).isEmpty();
    }

    @Test
    void facilitatorRecordsAttendanceAndNotesAndTalliesCountOnlyWhatHappened() {
        Programme programme = programme("Tallies");
        Cohort cohort = programmes.addCohort(programme.id(), "Cohort A", List.of(lee.id(), lin.id()));
        programmes.setFacilitators(programme.id(), List.of(fay.id()));
        PanelMember maria = member(programme, "Maria");
        PanelMember omar = member(programme, "Omar");
        CustomerSession first =
                session(programme, cohort, "First", Instant.now().minus(Duration.ofDays(20)), maria, omar);
        CustomerSession second =
                session(programme, cohort, "Second", Instant.now().minus(Duration.ofDays(5)), maria);
        session(programme, cohort, "Next", Instant.now().plus(Duration.ofDays(5)), omar);

        WebSession facilitator = WebSession.signIn(port, "fay@example.com", WebSession.PASSWORD);
        String base = "/programmes/" + programme.id() + "/sessions/";
        assertThat(post(
                                facilitator,
                                base + first.id() + "/attendance",
                                List.of(
                                        Map.entry("leader:" + lee.id(), "attended"),
                                        Map.entry("leader:" + lin.id(), "absent"),
                                        Map.entry("customer:" + maria.id(), "attended"),
                                        Map.entry("customer:" + omar.id(), "attended")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(post(
                                facilitator,
                                base + second.id() + "/attendance",
                                List.of(
                                        Map.entry("leader:" + lee.id(), "attended"),
                                        Map.entry("customer:" + maria.id(), "attended")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(post(
                                facilitator,
                                base + first.id() + "/notes",
                                List.of(Map.entry("notes", "Maria *hesitated* <script>alert(1)</script>")))
                        .statusCode())
                .isEqualTo(302);

        List<Meetings.Tally> tallies =
                Meetings.tally(List.of(lee.id(), lin.id()), sessions.ofProgramme(programme.id()), Instant.now());
        assertThat(tallies.get(0).sessions()).isEqualTo(2);
        assertThat(tallies.get(0).customers()).isEqualTo(2);
        assertThat(tallies.get(0).next()).isNotNull();
        assertThat(tallies.get(1).sessions()).isZero();
        assertThat(tallies.get(1).customers()).isZero();
        assertThat(tallies.get(1).unrecorded()).isEqualTo(1);

        String notes = facilitator.get(base + first.id()).body();
        assertThat(notes).contains("Maria <em>hesitated</em> &lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(notes).doesNotContain("<script>alert(1)");
    }

    @Test
    void leadersSeeOnlyTheirProgrammesAndCannotWriteNotes() {
        Programme mine = programme("Mine");
        Cohort cohort = programmes.addCohort(mine.id(), "Cohort A", List.of(lee.id()));
        Programme other = programme("Other");
        CustomerSession session =
                session(mine, cohort, "Soon", Instant.now().plus(Duration.ofDays(2)), member(mine, "Maria"));

        WebSession leader = WebSession.signIn(port, "lee@example.com", WebSession.PASSWORD);
        assertThat(leader.get("/programmes").body()).contains("Mine").doesNotContain(">Other<");
        assertThat(leader.get("/programmes/" + mine.id()).statusCode()).isEqualTo(200);
        assertThat(leader.get("/programmes/" + other.id()).statusCode()).isEqualTo(404);
        assertThat(leader.get("/programmes/" + mine.id() + "/panel").statusCode())
                .isEqualTo(403);
        assertThat(post(
                                leader,
                                "/programmes/" + mine.id() + "/sessions/" + session.id() + "/notes",
                                List.of(Map.entry("notes", "mine now")))
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(leader, "/programmes/" + mine.id() + "/cohorts", List.of(Map.entry("name", "B")))
                        .statusCode())
                .isEqualTo(403);

        WebSession viewer = WebSession.as(context, port, "vi@example.com", Role.VIEWER);
        assertThat(viewer.get("/programmes").statusCode()).isEqualTo(403);
    }

    @Test
    void attendanceBeforeTheStartAndCustomersWithoutConsentAreRefused() {
        Programme programme = programme("Refusals");
        Cohort cohort = programmes.addCohort(programme.id(), "Cohort A", List.of(lee.id()));
        PanelMember maria = member(programme, "Maria");
        PanelMember silent = panels.add(programme.id(), null, "Sam", "", "", "", List.of(), "test");
        CustomerSession soon = session(programme, cohort, "Soon", Instant.now().plus(Duration.ofDays(2)), maria);

        WebSession manager = WebSession.as(context, port, "pm@example.com", Role.PROGRAMME_MANAGER);
        HttpResponse<String> early = post(
                manager,
                "/programmes/" + programme.id() + "/sessions/" + soon.id() + "/attendance",
                List.of(Map.entry("leader:" + lee.id(), "attended")));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("Attendance is recorded once a session has started");

        HttpResponse<String> noConsent = post(
                manager,
                "/programmes/" + programme.id() + "/sessions",
                List.of(
                        Map.entry("title", "With Sam"),
                        Map.entry("cohort", cohort.id().toString()),
                        Map.entry("startsAt", "2027-01-10T10:00"),
                        Map.entry("format", "phone"),
                        Map.entry("customers", silent.id().toString())));
        assertThat(noConsent.statusCode()).isEqualTo(400);
        assertThat(noConsent.body())
                .contains("Sam has not consented to take part: record their consent on the panel first")
                .contains("value=\"With Sam\"");
        assertThat(sessions.ofProgramme(programme.id())).hasSize(1);
    }

    @Test
    void consentsAreDatedRevocableAndKeptAsHistory() {
        Programme programme = programme("Consents");
        PanelMember maria = member(programme, "Maria");
        WebSession manager = WebSession.as(context, port, "pm@example.com", Role.PROGRAMME_MANAGER);
        String panel = "/programmes/" + programme.id() + "/panel/" + maria.id();

        assertThat(post(manager, panel + "/consents", List.of(Map.entry("kind", "share_internally")))
                        .statusCode())
                .isEqualTo(302);
        assertThat(panels.get(maria.id()).consents(ConsentKind.SHARE_INTERNALLY, LocalDate.now()))
                .isTrue();
        assertThat(post(manager, panel + "/consents/share_internally/revoke", List.of())
                        .statusCode())
                .isEqualTo(302);
        PanelMember revoked = panels.get(maria.id());
        assertThat(revoked.consents(ConsentKind.SHARE_INTERNALLY, LocalDate.now()))
                .isFalse();
        assertThat(revoked.consents())
                .filteredOn(c -> c.kind() == ConsentKind.SHARE_INTERNALLY)
                .hasSize(1);

        HttpResponse<String> again = post(manager, panel + "/consents/share_internally/revoke", List.of());
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("Maria has not consented to have clips shared inside the organisation");

        HttpResponse<String> future = post(
                manager,
                panel + "/consents",
                List.of(
                        Map.entry("kind", "share_internally"),
                        Map.entry("on", LocalDate.now().plusDays(3).toString())));
        assertThat(future.statusCode()).isEqualTo(400);
        assertThat(future.body()).contains("is in the future");

        assertThat(post(
                                manager,
                                panel + "/incentives",
                                List.of(
                                        Map.entry("description", "Voucher"),
                                        Map.entry("amount", "25"),
                                        Map.entry("currency", "eur")))
                        .statusCode())
                .isEqualTo(302);
        Incentive voucher = panels.incentives(programme.id()).get(maria.id()).getFirst();
        assertThat(voucher.currency()).isEqualTo("EUR");
        assertThat(post(manager, "/programmes/" + programme.id() + "/incentives/" + voucher.id() + "/given", List.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(panels.incentives(programme.id()).get(maria.id()).getFirst().given())
                .isTrue();
    }

    @Test
    void calendarsListTheCohortsAndAPersonsSessions() {
        Programme programme = programme("Calendars");
        Cohort cohort = programmes.addCohort(programme.id(), "Cohort A", List.of(lee.id()));
        Instant start = LocalDateTime.of(2027, 3, 4, 10, 0)
                .atZone(ZoneId.systemDefault())
                .toInstant();
        CustomerSession session = session(programme, cohort, "Spring talk", start, member(programme, "Maria"));

        WebSession leader = WebSession.signIn(port, "lee@example.com", WebSession.PASSWORD);
        HttpResponse<String> ics =
                leader.get("/programmes/" + programme.id() + "/cohorts/" + cohort.id() + "/calendar.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body())
                .contains("BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Spring talk", "UID:" + session.id() + "@earshot");
        assertThat(ics.body()).contains("DTSTART").contains("20270304T100000");

        HttpResponse<String> mine = leader.get("/programmes/people/" + lee.id() + "/calendar.ics");
        assertThat(mine.body()).contains("SUMMARY:Spring talk");
        assertThat(leader.get("/programmes/people/" + lin.id() + "/calendar.ics")
                        .statusCode())
                .isEqualTo(403);
    }

    private Programme programme(String name) {
        return programmes.create(name, "A goal", null, 42, LocalDate.of(2026, 1, 1), null, "test");
    }

    private PanelMember member(Programme programme, String name) {
        return panels.add(
                programme.id(), null, name, "", "", "", List.of(ConsentKind.PARTICIPATE, ConsentKind.RECORD), "test");
    }

    private CustomerSession session(
            Programme programme, Cohort cohort, String title, Instant start, PanelMember... customers) {
        return sessions.schedule(
                programme.id(),
                new CustomerSessions.Plan(
                        cohort.id(),
                        title,
                        start,
                        45,
                        SessionFormat.VIDEO_CALL,
                        fay.id(),
                        "",
                        List.of(),
                        java.util.Arrays.stream(customers).map(PanelMember::id).toList()),
                "test");
    }

    /** Posts a form whose fields may repeat (multiple choices), with the CSRF token. */
    static HttpResponse<String> post(WebSession session, String path, List<Map.Entry<String, String>> fields) {
        String body = fields.stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return session.send(HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
