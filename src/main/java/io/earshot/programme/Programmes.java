package io.earshot.programme;

import io.earshot.access.Audit;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored programmes with their cohorts and facilitators. Every change is audited. */
@Service
public class Programmes {

    private final JdbcTemplate jdbc;
    private final People people;
    private final Audit audit;
    private final Clock clock;

    Programmes(JdbcTemplate jdbc, People people, Audit audit, Clock clock) {
        this.jdbc = jdbc;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    /** A programme that does not exist. */
    public static final class NoSuchProgramme extends RuntimeException {
        NoSuchProgramme(UUID id) {
            super("There is no programme " + id);
        }
    }

    /** Starts a programme; returns it. */
    @Transactional
    public Programme create(
            String name,
            String goal,
            UUID sponsorId,
            int cadenceDays,
            LocalDate startsOn,
            LocalDate endsOn,
            String actor) {
        if (sponsorId != null) {
            people.requireActive(List.of(sponsorId), "sponsor");
        }
        Programme programme = new Programme(
                UUID.randomUUID(), name, goal, sponsorId, cadenceDays, startsOn, endsOn, clock.instant(), actor);
        jdbc.update(
                "INSERT INTO programme VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                programme.id(),
                programme.name(),
                programme.goal(),
                programme.sponsorId(),
                programme.cadenceDays(),
                Date.valueOf(programme.startsOn()),
                programme.endsOn() == null ? null : Date.valueOf(programme.endsOn()),
                Timestamp.from(programme.createdAt()),
                actor);
        audit.record("programme.create", "programme:" + programme.id(), programme.name());
        return programme;
    }

    public Optional<Programme> find(UUID id) {
        return jdbc.query("SELECT * FROM programme WHERE id = ?", Programmes::programme, id).stream()
                .findFirst();
    }

    /** The programme {@code id}, or {@link NoSuchProgramme}. */
    public Programme get(UUID id) {
        return find(id).orElseThrow(() -> new NoSuchProgramme(id));
    }

    /** Every programme, the latest started first. */
    public List<Programme> all() {
        return jdbc.query("SELECT * FROM programme ORDER BY starts_on DESC, name", Programmes::programme);
    }

    /** Adds a cohort of leaders to programme {@code programmeId}; returns it. */
    @Transactional
    public Cohort addCohort(UUID programmeId, String name, Collection<UUID> memberIds) {
        get(programmeId);
        Cohort cohort = new Cohort(UUID.randomUUID(), programmeId, name, List.copyOf(memberIds));
        if (cohorts(programmeId).stream().anyMatch(other -> other.name().equalsIgnoreCase(cohort.name()))) {
            throw new IllegalArgumentException("This programme already has a cohort named '" + cohort.name() + "'");
        }
        jdbc.update(
                "INSERT INTO cohort VALUES (?, ?, ?, ?)",
                cohort.id(),
                programmeId,
                cohort.name(),
                Timestamp.from(clock.instant()));
        setMembers(cohort.id(), memberIds);
        audit.record("cohort.create", "programme:" + programmeId, cohort.name());
        return cohort;
    }

    /** Makes {@code memberIds} the leaders of cohort {@code cohortId}. */
    @Transactional
    public void setMembers(UUID cohortId, Collection<UUID> memberIds) {
        people.requireActive(memberIds, "leader");
        jdbc.update("DELETE FROM cohort_member WHERE cohort_id = ?", cohortId);
        for (UUID member : new java.util.LinkedHashSet<>(memberIds)) {
            jdbc.update("INSERT INTO cohort_member VALUES (?, ?)", cohortId, member);
        }
        audit.record("cohort.members", "cohort:" + cohortId, memberIds.size() + " leaders");
    }

    /** The cohorts of programme {@code programmeId}, by name, each with its leaders. */
    public List<Cohort> cohorts(UUID programmeId) {
        Map<UUID, String> names = new LinkedHashMap<>();
        jdbc.query(
                "SELECT id, name FROM cohort WHERE programme_id = ? ORDER BY name",
                row -> {
                    names.put(row.getObject("id", UUID.class), row.getString("name"));
                },
                programmeId);
        List<Cohort> cohorts = new ArrayList<>();
        names.forEach((id, name) -> cohorts.add(new Cohort(id, programmeId, name, members(id))));
        return cohorts;
    }

    public Optional<Cohort> cohort(UUID cohortId) {
        return jdbc
                .query(
                        "SELECT id, programme_id, name FROM cohort WHERE id = ?",
                        (row, n) -> new Cohort(
                                cohortId,
                                row.getObject("programme_id", UUID.class),
                                row.getString("name"),
                                members(cohortId)),
                        cohortId)
                .stream()
                .findFirst();
    }

    private List<UUID> members(UUID cohortId) {
        return jdbc.queryForList(
                "SELECT user_id FROM cohort_member WHERE cohort_id = ? ORDER BY user_id", UUID.class, cohortId);
    }

    /** The names of the cohorts each leader is in, by user id. */
    public Map<UUID, java.util.Set<String>> cohortNamesByMember() {
        Map<UUID, java.util.Set<String>> names = new LinkedHashMap<>();
        jdbc.query(
                "SELECT m.user_id, c.name FROM cohort_member m JOIN cohort c ON c.id = m.cohort_id ORDER BY c.name",
                row -> {
                    names.computeIfAbsent(row.getObject(1, UUID.class), user -> new java.util.TreeSet<>())
                            .add(row.getString(2));
                });
        return names;
    }

    /** Makes {@code userIds} the facilitators of programme {@code programmeId}. */
    @Transactional
    public void setFacilitators(UUID programmeId, Collection<UUID> userIds) {
        get(programmeId);
        people.requireActive(userIds, "facilitator");
        jdbc.update("DELETE FROM programme_facilitator WHERE programme_id = ?", programmeId);
        for (UUID user : new java.util.LinkedHashSet<>(userIds)) {
            jdbc.update("INSERT INTO programme_facilitator VALUES (?, ?)", programmeId, user);
        }
        audit.record("programme.facilitators", "programme:" + programmeId, userIds.size() + " facilitators");
    }

    public List<UUID> facilitators(UUID programmeId) {
        return jdbc.queryForList(
                "SELECT user_id FROM programme_facilitator WHERE programme_id = ? ORDER BY user_id",
                UUID.class,
                programmeId);
    }

    /** The programmes whose cohorts include {@code userId}, or that they facilitate or sponsor. */
    public List<Programme> of(UUID userId) {
        return jdbc.query("""
                SELECT * FROM programme p
                WHERE p.sponsor_id = ?
                   OR p.id IN (SELECT c.programme_id FROM cohort c JOIN cohort_member m ON m.cohort_id = c.id
                               WHERE m.user_id = ?)
                   OR p.id IN (SELECT programme_id FROM programme_facilitator WHERE user_id = ?)
                ORDER BY p.starts_on DESC, p.name""", Programmes::programme, userId, userId, userId);
    }

    private static Programme programme(ResultSet row, int n) throws SQLException {
        Date endsOn = row.getDate("ends_on");
        return new Programme(
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("goal"),
                row.getObject("sponsor_id", UUID.class),
                row.getInt("cadence_days"),
                row.getDate("starts_on").toLocalDate(),
                endsOn == null ? null : endsOn.toLocalDate(),
                row.getTimestamp("created_at").toInstant(),
                row.getString("created_by"));
    }
}
