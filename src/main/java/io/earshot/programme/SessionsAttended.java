package io.earshot.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exposure from customer sessions: those a leader came to, as attendance recorded them, not cancelled ones. */
@Component
class SessionsAttended implements EncounterSource {

    private final JdbcTemplate jdbc;

    SessionsAttended(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Encounter>> encounters() {
        Map<UUID, List<Encounter>> encounters = new HashMap<>();
        jdbc.query("""
                SELECT l.user_id, s.id, s.programme_id, s.title, s.starts_at, s.minutes
                FROM session_leader l JOIN customer_session s ON s.id = l.session_id
                WHERE l.attended AND NOT s.cancelled""", row -> {
            var start = row.getTimestamp("starts_at").toInstant();
            encounters
                    .computeIfAbsent(row.getObject("user_id", UUID.class), user -> new ArrayList<>())
                    .add(new Encounter(
                            Encounter.Kind.SESSION,
                            start,
                            start.plusSeconds(60L * row.getInt("minutes")),
                            row.getString("title"),
                            "/programmes/" + row.getObject("programme_id", UUID.class) + "/sessions/"
                                    + row.getObject("id", UUID.class)));
        });
        return encounters;
    }
}
