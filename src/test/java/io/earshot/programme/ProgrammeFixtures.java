package io.earshot.programme;

import io.earshot.WebSession;
import io.earshot.access.Role;
import io.earshot.access.User;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds programmes, panels, sessions, clips and reels straight into the store for the workshop and event tests;
 * recordings, clips and reels are rows (their own module part is built elsewhere).
 */
final class ProgrammeFixtures {

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;

    ProgrammeFixtures(ApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    User user(String email, Role role) {
        return WebSession.user(context, email, role);
    }

    /** The name of user {@code id} (the test users are named by their e-mail). */
    String name(UUID id) {
        return context.getBean(io.earshot.access.Users.class)
                .find(id)
                .orElseThrow()
                .name();
    }

    /** A programme whose one cohort holds {@code leaders}. */
    Programme programme(String name, User... leaders) {
        Programme programme = context.getBean(Programmes.class)
                .create(name, "Hear customers", null, 42, LocalDate.now().minusDays(30), null, "fixture");
        context.getBean(Programmes.class)
                .addCohort(
                        programme.id(),
                        "Cohort A",
                        List.of(leaders).stream().map(User::id).toList());
        return programme;
    }

    UUID cohort(Programme programme) {
        return context.getBean(Programmes.class)
                .cohorts(programme.id())
                .getFirst()
                .id();
    }

    PanelMember customer(Programme programme, String name, ConsentKind... consents) {
        return context.getBean(Panels.class)
                .add(programme.id(), null, name, null, null, null, List.of(consents), "fixture");
    }

    /** A past session of the programme with {@code customers}, and a clip cut from its recording. */
    UUID clip(Programme programme, String title, String quote, PanelMember... customers) {
        CustomerSession session = context.getBean(CustomerSessions.class)
                .schedule(
                        programme.id(),
                        new CustomerSessions.Plan(
                                cohort(programme),
                                "Session for " + title,
                                Instant.now().minus(2, ChronoUnit.DAYS),
                                30,
                                SessionFormat.VIDEO_CALL,
                                null,
                                "",
                                List.of(),
                                List.of(customers).stream().map(PanelMember::id).toList()),
                        "fixture");
        UUID recording = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO recording VALUES (?, ?, 'call.mp4', 'video/mp4', 100, 'abc', ?, 'fixture')",
                recording,
                session.id(),
                Timestamp.from(Instant.now()));
        UUID clip = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO clip VALUES (?, ?, 1000, 5000, ?, ?, '', '', NULL, ?, 'fixture')",
                clip,
                recording,
                title,
                quote,
                Timestamp.from(Instant.now()));
        return clip;
    }

    UUID reel(String title) {
        UUID reel = UUID.randomUUID();
        jdbc.update("INSERT INTO reel VALUES (?, ?, '', ?, 'fixture')", reel, title, Timestamp.from(Instant.now()));
        return reel;
    }
}
