package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored closeness events of programmes, with the customers and employees invited and who came. Invited customers
 * must be on the programme's panel and consent to take part. Every change is audited.
 */
@Service
public class ClosenessEvents {

    private final JdbcTemplate jdbc;
    private final Programmes programmes;
    private final Panels panels;
    private final People people;
    private final Audit audit;
    private final Clock clock;

    ClosenessEvents(JdbcTemplate jdbc, Programmes programmes, Panels panels, People people, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.panels = panels;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a scheduled event is to be; people are invited on its page. */
    public record Plan(String title, Instant startsAt, Instant endsAt, String place, String agenda) {}

    /** Schedules an event of programme {@code programmeId}; returns it. */
    @Transactional
    public ClosenessEvent schedule(UUID programmeId, Plan plan, String actor) {
        programmes.get(programmeId);
        ClosenessEvent event = new ClosenessEvent(
                UUID.randomUUID(),
                programmeId,
                plan.title(),
                plan.startsAt(),
                plan.endsAt(),
                plan.place(),
                plan.agenda(),
                false,
                Map.of(),
                Map.of());
        jdbc.update(
                "INSERT INTO closeness_event VALUES (?, ?, ?, ?, ?, ?, ?, false, ?, ?)",
                event.id(),
                programmeId,
                event.title(),
                Timestamp.from(event.startsAt()),
                Timestamp.from(event.endsAt()),
                event.place(),
                event.agenda(),
                Timestamp.from(clock.instant()),
                actor);
        audit.record("event.schedule", "event:" + event.id(), event.title() + " at " + event.startsAt());
        return event;
    }

    /** Replaces the agenda of event {@code id} (Markdown). */
    @Transactional
    public void writeAgenda(UUID id, String agenda, String actor) {
        String checked = Text.optional(agenda, "The agenda", ClosenessEvent.MAX_AGENDA);
        get(id);
        jdbc.update("UPDATE closeness_event SET agenda = ? WHERE id = ?", checked, id);
        audit.record("event.agenda", "event:" + id, checked.length() + " characters");
    }

    /**
     * Invites employees {@code userIds} (active users of any role) and customers {@code customerIds} (panel members of
     * the programme who consent to take part) to event {@code id}; those already invited keep their attendance.
     */
    @Transactional
    public void invite(UUID id, Collection<UUID> userIds, Collection<UUID> customerIds, String actor) {
        ClosenessEvent event = get(id);
        if (userIds.isEmpty() && customerIds.isEmpty()) {
            throw new IllegalArgumentException("Choose at least one employee or customer to invite");
        }
        for (UUID user : userIds) {
            if (!people.active(user)) {
                throw new IllegalArgumentException(
                        "Employee " + user + " is not an active user; choose from those offered");
            }
        }
        LocalDate day = event.startsAt().atZone(clock.getZone()).toLocalDate();
        for (UUID customer : customerIds) {
            PanelMember member = panels.find(customer)
                    .filter(found -> found.programmeId().equals(event.programmeId()))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Customer " + customer + " is not on this programme's panel; choose from those offered"));
            if (!member.consents(ConsentKind.PARTICIPATE, day)
                    && !member.consents(ConsentKind.PARTICIPATE, LocalDate.now(clock))) {
                throw new IllegalArgumentException(
                        member.name() + " has not consented to take part: record their consent on the panel first");
            }
        }
        new LinkedHashSet<>(userIds)
                .stream()
                        .filter(user -> !event.employees().containsKey(user))
                        .forEach(user -> jdbc.update("INSERT INTO event_employee VALUES (?, ?, NULL)", id, user));
        new LinkedHashSet<>(customerIds)
                .stream()
                        .filter(customer -> !event.customers().containsKey(customer))
                        .forEach(customer ->
                                jdbc.update("INSERT INTO event_customer VALUES (?, ?, NULL)", id, customer));
        audit.record(
                "event.invite", "event:" + id, userIds.size() + " employees, " + customerIds.size() + " customers");
    }

    /** Records who came, as it happened; someone not invited, or an event not started yet, is refused. */
    @Transactional
    public void recordAttendance(
            UUID id, Map<UUID, Attendance> employees, Map<UUID, Attendance> customers, String actor) {
        ClosenessEvent event = get(id);
        if (!event.hasStarted(clock.instant())) {
            throw new IllegalArgumentException(
                    "Attendance is recorded once an event has started; this one starts " + event.startsAt());
        }
        record("event_employee", "user_id", id, event.employees(), employees, "Employee");
        record("event_customer", "panel_member_id", id, event.customers(), customers, "Customer");
        audit.record(
                "event.attendance", "event:" + id, employees.size() + " employees, " + customers.size() + " customers");
    }

    private void record(
            String table,
            String column,
            UUID id,
            Map<UUID, Attendance> invited,
            Map<UUID, Attendance> recorded,
            String who) {
        recorded.forEach((person, attendance) -> {
            if (!invited.containsKey(person)) {
                throw new IllegalArgumentException(who + " " + person + " was not invited to this event");
            }
            jdbc.update(
                    "UPDATE " + table + " SET attended = ? WHERE event_id = ? AND " + column + " = ?",
                    attendance.column(),
                    id,
                    person);
        });
    }

    /** Cancels event {@code id}; it stays on the record. */
    @Transactional
    public void cancel(UUID id, String actor) {
        get(id);
        jdbc.update("UPDATE closeness_event SET cancelled = true WHERE id = ?", id);
        audit.record("event.cancel", "event:" + id, "cancelled");
    }

    public Optional<ClosenessEvent> find(UUID id) {
        return events("id = ?", id).stream().findFirst();
    }

    /** Event {@code id}, or an {@link IllegalArgumentException} saying there is none. */
    public ClosenessEvent get(UUID id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("There is no event " + id));
    }

