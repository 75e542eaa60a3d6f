package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored customer sessions of programmes, with who was invited and who came. Every change is audited. */
@Service
public class CustomerSessions {

    private final JdbcTemplate jdbc;
    private final Programmes programmes;
    private final Panels panels;
    private final People people;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerSessions(
            JdbcTemplate jdbc,
            Programmes programmes,
            Panels panels,
            People people,
            Audit audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.events = events;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.panels = panels;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a scheduled session is to be; the cohort's leaders are invited unless {@code leaderIds} names others. */
    public record Plan(
            UUID cohortId,
            String title,
            Instant startsAt,
            int minutes,
            SessionFormat format,
            UUID facilitatorId,
            String guide,
            Collection<UUID> leaderIds,
            Collection<UUID> customerIds) {}

    /** Schedules a session of programme {@code programmeId}; returns it. */
    @Transactional
    public CustomerSession schedule(UUID programmeId, Plan plan, String actor) {
        programmes.get(programmeId);
        Cohort cohort = programmes
                .cohort(plan.cohortId())
                .filter(found -> found.programmeId().equals(programmeId))
                .orElseThrow(() -> new IllegalArgumentException("Choose one of this programme's cohorts"));
        Collection<UUID> leaders =
                plan.leaderIds() == null || plan.leaderIds().isEmpty() ? cohort.memberIds() : plan.leaderIds();
        for (UUID customer : plan.customerIds()) {
            PanelMember member = panels.get(customer);
            if (!member.programmeId().equals(programmeId)) {
                throw new IllegalArgumentException(member.name() + " is not on this programme's panel");
            }
            if (!member.consents(
                            ConsentKind.PARTICIPATE,
                            plan.startsAt().atZone(clock.getZone()).toLocalDate())
                    && !member.consents(ConsentKind.PARTICIPATE, java.time.LocalDate.now(clock))) {
                throw new IllegalArgumentException(
                        member.name() + " has not consented to take part: record their consent on the panel first");
            }
        }
        Map<UUID, Attendance> invitedLeaders = invited(leaders);
        Map<UUID, Attendance> invitedCustomers = invited(plan.customerIds());
        CustomerSession session = new CustomerSession(
                UUID.randomUUID(),
                programmeId,
                cohort.id(),
                plan.title(),
                plan.startsAt(),
                plan.minutes(),
                plan.format(),
                plan.facilitatorId(),
                plan.guide(),
                "",
                false,
                invitedLeaders,
                invitedCustomers);
        jdbc.update(
                "INSERT INTO customer_session VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', false, ?, ?)",
                session.id(),
                programmeId,
                cohort.id(),
                session.title(),
                Timestamp.from(session.startsAt()),
                session.minutes(),
                session.format().value(),
                session.facilitatorId(),
                session.guide(),
                Timestamp.from(clock.instant()),
                actor);
        invitedLeaders
                .keySet()
                .forEach(id -> jdbc.update("INSERT INTO session_leader VALUES (?, ?, NULL)", session.id(), id));
        invitedCustomers
                .keySet()
                .forEach(id -> jdbc.update("INSERT INTO session_customer VALUES (?, ?, NULL)", session.id(), id));
        audit.record("session.schedule", "session:" + session.id(), session.title() + " at " + session.startsAt());
        return session;
    }

    /** Replaces the notes of session {@code id} (Markdown). */
    @Transactional
    public void writeNotes(UUID id, String notes, String actor) {
        CustomerSession session = get(id);
        CustomerSession edited = new CustomerSession(
                id,
                session.programmeId(),
                session.cohortId(),
                session.title(),
                session.startsAt(),
                session.minutes(),
                session.format(),
                session.facilitatorId(),
                session.guide(),
                notes,
                session.cancelled(),
                session.leaders(),
                session.customers());
        jdbc.update("UPDATE customer_session SET notes = ? WHERE id = ?", edited.notes(), id);
        audit.record("session.notes", "session:" + id, edited.notes().length() + " characters");
    }

    /**
     * Records attendance as it actually happened: {@code leaders} and {@code customers} map the invited to whether
     * they came. Someone not invited is refused; a session that has not started yet cannot have attendance.
     */
    @Transactional
    public void recordAttendance(
            UUID id, Map<UUID, Attendance> leaders, Map<UUID, Attendance> customers, String actor) {
        CustomerSession session = get(id);
        if (session.startsAt().isAfter(clock.instant())) {
            throw new IllegalArgumentException(
                    "Attendance is recorded once a session has started; this one starts " + session.startsAt());
        }
        record("session_leader", "user_id", id, session.leaders(), leaders, "leader");
        record("session_customer", "panel_member_id", id, session.customers(), customers, "customer");
        audit.record(
                "session.attendance", "session:" + id, leaders.size() + " leaders, " + customers.size() + " customers");
        events.publishEvent(new AttendanceRecorded(id));
    }

    private void record(
            String table,
            String column,
            UUID session,
            Map<UUID, Attendance> invited,
            Map<UUID, Attendance> recorded,
            String who) {
        for (Map.Entry<UUID, Attendance> entry : recorded.entrySet()) {
            if (!invited.containsKey(entry.getKey())) {
                throw new IllegalArgumentException("This " + who + " (" + entry.getKey() + ") was not invited");
            }
            jdbc.update(
                    "UPDATE " + table + " SET attended = ? WHERE session_id = ? AND " + column + " = ?",
                    entry.getValue().column(),
                    session,
                    entry.getKey());
        }
    }

    /** Cancels session {@code id}; it stays on the record. */
    @Transactional
    public void cancel(UUID id, String actor) {
        get(id);
        jdbc.update("UPDATE customer_session SET cancelled = true WHERE id = ?", id);
        audit.record("session.cancel", "session:" + id, "cancelled");
    }

    public Optional<CustomerSession> find(UUID id) {
        return sessions("id = ?", id).stream().findFirst();
    }

    /** Session {@code id}, or {@link NoSuchSession}. */
    public CustomerSession get(UUID id) {
        return find(id).orElseThrow(() -> new NoSuchSession(id));
    }

    /** Programme {@code programmeId}'s sessions in time order. */
    public List<CustomerSession> ofProgramme(UUID programmeId) {
        return sessions("programme_id = ?", programmeId);
    }

    /** The sessions of cohort {@code cohortId} in time order. */
    public List<CustomerSession> ofCohort(UUID cohortId) {
        return sessions("cohort_id = ?", cohortId);
    }

    /** The sessions user {@code userId} is invited to as a leader or leads as facilitator, in time order. */
    public List<CustomerSession> ofPerson(UUID userId) {
        return sessions(
                "facilitator_id = ? OR id IN (SELECT session_id FROM session_leader WHERE user_id = ?)",
                userId,
                userId);
    }

    /** A session that does not exist. */
    public static final class NoSuchSession extends IllegalArgumentException {
        NoSuchSession(UUID id) {
            super("There is no session " + id);
        }
    }

    private static Map<UUID, Attendance> invited(Collection<UUID> ids) {
        Map<UUID, Attendance> invited = new HashMap<>();
        new LinkedHashSet<>(ids).forEach(id -> invited.put(id, Attendance.INVITED));
        return invited;
    }

    /** The sessions matching {@code where}, in time order, with their attendance read in two queries. */
    private List<CustomerSession> sessions(String where, Object... args) {
        String ids = "SELECT id FROM customer_session WHERE " + where;
        Map<UUID, Map<UUID, Attendance>> leaders =
                Attendance.read(jdbc, "session_leader", "session_id", "user_id", ids, args);
        Map<UUID, Map<UUID, Attendance>> customers =
                Attendance.read(jdbc, "session_customer", "session_id", "panel_member_id", ids, args);
        return jdbc.query(
                "SELECT * FROM customer_session WHERE " + where + " ORDER BY starts_at, title",
                (row, n) -> session(row, leaders, customers),
                args);
    }

    private static CustomerSession session(
            ResultSet row, Map<UUID, Map<UUID, Attendance>> leaders, Map<UUID, Map<UUID, Attendance>> customers)
            throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new CustomerSession(
                id,
                row.getObject("programme_id", UUID.class),
                row.getObject("cohort_id", UUID.class),
                row.getString("title"),
                row.getTimestamp("starts_at").toInstant(),
                row.getInt("minutes"),
                SessionFormat.of(row.getString("format")),
                row.getObject("facilitator_id", UUID.class),
                row.getString("guide"),
                row.getString("notes"),
                row.getBoolean("cancelled"),
                leaders.getOrDefault(id, Map.of()),
                customers.getOrDefault(id, Map.of()));
    }
}
