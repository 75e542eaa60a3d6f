package io.earshot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.WebSession;
import io.earshot.programme.CustomerSession;
import io.earshot.programme.CustomerSessions;
import io.earshot.programme.Panels;
import io.earshot.programme.Programme;
import io.earshot.programme.Programmes;
import io.earshot.programme.Recordings;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo programme on a real store (without the demo's signals, so its panel is made of contacts): cohorts, panel,
 * past and upcoming sessions, the recorded interviews with their transcripts, and leaders whose exposure differs as
 * planned, read through the exposure API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
class DemoProgrammeTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    Programmes programmes;

    @Autowired
    Panels panels;

    @Autowired
    CustomerSessions sessions;

    @Autowired
    Recordings recordings;

    static final List<String> said = new ArrayList<>();

    @BeforeAll
    static void createTwice(@Autowired DemoUsers users, @Autowired DemoProgramme programme) {
        users.create(line -> {});
        programme.create(said::add);
        programme.create(said::add);
    }

    @Test
    void createsOneRunningProgrammeWithCohortsPanelAndSessions() {
        assertThat(programmes.all()).extracting(Programme::name).containsExactly(DemoProgramme.NAME);
        Programme programme = programmes.all().getFirst();
        assertThat(programmes.cohorts(programme.id())).hasSize(2);
        assertThat(panels.members(programme.id())).hasSize(8);
        List<CustomerSession> all = sessions.ofProgramme(programme.id());
        Instant now = Instant.now();
        assertThat(all.stream().filter(s -> s.isPast(now))).hasSize(8);
        assertThat(all.stream().filter(s -> !s.isPast(now))).hasSize(2);
        assertThat(said).hasSize(1);
    }

    @Test
    void threeSessionsHaveRecordedInterviewsWithTranscripts() {
        Programme programme = programmes.all().getFirst();
        var recorded = sessions.ofProgramme(programme.id()).stream()
                .flatMap(session -> recordings.ofSession(session.id()).stream())
                .toList();
        assertThat(recorded).hasSize(3);
        assertThat(recorded).allSatisfy(recording -> {
            assertThat(recording.contentType()).isEqualTo("video/mp4");
            assertThat(recording.transcriptLines()).isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void leadersExposureDiffersAsPlanned() {
        WebSession admin = WebSession.signIn(port, "programmes@demo.earshot.dev", "demo");
        JsonNode leaders = JsonMapper.builder()
                .build()
                .readTree(admin.get("/api/v1/exposure").body())
                .get("leaders");
        Map<String, String> status = new HashMap<>();
        leaders.forEach(leader ->
                status.put(leader.get("name").asString(), leader.get("status").asString()));
        assertThat(status)
                .containsEntry("Lee Dersen", "on_track")
                .containsEntry("Helena Voss", "due_soon")
                .containsEntry("Noor Achter", "overdue")
                .containsEntry("Ravi Patel", "none")
                .containsEntry("Sofia Berg", "on_track");
    }
}
