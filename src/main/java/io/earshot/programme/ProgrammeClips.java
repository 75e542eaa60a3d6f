package io.earshot.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The clips cut from a programme's sessions, as workshops choose and show them. A clip is shown only while every
 * customer of its session (those who came, once attendance is recorded) consents to internal sharing (ADR 18).
 */
@Component
class ProgrammeClips {

    /** Why a clip is not shown. */
    static final String WITHHELD = "Withheld: a customer of its session does not consent to internal sharing";

    /**
     * A clip of the programme.
     *
     * @param shared whether it may be shown now; when not, its title and quote must not be
     */
    record ProgrammeClip(UUID id, UUID sessionId, String title, String quote, boolean shared) {}

    private final JdbcTemplate jdbc;
    private final CustomerSessions sessions;
    private final Panels panels;
    private final Clock clock;

    ProgrammeClips(JdbcTemplate jdbc, CustomerSessions sessions, Panels panels, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.panels = panels;
        this.clock = clock;
    }

    /** The clips of programme {@code programmeId}'s sessions, by title. */
    List<ProgrammeClip> ofProgramme(UUID programmeId) {
        Map<UUID, Boolean> shared = new HashMap<>();
        return jdbc.query(
                """
                SELECT c.id, c.title, c.quote, r.session_id FROM clip c
                JOIN recording r ON r.id = c.recording_id JOIN customer_session s ON s.id = r.session_id
                WHERE s.programme_id = ? ORDER BY c.title, c.id""",
                (row, n) -> {
                    UUID session = row.getObject("session_id", UUID.class);
                    return new ProgrammeClip(
                            row.getObject("id", UUID.class),
                            session,
                            row.getString("title"),
                            row.getString("quote"),
                            shared.computeIfAbsent(session, this::shared));
                },
                programmeId);
    }

    /** Those of {@code ids} that are clips of programme {@code programmeId}, by id. */
    Map<UUID, ProgrammeClip> of(UUID programmeId, Collection<UUID> ids) {
        Map<UUID, ProgrammeClip> clips = new HashMap<>();
        ofProgramme(programmeId).stream()
                .filter(clip -> ids.contains(clip.id()))
                .forEach(clip -> clips.put(clip.id(), clip));
        return clips;
    }

    private boolean shared(UUID sessionId) {
        LocalDate today = LocalDate.now(clock);
        CustomerSession session = sessions.get(sessionId);
        return session.customers().entrySet().stream()
                .filter(customer -> !session.attendanceRecorded() || customer.getValue() == Attendance.ATTENDED)
                .allMatch(customer -> panels.find(customer.getKey())
                        .map(member -> member.consents(ConsentKind.SHARE_INTERNALLY, today))
                        .orElse(false));
    }
}
