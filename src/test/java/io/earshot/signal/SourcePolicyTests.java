package io.earshot.signal;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.AuditEntry;
import io.earshot.access.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class SourcePolicyTests {

    @TempDir
    Path files;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SourcePolicies policies;

    @Autowired
    SignalImports imports;

    @Autowired
    Audit audit;

    @BeforeEach
    void emptyStore() {
        jdbc.execute(
                "DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import; DELETE FROM source_policy");
    }

    @Test
    void aSourceWithoutAPolicyKeepsItsSignalsAndRedactsEveryKind() {
        SourcePolicy policy = policies.get("survey");

        assertThat(policy.retentionDays()).isNull();
        assertThat(policy.retention()).isEmpty();
        assertThat(policy.redact()).containsExactly("EMAIL", "PHONE", "CARD", "IBAN", "NAME");
        assertThat(policy.isDefault()).isTrue();
        assertThat(policies.all()).isEmpty();
    }

    @Test
    void storesAPolicyWithKindsInTheirCanonicalOrderAndAuditsTheChange() {
        long before = audit.count("source.policy", null);

        policies.set(SourcePolicy.parse("chat", " 90 ", "name, email,EMAIL"));

        SourcePolicy stored = policies.get("chat");
        assertThat(stored.retentionDays()).isEqualTo(90);
        assertThat(stored.redact()).containsExactly("EMAIL", "NAME");
        assertThat(stored.redactList()).isEqualTo("EMAIL,NAME");
        assertThat(jdbc.queryForMap("SELECT retention_days, redact FROM source_policy WHERE source = 'chat'"))
                .containsEntry("retention_days", 90)
                .containsEntry("redact", "EMAIL,NAME");
        assertThat(policies.all()).containsExactly(stored);
        AuditEntry entry = audit.entries("source.policy", null, 0, 1).getFirst();
        assertThat(audit.count("source.policy", null)).isEqualTo(before + 1);
        assertThat(entry.target()).isEqualTo("chat");
        assertThat(entry.detail())
                .isEqualTo("retention=keep, redact=EMAIL,PHONE,CARD,IBAN,NAME -> retention=90d, redact=EMAIL,NAME");
    }

    @Test
    void storingTheSamePolicyAgainIsNoChangeToAudit() {
        policies.set(SourcePolicy.parse("review", "30", ""));
        long after = audit.count("source.policy", null);

        policies.set(SourcePolicy.parse("review", "30", ""));

        assertThat(audit.count("source.policy", null)).isEqualTo(after);
        assertThat(policies.get("review").redact()).isEmpty();
    }

    @Test
    void refusesRetentionThatIsNotAWholeNumberOfDaysFromOneToAHundredYears() {
        for (String bad : List.of("0", "36501", "-3", "1.5", "ten", "999999999")) {
            assertThatThrownBy(() -> SourcePolicy.parse("survey", bad, "EMAIL"))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("The retention of survey must be a whole number of days from 1 to 36500");
        }
        assertThat(SourcePolicy.parse("survey", "36500", "").retentionDays()).isEqualTo(36_500);
        assertThat(SourcePolicy.parse("survey", "1", "").retentionDays()).isEqualTo(1);
        assertThat(SourcePolicy.parse("survey", "  ", "").retentionDays()).isNull();
    }

    @Test
    void refusesUnknownKindsOfPersonalDataAndBadSourceNames() {
        assertThatThrownBy(() -> SourcePolicy.parse("survey", "", "EMAIL,ADDRESS"))
                .hasMessage("Unknown kind of personal data 'ADDRESS' for survey; use EMAIL, PHONE, CARD, IBAN, NAME");
        assertThatThrownBy(() -> SourcePolicy.parse("Survey Data", "", "EMAIL"))
                .hasMessageContaining("lower-case name such as survey");
    }

    @Test
    void thePageListsEverySourceSeenWithItsCountRetentionAndKinds() throws Exception {
        imports.importFile(
                new ImportRequest(
                        java.nio.file.Files.writeString(
                                files.resolve("reviews.csv"), "id,date,nps\nr1,2024-03-05,9\nr2,2024-03-05,3\n"),
                        null,
                        "review",
                        null,
                        null,
                        "test"),
                ImportProgress.NONE);
        StoredSignals.insert(
                jdbc, StoredSignals.times(3, signal().source("chat").text("hello")));
        policies.set(SourcePolicy.parse("chat", "30", "EMAIL,PHONE"));
        policies.set(SourcePolicy.parse("letters", "", "NAME"));

        HttpResponse<String> page = admin().get("/admin/sources");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(rows(body))
                .containsExactly(
                        "chat | 3 | 30 days | EMAIL,PHONE",
                        "letters | 0 | forever | NAME",
                        "review | 2 | forever | EMAIL,PHONE,CARD,IBAN,NAME (default)");
        assertThat(body).contains("Apply retention now", "aria-current=\"page\"");
    }

    @Test
    void thePageShowsAnEmptyStateWithoutSources() {
        HttpResponse<String> page = admin().get("/admin/sources");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("No sources yet");
    }

    @Test
    void anAdministratorSetsAPolicyOnThePageAndTheFormShowsItForEditing() {
        WebSession admin = admin();

        HttpResponse<String> saved = admin.send(java.net.http.HttpRequest.newBuilder(admin.uri("/admin/sources"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "source=ticket&retentionDays=365&redact=CARD&redact=IBAN")));

        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(policies.get("ticket")).isEqualTo(new SourcePolicy("ticket", 365, List.of("CARD", "IBAN")));
        HttpResponse<String> after = admin.get("/admin/sources");
        assertThat(after.body()).contains("Saved the policy of ticket: keep signals 365 days, redact CARD, IBAN.");
        assertThat(rows(after.body())).containsExactly("ticket | 0 | 365 days | CARD,IBAN");
        assertThat(audit.entries("source.policy", null, 0, 1).getFirst().actor())
                .isEqualTo("policy-admin@example.com");

        String form = admin.get("/admin/sources?edit=ticket").body();
        assertThat(form).contains("name=\"source\"", "value=\"ticket\"", "value=\"365\"");
        assertThat(form).containsPattern("value=\"CARD\"\\s+checked");
        assertThat(form).doesNotContainPattern("value=\"EMAIL\"\\s+checked");
    }

    @Test
    void theFormRefusesABadRetentionWithTheReasonAndKeepsWhatWasTyped() {
        HttpResponse<String> refused =
                admin().form("/admin/sources", Map.of("source", "survey", "retentionDays", "forty", "redact", "EMAIL"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("The retention of survey must be a whole number of days from 1 to 36500")
                .contains("value=\"forty\"");
        assertThat(policies.all()).isEmpty();

        HttpResponse<String> unknownKind =
                admin().form("/admin/sources", Map.of("source", "survey", "retentionDays", "", "redact", "SSN"));
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(unknownKind.body()).contains("Unknown kind of personal data &#39;SSN&#39; for survey");
        assertThat(policies.all()).isEmpty();
    }

    @Test
    void anAnalystMayNeitherSeeNorChangeSourcePolicies() {
        WebSession analyst = WebSession.as(context, port, "policy-analyst@example.com", Role.ANALYST);

        assertThat(analyst.get("/admin/sources").statusCode()).isEqualTo(403);
        assertThat(analyst.form("/admin/sources", Map.of("source", "survey", "retentionDays", "1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(analyst.form("/admin/sources/retention", Map.of()).statusCode())
                .isEqualTo(403);
        assertThat(policies.all()).isEmpty();
    }

    private WebSession admin() {
        return WebSession.as(context, port, "policy-admin@example.com", Role.ADMINISTRATOR);
    }

    /** The rows of the sources table, cells joined by " | ", tags and the edit link dropped. */
    static List<String> rows(String body) {
        String table = body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>"));
        return java.util.Arrays.stream(table.split("<tr>"))
                .skip(1)
                .map(row -> java.util.Arrays.stream(row.split("</td>"))
                        .map(cell -> cell.replaceAll("<[^>]+>", " ")
                                .replaceAll("\\s+", " ")
                                .strip())
                        .filter(cell -> !cell.isEmpty() && !cell.equals("Edit"))
                        .collect(java.util.stream.Collectors.joining(" | ")))
                .toList();
    }
}
