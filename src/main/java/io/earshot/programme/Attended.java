package io.earshot.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exposure from what people attended, as attendance recorded it: customer sessions (as a leader), empathy workshops and
 * closeness events. Cancelled ones count for nothing, and neither does anyone only invited or recorded absent.
 */
@Component
class Attended implements EncounterSource {

    private final JdbcTemplate jdbc;

    Attended(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Encounter>> encounters() {
        Map<UUID, List<Encounter>> encounters = new HashMap<>();
        jdbc.query("""
                SELECT 'SESSION' AS kind, l.user_id, s.title, s.starts_at,
                       s.starts_at + s.minutes * INTERVAL 1 MINUTE AS ends_at,
                       '/programmes/' || s.programme_id || '/sessions/' || s.id AS link
                FROM session_leader l JOIN customer_session s ON s.id = l.session_id
                WHERE l.attended AND NOT s.cancelled
                UNION ALL
                SELECT 'WORKSHOP', a.user_id, w.title, w.starts_at, w.starts_at + w.minutes * INTERVAL 1 MINUTE,
                       '/programmes/' || w.programme_id || '/workshops/' || w.id
                FROM workshop_attendee a JOIN workshop w ON w.id = a.workshop_id
                WHERE a.attended AND NOT w.cancelled
                UNION ALL
                SELECT 'EVENT', a.user_id, e.title, e.starts_at, e.ends_at, '/events/' || e.id
                FROM event_employee a JOIN closeness_event e ON e.id = a.event_id
                WHERE a.attended AND NOT e.cancelled""", row -> {
            encounters
                    .computeIfAbsent(row.getObject("user_id", UUID.class), user -> new ArrayList<>())
                    .add(new Encounter(
                            Encounter.Kind.valueOf(row.getString("kind")),
                            row.getTimestamp("starts_at").toInstant(),
                            row.getTimestamp("ends_at").toInstant(),
                            row.getString("title"),
                            row.getString("link")));
        });
        return encounters;
    }
}
