package io.earshot.programme;

import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * A programme with one cohort (a leader), a facilitator and a session that took place yesterday with customers from
 * the panel, built through the programme's own services, for the recording tests.
 */
final class SessionFixture {

    private SessionFixture() {}

    /** A session of a new programme; the customers named in {@code recorded} consent to be recorded, the rest not. */
    static CustomerSession yesterday(
            ApplicationContext context,
            String facilitatorEmail,
            String leaderEmail,
            List<String> recorded,
            List<String> notRecorded) {
        Programmes programmes = context.getBean(Programmes.class);
        Panels panels = context.getBean(Panels.class);
        Clock clock = context.getBean(Clock.class);
        User facilitator = WebSession.user(context, facilitatorEmail, Role.FACILITATOR);
        User leader = WebSession.user(context, leaderEmail, Role.LEADER);
        LocalDate today = LocalDate.now(clock);
        Programme programme = programmes.create(
                "Closer to card holders " + UUID.randomUUID(),
                "Hear card holders",
                leader.id(),
                42,
                today.minusDays(30),
                null,
                "test");
        programmes.setFacilitators(programme.id(), List.of(facilitator.id()));
        Cohort cohort = programmes.addCohort(programme.id(), "Cohort A", List.of(leader.id()));
        List<UUID> customers = new ArrayList<>();
        for (String name : recorded) {
            customers.add(panels.add(
                            programme.id(),
                            null,
                            name,
                            "",
                            "",
                            "",
                            List.of(ConsentKind.PARTICIPATE, ConsentKind.RECORD),
                            "test")
                    .id());
        }
        for (String name : notRecorded) {
            customers.add(panels.add(programme.id(), null, name, "", "", "", List.of(ConsentKind.PARTICIPATE), "test")
                    .id());
        }
        return context.getBean(CustomerSessions.class)
                .schedule(
                        programme.id(),
                        new CustomerSessions.Plan(
                                cohort.id(),
                                "Cards that arrive late",
                                clock.instant().minus(Duration.ofDays(1)),
                                30,
                                SessionFormat.VIDEO_CALL,
                                facilitator.id(),
                                "",
                                List.of(leader.id()),
                                customers),
                        "test");
    }

    /** A test file under {@code programme/media/}. */
    static byte[] media(String name) {
        try (InputStream in = SessionFixture.class.getResourceAsStream("/programme/media/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test file programme/media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
