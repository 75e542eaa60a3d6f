package io.earshot.demo;

import io.earshot.access.DataScope;
import io.earshot.access.Role;
import io.earshot.access.User;
import io.earshot.access.Users;
import io.earshot.programme.Attendance;
import io.earshot.programme.Cohort;
import io.earshot.programme.ConsentKind;
import io.earshot.programme.CustomerSession;
import io.earshot.programme.CustomerSessions;
import io.earshot.programme.PanelMember;
import io.earshot.programme.Panels;
import io.earshot.programme.Programme;
import io.earshot.programme.Programmes;
import io.earshot.programme.Recording;
import io.earshot.programme.RecordingUpload;
import io.earshot.programme.Recordings;
import io.earshot.programme.SessionFormat;
import io.earshot.signal.CustomerDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo bank's running closeness programme, "Hear the North": two cohorts of leaders, a customer panel recruited
 * from North's customers with their consents, past sessions with attendance, notes and three recorded interviews
 * with transcripts, and upcoming sessions; then what was made of them ({@link DemoCloseness}). Leaders' attendance differs on purpose, so their exposure does: one on
 * track, one due soon, one overdue, one who never came. Dates are relative to today; creating it again adds nothing.
 */
@Component
class DemoProgramme {

    static final String NAME = "Hear the North";
    static final String ACTOR = "earshot demo";

    /** Leaders beyond the demo sign-in users: invited (no password), so they only appear in the programme. */
    static final List<DemoUsers.Person> LEADERS = List.of(
            new DemoUsers.Person("helena.voss@demo.earshot.dev", "Helena Voss", Role.LEADER, DemoUsers.COMPANY),
            new DemoUsers.Person("noor.achter@demo.earshot.dev", "Noor Achter", Role.LEADER, "north"),
            new DemoUsers.Person("ravi.patel@demo.earshot.dev", "Ravi Patel", Role.LEADER, DemoUsers.COMPANY),
            new DemoUsers.Person("sofia.berg@demo.earshot.dev", "Sofia Berg", Role.LEADER, DemoUsers.COMPANY));

    /** The panel's people: name and the consents they gave (all three unless said). */
    private static final List<String> PANEL = List.of(
            "Maria Lopez",
            "Omar Haddad",
            "Grace Okafor",
            "Jonas Weber",
            "Aisha Khan",
            "Tomasz Nowak",
            "Chloe Martin",
            "Ben Ellis");

    private final Users users;
    private final Programmes programmes;
    private final Panels panels;
    private final CustomerSessions sessions;
    private final Recordings recordings;
    private final CustomerDirectory directory;
    private final DemoCloseness closeness;
    private final Clock clock;

    DemoProgramme(
            Users users,
            Programmes programmes,
            Panels panels,
            CustomerSessions sessions,
            Recordings recordings,
            CustomerDirectory directory,
            DemoCloseness closeness,
            Clock clock) {
        this.closeness = closeness;
        this.users = users;
        this.programmes = programmes;
        this.panels = panels;
        this.sessions = sessions;
        this.recordings = recordings;
        this.directory = directory;
        this.clock = clock;
    }

