package io.earshot.signal;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.AuditEntry;
import io.earshot.access.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"earshot.demo.load-on-empty-store=false", "earshot.retention.cron=0 15 2 * * *"})
@RecordApplicationEvents
@TemporaryStore
class RetentionTests {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path files;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RetentionJob retention;

    @Autowired
    SourcePolicies policies;

    @Autowired
    SignalImports imports;

    @Autowired
    Audit audit;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void emptyStore() {
        jdbc.execute(
                "DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import; DELETE FROM source_policy");
    }

    /**
     * Survey keeps 30 days, chat 365, ticket has no policy. Survey: 2 signals of 40 days ago, 1 of 10 days ago, 1 of
     * exactly 30 days ago (not older: kept). Chat: 1 of 400 days, 1 of 100. Ticket: 2 of 400 days.
     */
    @Test
    void deletesOnlyTheExpiredSignalsOfSourcesWithARetention() {
        policies.set(SourcePolicy.parse("survey", "30", "EMAIL"));
        policies.set(SourcePolicy.parse("chat", "365", "EMAIL"));
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().source("survey").at(daysAgo(40)).nps(9),
                        signal().source("survey").at(daysAgo(40)).nps(3),
                        signal().source("survey").at(daysAgo(10)).nps(7),
                        signal().source("survey").at(daysAgo(30)).nps(8),
                        signal().source("chat").at(daysAgo(400)).text("old chat"),
                        signal().source("chat").at(daysAgo(100)).text("recent chat"),
                        signal().source("ticket").at(daysAgo(400)).text("old ticket"),
                        signal().source("ticket").at(daysAgo(400)).text("another old ticket")));

        List<RetentionJob.Expired> expired = retention.runNow(NOW);

        assertThat(expired)
                .containsExactly(
                        new RetentionJob.Expired("chat", 365, NOW.minus(Duration.ofDays(365)), 1, 0),
                        new RetentionJob.Expired("survey", 30, NOW.minus(Duration.ofDays(30)), 2, 0));
        assertThat(countsBySource())
                .containsExactly(Map.entry("chat", 1L), Map.entry("survey", 2L), Map.entry("ticket", 2L));
        assertThat(jdbc.queryForList("SELECT text FROM signal WHERE source = 'chat'", String.class))
                .containsExactly("recent chat");
        assertThat(jdbc.queryForList("SELECT nps FROM signal WHERE source = 'survey' ORDER BY nps", Integer.class))
                .containsExactly(7, 8);
        assertThat(events.stream(SignalsDeleted.class))
                .containsExactly(
                        new SignalsDeleted("chat", 1, SignalsDeleted.Reason.RETENTION),
                        new SignalsDeleted("survey", 2, SignalsDeleted.Reason.RETENTION));
    }

    @Test
    void auditsWhatItDeletedPerSourceAndNothingWhenNothingExpired() {
        policies.set(SourcePolicy.parse("review", "7", ""));
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().source("review").at(daysAgo(8)).nps(1),
                        signal().source("review").at(daysAgo(9)).nps(2)));
        long before = audit.count("retention.delete", null);

        retention.runNow(NOW);
        retention.runNow(NOW);

        assertThat(audit.count("retention.delete", null)).isEqualTo(before + 1);
        AuditEntry entry = audit.entries("retention.delete", null, 0, 1).getFirst();
        assertThat(entry.target()).isEqualTo("review");
        assertThat(entry.detail())
                .isEqualTo("signals 2, quarantined rows 0; occurred before 2026-05-25T12:00:00Z (7 days)");
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void deletesQuarantinedRowsOfImportsStartedBeforeTheCutoffAndKeepsOtherSources() throws Exception {
        policies.set(SourcePolicy.parse("survey", "30", ""));
        Path bad = Files.writeString(files.resolve("bad.csv"), "id,date,nps\na,2024-03-05,11\nb,2024-03-05,12\n");
        importFile(bad, "survey");
        importFile(bad, "ticket");
        Instant imported = Instant.now();
        assertThat(quarantinedBySource()).containsExactly(Map.entry("survey", 2L), Map.entry("ticket", 2L));

        List<RetentionJob.Expired> early = retention.runNow(imported.plus(Duration.ofDays(29)));
        assertThat(early.getFirst().quarantineRows()).isZero();
        assertThat(quarantinedBySource()).containsExactly(Map.entry("survey", 2L), Map.entry("ticket", 2L));

        List<RetentionJob.Expired> late = retention.runNow(imported.plus(Duration.ofDays(31)));
        assertThat(late)
                .singleElement()
                .extracting(RetentionJob.Expired::quarantineRows)
                .isEqualTo(2L);
        assertThat(quarantinedBySource()).containsExactly(Map.entry("ticket", 2L));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class))
                .as("the import history stays")
                .isEqualTo(2);
    }

    @Test
    void runsDailyOnTheCronOfEarshotRetentionCron() {
        List<String> crons = context.getBeansOfType(ScheduledTaskHolder.class).values().stream()
                .flatMap(holder -> holder.getScheduledTasks().stream())
                .map(task -> task.getTask())
                .filter(task -> task instanceof CronTask)
                .map(task -> ((CronTask) task).getExpression())
                .toList();

        assertThat(crons).contains("0 15 2 * * *");
    }

    @Test
    void anAdministratorAppliesRetentionFromTheSourcesPage() {
        policies.set(SourcePolicy.parse("survey", "30", ""));
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().source("survey")
                                .at(LocalDateTime.now(ZoneOffset.UTC).minusDays(31))
                                .nps(9),
                        signal().source("survey")
                                .at(LocalDateTime.now(ZoneOffset.UTC).minusDays(1))
                                .nps(9)));
        WebSession admin = WebSession.as(context, port, "retention-admin@example.com", Role.ADMINISTRATOR);

        HttpResponse<String> applied = admin.form("/admin/sources/retention", Map.of());

        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(applied.headers().firstValue("Location").orElseThrow()).endsWith("/admin/sources");
        assertThat(admin.get("/admin/sources").body())
                .contains("survey: 1 signals and 0 quarantined rows older than 30 days deleted");
        assertThat(countsBySource()).containsExactly(Map.entry("survey", 1L));
        assertThat(audit.entries("retention.delete", null, 0, 1).getFirst().actor())
                .isEqualTo("retention-admin@example.com");
    }

    @Test
    void anAnalystCannotApplyRetention() {
        policies.set(SourcePolicy.parse("survey", "30", ""));
        StoredSignals.insert(
                jdbc,
                List.of(signal().source("survey")
                        .at(LocalDateTime.now(ZoneOffset.UTC).minusDays(31))
                        .nps(9)));
        WebSession analyst = WebSession.as(context, port, "retention-analyst@example.com", Role.ANALYST);

        assertThat(analyst.form("/admin/sources/retention", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(countsBySource()).containsExactly(Map.entry("survey", 1L));
    }

    private void importFile(Path file, String source) {
        imports.importFile(new ImportRequest(file, null, source, null, null, "test"), ImportProgress.NONE);
    }

    private static LocalDateTime daysAgo(int days) {
        return LocalDateTime.ofInstant(NOW.minus(Duration.ofDays(days)), ZoneOffset.UTC);
    }

    private Map<String, Long> countsBySource() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT source, count(*) FROM signal GROUP BY source ORDER BY source", (java.sql.ResultSet row) -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    private Map<String, Long> quarantinedBySource() {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query(
                "SELECT i.source, count(*) FROM quarantine q JOIN signal_import i ON i.id = q.import_id"
                        + " GROUP BY i.source ORDER BY i.source",
                (java.sql.ResultSet row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }
}
