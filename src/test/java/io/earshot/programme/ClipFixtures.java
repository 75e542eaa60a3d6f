package io.earshot.programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Builds what clips are cut from: a programme with a panel, a past session with those customers, and a recording of it
 * (rows in {@code recording} and {@code transcript_line}, and the 8-second test video as its media file).
 */
final class ClipFixtures {

    /** The test video: 8 seconds, VP8 and Opus (see src/test/resources/programme/clips/README.md). */
    static final Path VIDEO = Path.of("src/test/resources/programme/clips/session.webm");

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private final Path dataDir;

    ClipFixtures(ApplicationContext context, Path dataDir) {
        this.context = context;
        this.jdbc = context.getBean(JdbcTemplate.class);
        this.dataDir = dataDir;
    }

    /** A recorded session and its customers on the panel. */
    record Recorded(Programme programme, CustomerSession session, List<PanelMember> customers, UUID recordingId) {

        PanelMember customer(int index) {
            return customers.get(index);
        }
    }

    /**
     * A programme whose session yesterday had customers {@code names} (customer ids {@code C-<name>}), each consenting
     * to take part, be recorded and have clips shared; recorded with a transcript of {@code lines}, one line per 2
     * seconds (line n from (n-1)*2 s to n*2 s).
     */
    Recorded recorded(List<String> names, UUID facilitatorId, String... lines) {
        Programmes programmes = context.getBean(Programmes.class);
        Panels panels = context.getBean(Panels.class);
        Programme programme = programmes.create(
                "Closer to new customers " + UUID.randomUUID(),
                "Hear new customers",
                null,
                30,
                LocalDate.now().minusDays(30),
                null,
                "test");
        programmes.setFacilitators(programme.id(), List.of(facilitatorId));
        Cohort cohort = programmes.addCohort(programme.id(), "Leaders", List.of());
        List<PanelMember> customers = new ArrayList<>();
        for (String name : names) {
            customers.add(panels.add(
                    programme.id(),
                    "C-" + name + "-" + UUID.randomUUID().toString().substring(0, 8),
                    name,
                    "",
                    "",
                    "",
                    List.of(ConsentKind.PARTICIPATE, ConsentKind.RECORD, ConsentKind.SHARE_INTERNALLY),
                    "test"));
        }
        CustomerSession session = context.getBean(CustomerSessions.class)
                .schedule(
                        programme.id(),
                        new CustomerSessions.Plan(
                                cohort.id(),
                                "Onboarding conversation",
                                Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES),
                                30,
                                SessionFormat.VIDEO_CALL,
                                facilitatorId,
                                "",
                                List.of(),
                                customers.stream().map(PanelMember::id).toList()),
                        "test");
        UUID recordingId = recording(session.id(), lines);
        return new Recorded(programme, session, customers, recordingId);
    }

    /** A recording of session {@code sessionId} with the test video and a transcript of {@code lines}. */
    UUID recording(UUID sessionId, String... lines) {
        UUID id = UUID.randomUUID();
        try {
            Path media = Files.createDirectories(dataDir.resolve("media")).resolve(id.toString());
            Files.copy(VIDEO, media);
            jdbc.update(
                    "INSERT INTO recording VALUES (?, ?, 'session.webm', 'video/webm', ?, 'test', ?, 'test')",
                    id,
                    sessionId,
                    Files.size(media),
                    Timestamp.from(Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int n = 1; n <= lines.length; n++) {
            jdbc.update(
                    "INSERT INTO transcript_line VALUES (?, ?, ?, ?, 'Customer', ?)",
                    id,
                    n,
                    (n - 1) * 2000L,
                    n * 2000L,
                    lines[n - 1]);
        }
        return id;
    }
}
