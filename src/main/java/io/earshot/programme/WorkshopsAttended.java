package io.earshot.programme;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Exposure from empathy workshops: those a person came to, as attendance recorded them, not cancelled ones. */
@Component
class WorkshopsAttended implements EncounterSource {

    private final JdbcTemplate jdbc;

    WorkshopsAttended(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UUID, List<Encounter>> encounters() {
        Map<UUID, List<Encounter>> encounters = new HashMap<>();
        jdbc.query("""
                SELECT a.user_id, w.id, w.programme_id, w.title, w.starts_at, w.minutes
                FROM workshop_attendee a JOIN workshop w ON w.id = a.workshop_id
                WHERE a.attended AND NOT w.cancelled""", row -> {
            var start = row.getTimestamp("starts_at").toInstant();
            encounters
                    .computeIfAbsent(row.getObject("user_id", UUID.class), user -> new ArrayList<>())
                    .add(new Encounter(
                            Encounter.Kind.WORKSHOP,
                            start,
                            start.plusSeconds(60L * row.getInt("minutes")),
                            row.getString("title"),
                            "/programmes/" + row.getObject("programme_id", UUID.class) + "/workshops/"
                                    + row.getObject("id", UUID.class)));
        });
        return encounters;
    }
}
