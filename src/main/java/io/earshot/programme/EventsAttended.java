package io.earshot.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exposure from closeness events: those an employee came to, as attendance recorded them, not cancelled ones. */
@Component
class EventsAttended implements EncounterSource {

    private final JdbcTemplate jdbc;

    EventsAttended(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Encounter>> encounters() {
        Map<UUID, List<Encounter>> encounters = new HashMap<>();
        jdbc.query("""
                SELECT a.user_id, e.id, e.title, e.starts_at, e.ends_at
                FROM event_employee a JOIN closeness_event e ON e.id = a.event_id
                WHERE a.attended AND NOT e.cancelled""", row -> {
            encounters
                    .computeIfAbsent(row.getObject("user_id", UUID.class), user -> new ArrayList<>())
                    .add(new Encounter(
                            Encounter.Kind.EVENT,
                            row.getTimestamp("starts_at").toInstant(),
                            row.getTimestamp("ends_at").toInstant(),
                            row.getString("title"),
                            "/events/" + row.getObject("id", UUID.class)));
        });
        return encounters;
    }
}
