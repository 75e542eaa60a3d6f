package io.earshot.programme;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the clip tools of a recording post, for templates that know only the recording: {@code
 * @clipPaths.clipsOf(recording.id)}.
 */
@Component("clipPaths")
class ClipPaths {

    private final JdbcTemplate jdbc;

    ClipPaths(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The path that makes a clip of recording {@code recordingId}. */
    public String clipsOf(UUID recordingId) {
        return jdbc
                .query(
                        "SELECT s.programme_id, s.id FROM recording r JOIN customer_session s ON s.id = r.session_id"
                                + " WHERE r.id = ?",
                        (row, n) -> clipsOf(row.getObject(1, UUID.class), row.getObject(2, UUID.class), recordingId),
                        recordingId)
                .stream()
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("There is no recording " + recordingId));
    }

    static String clipsOf(UUID programmeId, UUID sessionId, UUID recordingId) {
        return "/programmes/" + programmeId + "/sessions/" + sessionId + "/recordings/" + recordingId + "/clips";
    }
}
