package io.earshot.programme;

import io.earshot.access.Audit;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer panels of programmes: who is on them, the consents they gave and revoked, and the incentives promised
 * and given. A change of consent publishes {@link ConsentChanged}, so that what depends on it (shared clips) follows
 * at once.
 */
@Service
public class Panels {

    private final JdbcTemplate jdbc;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Panels(JdbcTemplate jdbc, Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Adds a customer to programme {@code programmeId}'s panel, with the consents they gave today. */
    @Transactional
    public PanelMember add(
            UUID programmeId,
            String customerId,
            String name,
            String email,
            String organisation,
            String availability,
            List<ConsentKind> consents,
            String actor) {
        PanelMember member = new PanelMember(
                UUID.randomUUID(), programmeId, customerId, name, email, organisation, availability, List.of());
        if (member.customerId() != null
                && members(programmeId).stream()
                        .anyMatch(other -> member.customerId().equals(other.customerId()))) {
            throw new IllegalArgumentException(
                    "Customer " + member.customerId() + " is already on this programme's panel");
        }
        jdbc.update(
                "INSERT INTO panel_member VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                member.id(),
                programmeId,
                member.customerId(),
                member.name(),
                member.email().isEmpty() ? null : member.email(),
                member.organisation().isEmpty() ? null : member.organisation(),
                member.availability(),
                Timestamp.from(clock.instant()),
                actor);
        audit.record("panel.add", "programme:" + programmeId, member.name());
        for (ConsentKind kind : consents) {
            grant(member.id(), kind, today(), actor);
        }
        return find(member.id()).orElseThrow();
    }

    /** Records that panel member {@code memberId} gave consent of {@code kind} on {@code day}. */
    @Transactional
    public void grant(UUID memberId, ConsentKind kind, LocalDate day, String actor) {
        PanelMember member = get(memberId);
        if (member.consents(kind, day)) {
            throw new IllegalArgumentException(member.name() + " already consents to " + kind.description());
        }
        if (day.isAfter(today())) {
            throw new IllegalArgumentException("A consent is recorded when given: " + day + " is in the future");
        }
        jdbc.update(
                "INSERT INTO consent VALUES (?, ?, ?, ?, NULL, ?, ?)",
                UUID.randomUUID(),
                memberId,
                kind.value(),
                Date.valueOf(day),
                actor,
                Timestamp.from(clock.instant()));
        audit.record("consent.grant", "panel:" + memberId, kind.value() + " from " + day);
        events.publishEvent(new ConsentChanged(memberId, kind, true));
    }

    /** Records that panel member {@code memberId} revoked consent of {@code kind} today; it stops holding at once. */
    @Transactional
    public void revoke(UUID memberId, ConsentKind kind, String actor) {
        PanelMember member = get(memberId);
        LocalDate today = today();
        int closed = jdbc.update(
                "UPDATE consent SET revoked_on = ? WHERE panel_member_id = ? AND kind = ? AND revoked_on IS NULL",
                Date.valueOf(today),
                memberId,
                kind.value());
        if (closed == 0) {
            throw new IllegalArgumentException(member.name() + " has not consented to " + kind.description());
        }
        // a consent given today and revoked today never held: revoked_on = granted_on makes holdsOn false for today
        audit.record("consent.revoke", "panel:" + memberId, kind.value() + " on " + today);
        events.publishEvent(new ConsentChanged(memberId, kind, false));
    }

    /** Promises an incentive to panel member {@code memberId}. */
    @Transactional
    public Incentive promise(
            UUID memberId, UUID sessionId, String description, BigDecimal amount, String currency, String actor) {
        get(memberId);
        Incentive incentive =
                new Incentive(UUID.randomUUID(), memberId, sessionId, description, amount, currency, today(), null);
        jdbc.update(
                "INSERT INTO incentive VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
                incentive.id(),
                memberId,
                sessionId,
                incentive.description(),
                amount,
                incentive.currency().isEmpty() ? null : incentive.currency(),
                Date.valueOf(incentive.promisedOn()));
        audit.record("incentive.promise", "panel:" + memberId, incentive.description());
        return incentive;
    }

    /** Records that incentive {@code incentiveId} was given today. */
    @Transactional
    public void give(UUID incentiveId, String actor) {
        int given = jdbc.update(
                "UPDATE incentive SET given_on = ? WHERE id = ? AND given_on IS NULL",
                Date.valueOf(today()),
                incentiveId);
        if (given == 0) {
            throw new IllegalArgumentException("There is no incentive " + incentiveId + " still to give");
        }
        audit.record("incentive.give", "incentive:" + incentiveId, "given");
    }

    /** The incentives of programme {@code programmeId}'s panel, by panel member. */
    public Map<UUID, List<Incentive>> incentives(UUID programmeId) {
        return jdbc.query("""
                        SELECT i.* FROM incentive i JOIN panel_member m ON m.id = i.panel_member_id
                        WHERE m.programme_id = ? ORDER BY i.promised_on, i.description""", Panels::incentive, programmeId).stream()
                .collect(Collectors.groupingBy(Incentive::panelMemberId));
    }

    public Optional<PanelMember> find(UUID memberId) {
        List<Consent> consents = jdbc.query(
                "SELECT * FROM consent WHERE panel_member_id = ? ORDER BY granted_on, recorded_at",
                Panels::consent,
                memberId);
        return jdbc
                .query("SELECT * FROM panel_member WHERE id = ?", (row, n) -> member(row, consents), memberId)
                .stream()
                .findFirst();
    }

    /** Panel member {@code memberId}, or an {@link IllegalArgumentException} saying there is none. */
    public PanelMember get(UUID memberId) {
        return find(memberId).orElseThrow(() -> new IllegalArgumentException("There is no panel member " + memberId));
    }

    /** Programme {@code programmeId}'s panel, by name. */
    public List<PanelMember> members(UUID programmeId) {
        Map<UUID, List<Consent>> consents = jdbc.query("""
                        SELECT c.* FROM consent c JOIN panel_member m ON m.id = c.panel_member_id
                        WHERE m.programme_id = ? ORDER BY c.granted_on, c.recorded_at""", Panels::consent, programmeId).stream()
                .collect(Collectors.groupingBy(Consent::panelMemberId));
        return jdbc.query(
                "SELECT * FROM panel_member WHERE programme_id = ? ORDER BY name, id",
                (row, n) -> member(row, consents.getOrDefault(row.getObject("id", UUID.class), List.of())),
                programmeId);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static PanelMember member(ResultSet row, List<Consent> consents) throws SQLException {
        return new PanelMember(
                row.getObject("id", UUID.class),
                row.getObject("programme_id", UUID.class),
                row.getString("customer_id"),
                row.getString("name"),
                row.getString("email"),
                row.getString("organisation"),
                row.getString("availability"),
                new ArrayList<>(consents));
    }

    private static Consent consent(ResultSet row, int n) throws SQLException {
        Date revoked = row.getDate("revoked_on");
        return new Consent(
                row.getObject("id", UUID.class),
                row.getObject("panel_member_id", UUID.class),
                ConsentKind.of(row.getString("kind")),
                row.getDate("granted_on").toLocalDate(),
                revoked == null ? null : revoked.toLocalDate(),
                row.getString("recorded_by"));
    }

    private static Incentive incentive(ResultSet row, int n) throws SQLException {
        Date given = row.getDate("given_on");
        return new Incentive(
                row.getObject("id", UUID.class),
                row.getObject("panel_member_id", UUID.class),
                row.getObject("session_id", UUID.class),
                row.getString("description"),
                row.getBigDecimal("amount"),
                row.getString("currency"),
                row.getDate("promised_on").toLocalDate(),
                given == null ? null : given.toLocalDate());
    }
}