    /** Creates the programme unless it exists; the demo users must exist. */
    void create(Consumer<String> say) {
        if (programmes.all().stream().anyMatch(programme -> programme.name().equals(NAME))) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Map<String, User> people = people();
        User lee = people.get("leader@demo.earshot.dev");
        User fay = people.get("facilitator@demo.earshot.dev");
        Programme programme = programmes.create(
                NAME,
                "Hear from North's customers what went wrong this autumn, and what would have kept them",
                people.get("helena.voss@demo.earshot.dev").id(),
                42,
                today.minusDays(150),
                null,
                ACTOR);
        Cohort executives = programmes.addCohort(
                programme.id(),
                "Executive cohort",
                List.of(
                        lee.id(),
                        people.get("helena.voss@demo.earshot.dev").id(),
                        people.get("noor.achter@demo.earshot.dev").id()));
        Cohort product = programmes.addCohort(
                programme.id(),
                "Product cohort",
                List.of(
                        people.get("ravi.patel@demo.earshot.dev").id(),
                        people.get("sofia.berg@demo.earshot.dev").id()));
        programmes.setFacilitators(programme.id(), List.of(fay.id()));
        List<PanelMember> panel = panel(programme);

        Map<String, UUID> ids = new HashMap<>();
        people.forEach((email, user) -> ids.put(email, user.id()));
        List<DemoSessions.Past> past = DemoSessions.past();
        List<Recording> recorded = new ArrayList<>();
        for (int i = 0; i < past.size(); i++) {
            DemoSessions.Past plan = past.get(i);
            Cohort cohort = plan.executive() ? executives : product;
            PanelMember customer = panel.get(plan.customer());
            CustomerSession session = schedule(
                    programme,
                    cohort,
                    plan.title(),
                    at(today.minusDays(plan.daysAgo())),
                    plan.minutes(),
                    fay,
                    plan.guide(),
                    customer);
            Map<UUID, Attendance> leaders = new HashMap<>();
            for (UUID leader : cohort.memberIds()) {
                boolean came = plan.attendees().stream().map(ids::get).anyMatch(leader::equals);
                leaders.put(leader, came ? Attendance.ATTENDED : Attendance.ABSENT);
            }
            sessions.recordAttendance(session.id(), leaders, Map.of(customer.id(), Attendance.ATTENDED), ACTOR);
            sessions.writeNotes(session.id(), plan.notes(), ACTOR);
            if (plan.recording() > 0) {
                recorded.add(record(session, plan.recording()));
            }
        }
        for (DemoSessions.Upcoming plan : DemoSessions.upcoming()) {
            schedule(
                    programme,
                    plan.executive() ? executives : product,
                    plan.title(),
                    at(today.plusDays(plan.daysAhead())),
                    45,
                    fay,
                    plan.guide(),
                    panel.get(plan.customer()));
        }
        closeness.create(programme, recorded, people, panel);
        say.accept("Demo programme '%s': 2 cohorts, %d customers on the panel, %d past and %d upcoming sessions"
                .formatted(
                        NAME, panel.size(), past.size(), DemoSessions.upcoming().size()));
    }

    private CustomerSession schedule(
            Programme programme,
            Cohort cohort,
            String title,
            Instant start,
            int minutes,
            User facilitator,
            String guide,
            PanelMember customer) {
        return sessions.schedule(
                programme.id(),
                new CustomerSessions.Plan(
                        cohort.id(),
                        title,
                        start,
                        minutes,
                        SessionFormat.VIDEO_CALL,
                        facilitator.id(),
                        guide,
                        List.of(),
                        List.of(customer.id())),
                ACTOR);
    }

    /** Recruits the panel from North's customers in the directory, or as contacts when there are no signals. */
    private List<PanelMember> panel(Programme programme) {
        List<CustomerDirectory.Customer> north =
                directory.search("", new DataScope(false, Map.of("region", Set.of("North"))), PANEL.size());
        List<PanelMember> members = new ArrayList<>();
        for (int i = 0; i < PANEL.size(); i++) {
            String name = PANEL.get(i);
            List<ConsentKind> consents = i == 5
                    ? List.of(ConsentKind.PARTICIPATE, ConsentKind.RECORD) // Tomasz: not to have clips shared
                    : List.of(ConsentKind.PARTICIPATE, ConsentKind.RECORD, ConsentKind.SHARE_INTERNALLY);
            members.add(panels.add(
                    programme.id(),
                    i < north.size() ? north.get(i).id() : null,
                    name,
                    name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com",
                    "",
                    i % 2 == 0 ? "weekday mornings" : "evenings after 6",
                    consents,
                    ACTOR));
        }
        return members;
    }

    private Recording record(CustomerSession session, int interview) {
        String base = "demo/programme/interview-" + interview;
        try (InputStream video = new ClassPathResource(base + ".mp4").getInputStream();
                InputStream transcript = new ClassPathResource(base + ".vtt").getInputStream()) {
            long bytes = new ClassPathResource(base + ".mp4").contentLength();
            RecordingUpload upload =
                    recordings.store(session.id(), "interview-" + interview + ".mp4", bytes, video, ACTOR);
            if (upload instanceof RecordingUpload.Refused refused) {
                throw new IllegalStateException("The demo recording was refused: " + refused.problem());
            }
            Recording recording = ((RecordingUpload.Stored) upload).recording();
            recordings.importTranscript(recording.id(), "interview-" + interview + ".vtt", transcript, ACTOR);
            return recording;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo recording " + base, e);
        }
    }

    /** The demo users and the extra leaders by e-mail, creating the leaders as invited users if missing. */
    private Map<String, User> people() {
        for (DemoUsers.Person leader : LEADERS) {
            if (users.find(leader.email()).isEmpty()) {
                users.invite(leader.email(), leader.name(), EnumSet.of(leader.role()), Set.of(leader.unit()));
            }
        }
        Map<String, User> people = new HashMap<>();
        users.all().forEach(user -> people.put(user.email(), user));
        return people;
    }

    private Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(clock.getZone()).toInstant();
    }
}
