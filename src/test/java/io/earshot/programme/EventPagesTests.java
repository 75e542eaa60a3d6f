package io.earshot.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
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

/**
 * Closeness events over real HTTP on a real store: scheduling, invitations with consent, conversation tables and who
 * spoke with whom, attendees' feedback, follow-ups, who may see and change an event, and what each person attended.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class EventPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClosenessEvents events;

    @Autowired
    EventTables tables;

    @Autowired
    Feedbacks feedbacks;

    @Autowired
    FollowUps followUps;

    @Autowired
    Audit audit;

    ProgrammeFixtures fixtures;
    User leader;
    User outsider;
    User frontline;
    User otherFrontline;
    Programme programme;
    PanelMember cara;
    PanelMember dan;
    WebSession runner;

    @BeforeEach
    void programmeWithAPanel() {
        fixtures = new ProgrammeFixtures(context);
        leader = fixtures.user("lee@events.test", Role.LEADER);
        outsider = fixtures.user("otto@events.test", Role.LEADER);
        frontline = fixtures.user("fran@events.test", Role.FRONTLINE);
        otherFrontline = fixtures.user("fred@events.test", Role.FRONTLINE);
        programme = fixtures.programme("Programme " + UUID.randomUUID(), leader);
        cara = fixtures.customer(programme, "Cara", ConsentKind.PARTICIPATE);
        dan = fixtures.customer(programme, "Dan", ConsentKind.PARTICIPATE);
        runner = WebSession.as(context, port, "pm@events.test", Role.PROGRAMME_MANAGER);
    }

    @Test
    void schedulingAnEventStoresItAndShowsItsPageWithTheAgendaRendered() {
        long audited = audit.count("event.schedule", null);
        LocalDate day = LocalDate.now().plusDays(10);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("form", "event");
        form.put("title", "Customer day");
        form.put("date", day.toString());
        form.put("startTime", "09:00");
        form.put("endTime", "13:30");
        form.put("place", "Head office, floor 2");
        form.put("agenda", "**Welcome** <script>alert(1)</script>");

        HttpResponse<String> scheduled = runner.form("/programmes/" + programme.id() + "/events", form);

        ClosenessEvent event = events.ofProgramme(programme.id()).getFirst();
        assertThat(scheduled.statusCode()).isEqualTo(302);
        assertThat(scheduled.headers().firstValue("Location").orElseThrow())
                .endsWith("/events/" + event.id() + "?done=scheduled");
        assertThat(event.startsAt())
                .isEqualTo(day.atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(event.endsAt())
                .isEqualTo(day.atTime(13, 30).atZone(ZoneId.systemDefault()).toInstant());
        assertThat(event.place()).isEqualTo("Head office, floor 2");
        assertThat(audit.count("event.schedule", null)).isEqualTo(audited + 1);
        String page = runner.get("/events/" + event.id()).body();
        assertThat(page)
                .contains("Customer day")
                .contains("<strong>Welcome</strong>")
                .doesNotContain("<script>alert(1)</script>")
                .contains("No one is invited yet.")
                .contains("No tables set yet.")
                .contains("No follow-ups yet.");
    }

    @Test
    void anEventThatEndsBeforeItStartsIsRefused() {
        Instant start = Instant.now().plus(1, ChronoUnit.DAYS);
        ClosenessEvents.Plan plan =
                new ClosenessEvents.Plan("Backwards", start, start.minus(1, ChronoUnit.HOURS), "Here", "");

        assertThat(catchThrowable(() -> events.schedule(programme.id(), plan, "test")))
                .hasMessage("An event must end after it starts; the end time is not after the start");
    }

    @Test
    void aCustomerWhoHasNotConsentedToTakePartIsNotInvited() {
        ClosenessEvent event = upcoming();
        PanelMember eve = fixtures.customer(programme, "Eve");

        HttpResponse<String> refused = runner.form(
                "/events/" + event.id() + "/invitations",
                Map.of("customers", eve.id().toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Eve has not consented to take part: record their consent on the panel first");
        assertThat(events.get(event.id()).customers()).isEmpty();
    }

    @Test
    void invitingEmployeesOfAnyRoleAndCustomersKeepsThemInvited() {
        ClosenessEvent event = upcoming();

        HttpResponse<String> invited = runner.form(
                "/events/" + event.id() + "/invitations",
                Map.of(
                        "employees",
                        frontline.id().toString(),
                        "customers",
                        cara.id().toString()));

        assertThat(invited.statusCode()).isEqualTo(302);
        ClosenessEvent stored = events.get(event.id());
        assertThat(stored.employees()).isEqualTo(Map.of(frontline.id(), Attendance.INVITED));
        assertThat(stored.customers()).isEqualTo(Map.of(cara.id(), Attendance.INVITED));
    }

    @Test
    void tablesSayWhoSpokeWithWhomLeavingOutThoseRecordedAbsent() {
        ClosenessEvent event = past(List.of(leader.id(), frontline.id(), otherFrontline.id()));
        events.invite(event.id(), List.of(), List.of(cara.id(), dan.id()), "test");

        HttpResponse<String> first = runner.form(
                "/events/" + event.id() + "/tables",
                Map.of(
                        "name",
                        "Table 1",
                        "host",
                        leader.id().toString(),
                        "customers",
                        cara.id().toString()));
        tables.add(
                event.id(), "Table 2", frontline.id(), List.of(cara.id(), dan.id()), List.of(otherFrontline.id()), "t");

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(tables.ofEvent(event.id()))
                .extracting(EventTable::name, EventTable::hostId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Table 1", leader.id()),
                        org.assertj.core.groups.Tuple.tuple("Table 2", frontline.id()));
        assertThat(pairs(event))
                .containsExactlyInAnyOrder(
                        leader.email() + " with Cara at [Table 1]",
                        frontline.email() + " with Cara at [Table 2]",
                        frontline.email() + " with Dan at [Table 2]",
                        otherFrontline.email() + " with Cara at [Table 2]",
                        otherFrontline.email() + " with Dan at [Table 2]");

        events.recordAttendance(
                event.id(),
                Map.of(otherFrontline.id(), Attendance.ABSENT),
                Map.of(dan.id(), Attendance.ABSENT),
                "test");

        assertThat(pairs(event))
                .containsExactlyInAnyOrder(
                        leader.email() + " with Cara at [Table 1]", frontline.email() + " with Cara at [Table 2]");
        assertThat(runner.get("/events/" + event.id()).body()).contains("data-testid=\"conversation\"");
    }

    @Test
    void aTableWithSomeoneNotInvitedIsRefused() {
        ClosenessEvent event = past(List.of(leader.id()));
        events.invite(event.id(), List.of(), List.of(cara.id()), "test");

        HttpResponse<String> refused = runner.form(
                "/events/" + event.id() + "/tables",
                Map.of(
                        "name",
                        "Table 1",
                        "host",
                        leader.id().toString(),
                        "customers",
                        dan.id().toString()));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("Customer " + dan.id() + " at table &#39;Table 1&#39; is not invited to this event");
        assertThat(tables.ofEvent(event.id())).isEmpty();
    }

    @Test
    void anInvitedFrontlineEmployeeGivesFeedbackOnceAndMayEditIt() {
        ClosenessEvent event = past(List.of(frontline.id()));
        WebSession fran = WebSession.signIn(port, frontline.email(), WebSession.PASSWORD);

        assertThat(fran.get("/events/" + event.id()).body()).contains("How close to customers did this make you feel?");
        HttpResponse<String> given = fran.form(
                "/events/" + event.id() + "/feedback", Map.of("rating", "4", "change", "Call a customer weekly"));
        HttpResponse<String> edited = fran.form(
                "/events/" + event.id() + "/feedback", Map.of("rating", "5", "change", "Call two customers weekly"));

        assertThat(given.statusCode()).isEqualTo(302);
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(feedbacks.ofEvent(event.id()))
                .extracting(Feedback::userId, Feedback::rating, Feedback::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(frontline.id(), 5, "Call two customers weekly"));
        assertThat(runner.get("/events/" + event.id()).body()).contains("Call two customers weekly");
    }

    @Test
    void aRatingOutsideOneToFiveIsRefusedKeepingWhatWasTyped() {
        ClosenessEvent event = past(List.of(frontline.id()));
        WebSession fran = WebSession.signIn(port, frontline.email(), WebSession.PASSWORD);

        HttpResponse<String> refused =
                fran.form("/events/" + event.id() + "/feedback", Map.of("rating", "7", "change", "Listen more"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("&#39;How close to customers did this make you feel?&#39; takes 1 to 5, not 7")
                .contains("Listen more");
        assertThat(feedbacks.ofEvent(event.id())).isEmpty();
    }

    @Test
    void anEmployeeNotInvitedMayNotGiveFeedback() {
        ClosenessEvent event = past(List.of(frontline.id()));
        WebSession fred = WebSession.signIn(port, otherFrontline.email(), WebSession.PASSWORD);
        WebSession lee = WebSession.signIn(port, leader.email(), WebSession.PASSWORD);

        HttpResponse<String> notSeen = fred.form("/events/" + event.id() + "/feedback", Map.of("rating", "3"));
        HttpResponse<String> seenButNotInvited = lee.form("/events/" + event.id() + "/feedback", Map.of("rating", "3"));

        assertThat(notSeen.statusCode()).isEqualTo(404);
        assertThat(seenButNotInvited.statusCode()).isEqualTo(403);
        assertThat(feedbacks.ofEvent(event.id())).isEmpty();
    }

    @Test
    void feedbackOpensWhenTheEventStarts() {
        ClosenessEvent event = upcoming();
        events.invite(event.id(), List.of(frontline.id()), List.of(), "test");

        assertThat(catchThrowable(() -> feedbacks.give(event.id(), frontline.id(), 4, "", "test")))
                .hasMessageStartingWith("Feedback opens when the event starts");
    }

    @Test
    void aFollowUpsOwnerMarksItDoneAndOthersMayNot() {
        ClosenessEvent event = past(List.of(leader.id()));
        HttpResponse<String> added = runner.form(
                "/events/" + event.id() + "/follow-ups",
                Map.of(
                        "text",
                        "Send the notes to every table",
                        "owner",
                        otherFrontline.id().toString(),
                        "dueOn",
                        LocalDate.now().plusDays(7).toString()));
        FollowUp followUp = followUps.ofEvent(event.id()).getFirst();
        WebSession fred = WebSession.signIn(port, otherFrontline.email(), WebSession.PASSWORD);
        WebSession fran = WebSession.signIn(port, frontline.email(), WebSession.PASSWORD);

        HttpResponse<String> byStranger =
                fran.form("/events/" + event.id() + "/follow-ups/" + followUp.id() + "/done", Map.of("done", "true"));
        HttpResponse<String> byOwner =
                fred.form("/events/" + event.id() + "/follow-ups/" + followUp.id() + "/done", Map.of("done", "true"));

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(followUp.text()).isEqualTo("Send the notes to every table");
        assertThat(followUp.dueOn()).isEqualTo(LocalDate.now().plusDays(7));
        assertThat(byStranger.statusCode()).isEqualTo(404);
        assertThat(byOwner.statusCode()).isEqualTo(302);
        assertThat(followUps.ofEvent(event.id()).getFirst().doneOn()).isEqualTo(LocalDate.now());
    }

    @Test
    void aFollowUpWithoutADueDateIsRefusedSayingWhatIsAccepted() {
        ClosenessEvent event = past(List.of(leader.id()));

        HttpResponse<String> refused = runner.form(
                "/events/" + event.id() + "/follow-ups",
                Map.of("text", "Call Cara", "owner", leader.id().toString(), "dueOn", "next week"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The due date must be a date such as 2026-12-31, not &#39;next week&#39;");
        assertThat(followUps.ofEvent(event.id())).isEmpty();
    }

    @Test
    void aLeaderOutsideTheProgrammeIsToldTheEventDoesNotExist() {
        ClosenessEvent event = upcoming();
        WebSession otto = WebSession.signIn(port, outsider.email(), WebSession.PASSWORD);

        assertThat(otto.get("/events/" + event.id()).statusCode()).isEqualTo(404);
        assertThat(runner.get("/events/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void anInvitedFrontlineEmployeeSeesTheEventButMayNotRunIt() {
        ClosenessEvent event = past(List.of(frontline.id()));
        events.invite(event.id(), List.of(), List.of(cara.id()), "test");
        WebSession fran = WebSession.signIn(port, frontline.email(), WebSession.PASSWORD);

        HttpResponse<String> page = fran.get("/events/" + event.id());
        HttpResponse<String> table = fran.form(
                "/events/" + event.id() + "/tables",
                Map.of(
                        "name",
                        "Mine",
                        "host",
                        frontline.id().toString(),
                        "customers",
                        cara.id().toString()));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Cara").doesNotContain("Add follow-up");
        assertThat(table.statusCode()).isEqualTo(403);
        assertThat(tables.ofEvent(event.id())).isEmpty();
    }

    @Test
    void attendedByListsOnlyEventsSomeoneActuallyAttendedAndInvitedUpcomingWhatIsComing() {
        User ada = fixtures.user("ada-" + UUID.randomUUID() + "@events.test", Role.FRONTLINE);
        ClosenessEvent came = past(List.of(ada.id()));
        ClosenessEvent missed = past(List.of(ada.id()));
        past(List.of(ada.id()));
        ClosenessEvent coming = upcoming();
        ClosenessEvent cancelled = upcoming();
        events.invite(coming.id(), List.of(ada.id()), List.of(), "test");
        events.invite(cancelled.id(), List.of(ada.id()), List.of(), "test");
        events.recordAttendance(came.id(), Map.of(ada.id(), Attendance.ATTENDED), Map.of(), "test");
        events.recordAttendance(missed.id(), Map.of(ada.id(), Attendance.ABSENT), Map.of(), "test");
        events.cancel(cancelled.id(), "test");

        assertThat(events.attendedBy(ada.id()))
                .containsExactly(new Occasion(came.id(), programme.id(), came.title(), came.startsAt(), came.endsAt()));
        assertThat(events.invitedUpcoming(ada.id()))
                .containsExactly(
                        new Occasion(coming.id(), programme.id(), coming.title(), coming.startsAt(), coming.endsAt()));
        assertThat(context.getBean(Encounters.class).of(ada.id()))
                .containsExactly(new Encounter(
                        Encounter.Kind.EVENT, came.startsAt(), came.endsAt(), came.title(), "/events/" + came.id()));
    }

    private List<String> pairs(ClosenessEvent event) {
        Map<UUID, String> customers = Map.of(cara.id(), "Cara", dan.id(), "Dan");
        return tables.conversations(event.id()).stream()
                .map(c ->
                        fixtures.name(c.employeeId()) + " with " + customers.get(c.customerId()) + " at " + c.tables())
                .toList();
    }

    private ClosenessEvent past(List<UUID> employees) {
        Instant start = Instant.now().minus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        ClosenessEvent event = events.schedule(
                programme.id(),
                new ClosenessEvents.Plan(
                        "Event " + UUID.randomUUID(), start, start.plus(3, ChronoUnit.HOURS), "Head office", ""),
                "test");
        events.invite(event.id(), employees, List.of(), "test");
        return events.get(event.id());
    }

    private ClosenessEvent upcoming() {
        Instant start = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return events.schedule(
                programme.id(),
                new ClosenessEvents.Plan(
                        "Event " + UUID.randomUUID(), start, start.plus(3, ChronoUnit.HOURS), "Head office", ""),
                "test");
    }
}