    /** Programme {@code programmeId}'s events in time order. */
    public List<ClosenessEvent> ofProgramme(UUID programmeId) {
        return events("programme_id = ?", programmeId);
    }

    /** The events employee {@code userId} actually attended (attendance recorded as came), in time order. */
    List<Occasion> attendedBy(UUID userId) {
        return events(
                        "NOT cancelled AND id IN (SELECT event_id FROM event_employee WHERE user_id = ? AND attended)",
                        userId)
                .stream()
                .map(ClosenessEvent::occasion)
                .toList();
    }

    /** The events user {@code userId} is invited to that have not ended and are not cancelled, in time order. */
    List<Occasion> invitedUpcoming(UUID userId) {
        Instant now = clock.instant();
        return events("NOT cancelled AND id IN (SELECT event_id FROM event_employee WHERE user_id = ?)", userId)
                .stream()
                .filter(event -> event.endsAt().isAfter(now))
                .map(ClosenessEvent::occasion)
                .toList();
    }

    private List<ClosenessEvent> events(String where, Object... args) {
        String ids = "SELECT id FROM closeness_event WHERE " + where;
        Map<UUID, Map<UUID, Attendance>> customers =
                Attendance.read(jdbc, "event_customer", "event_id", "panel_member_id", ids, args);
        Map<UUID, Map<UUID, Attendance>> employees =
                Attendance.read(jdbc, "event_employee", "event_id", "user_id", ids, args);
        return jdbc.query(
                "SELECT * FROM closeness_event WHERE " + where + " ORDER BY starts_at, title",
                (row, n) -> event(row, customers, employees),
                args);
    }

    private static ClosenessEvent event(
            ResultSet row, Map<UUID, Map<UUID, Attendance>> customers, Map<UUID, Map<UUID, Attendance>> employees)
            throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        return new ClosenessEvent(
                id,
                row.getObject("programme_id", UUID.class),
                row.getString("title"),
                row.getTimestamp("starts_at").toInstant(),
                row.getTimestamp("ends_at").toInstant(),
                row.getString("place"),
                row.getString("agenda"),
                row.getBoolean("cancelled"),
                customers.getOrDefault(id, Map.of()),
                employees.getOrDefault(id, Map.of()));
    }
}
