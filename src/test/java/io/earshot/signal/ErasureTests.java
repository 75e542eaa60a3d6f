package io.earshot.signal;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.EarshotCommand;
import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Audit;
import io.earshot.access.AuditEntry;
import io.earshot.access.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@RecordApplicationEvents
@TemporaryStore
class ErasureTests {

    /**
     * Rows of customers whose ids contain C-1, all rejected for their NPS but e. C-1's rows a and f (its id padded with a
     * space) go; C-10's, XC-1's, and C-2's row whose comment mentions C-1 stay.
     */
    static final String SURVEY_CSV = """
            id,date,customer_id,nps,comment
            a,2024-03-05,C-1,11,too high
            b,2024-03-05,C-10,11,too high
            c,2024-03-05,XC-1,11,too high
            d,2024-03-05,C-2,11,"Ask C-1, she knows"
            e,2024-03-05,C-1,9,fine
            f,2024-03-05,C-1 ,12,padded id
            """;

    /** j1 is C-1's (a JSON value), j2 belongs to C-1x, j3 is malformed JSON holding C-1, j4 has C-1 only as a key. */
    static final String CHAT_JSONL = """
            {"id":"j1","date":"2024-03-05","customer":"C-1","nps":42}
            {"id":"j2","date":"2024-03-05","customer":"C-1x","nps":42}
            {"id":"j3","date":"2024-03-05","customer":"C-1","nps":
            {"id":"j4","date":"2024-03-05","customer":"C-3","nps":42,"attributes":{"C-1":"x"}}
            """;

    @TempDir
    Path files;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CustomerErasure erasure;

    @Autowired
    SignalImports imports;

    @Autowired
    Audit audit;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void emptyStore() {
        jdbc.execute("DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import");
    }

    @Test
    void erasesEverySignalOfThatCustomerFromEverySourceAndNothingElse() {
        storeCustomers();
        assertThat(signalsByCustomer())
                .containsExactly(
                        Map.entry("(none)", 2L),
                        Map.entry("AC-1", 1L),
                        Map.entry("C-1", 3L),
                        Map.entry("C-10", 3L),
                        Map.entry("C-2", 1L));

        Erasure erased = erasure.erase("C-1");

        assertThat(erased.signalsBySource()).containsExactly(Map.entry("survey", 2L), Map.entry("ticket", 1L));
        assertThat(erased.signals()).isEqualTo(3);
        assertThat(erased.quarantineRows()).isZero();
        assertThat(erased.dryRun()).isFalse();
        assertThat(signalsByCustomer())
                .containsExactly(
                        Map.entry("(none)", 2L), Map.entry("AC-1", 1L), Map.entry("C-10", 3L), Map.entry("C-2", 1L));
    }

    @Test
    void erasesTheQuarantinedRowsHoldingTheIdAsAWholeValueOnly() throws Exception {
        importFile("survey.csv", SURVEY_CSV, "survey");
        importFile("chat.jsonl", CHAT_JSONL, "chat");
        assertThat(quarantinedIds()).containsExactly("a", "b", "c", "d", "f", "j1", "j2", "j3", "j4");

        Erasure erased = erasure.erase("C-1");

        assertThat(erased.signalsBySource()).containsExactly(Map.entry("survey", 1L));
        assertThat(erased.quarantineRows()).isEqualTo(4);
        assertThat(quarantinedIds()).containsExactly("b", "c", "d", "j2", "j4");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isZero();
    }

    @Test
    void aPreviewSaysWhatWouldBeErasedAndErasesNothing() throws Exception {
        importFile("survey.csv", SURVEY_CSV, "survey");
        storeCustomers();
        long auditsBefore = audit.count("customer.erase", null);

        Erasure preview = erasure.preview(" C-1 ");

        assertThat(preview.customerId()).isEqualTo("C-1");
        assertThat(preview.dryRun()).isTrue();
        assertThat(preview.signalsBySource()).containsExactly(Map.entry("survey", 3L), Map.entry("ticket", 1L));
        assertThat(preview.quarantineRows()).isEqualTo(2);
        assertThat(preview.summary())
                .isEqualTo("Would delete 4 signals (survey 3, ticket 1) and 2 quarantined rows of customer C-1.");
        assertThat(signalsByCustomer()).containsEntry("C-1", 4L);
        assertThat(quarantinedIds()).contains("a", "f");
        assertThat(audit.count("customer.erase", null)).isEqualTo(auditsBefore);
        assertThat(events.stream(SignalsDeleted.class)).isEmpty();
    }

    @Test
    void auditsTheErasureAndTellsTheModulesWithDerivedRecords() throws Exception {
        importFile("survey.csv", SURVEY_CSV, "survey");
        storeCustomers();

        erasure.erase("C-1");

        AuditEntry entry = audit.entries("customer.erase", null, 0, 1).getFirst();
        assertThat(entry.target()).isEqualTo("C-1");
        assertThat(entry.detail()).isEqualTo("signals survey=3, ticket=1; quarantined rows 2");
        assertThat(audit.verify()).isEmpty();
        assertThat(events.stream(SignalsDeleted.class))
                .containsExactly(
                        new SignalsDeleted("survey", 3, SignalsDeleted.Reason.ERASURE),
                        new SignalsDeleted("ticket", 1, SignalsDeleted.Reason.ERASURE));
        assertThat(events.stream(CustomerErased.class))
                .containsExactly(new CustomerErased("C-1", Map.of("survey", 3L, "ticket", 1L), 2));
    }

    @Test
    void erasingACustomerWithNothingStoredDeletesNothingAndSaysSo() {
        storeCustomers();

        Erasure erased = erasure.erase("nobody");

        assertThat(erased.isEmpty()).isTrue();
        assertThat(erased.summary()).isEqualTo("Nothing deleted: no signal or quarantined row of customer nobody.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isEqualTo(10);
        assertThat(events.stream(SignalsDeleted.class)).isEmpty();
    }

    @Test
    void refusesAnEmptyId() {
        assertThatThrownBy(() -> erasure.erase("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Give the id of the customer to erase");
    }

    @Test
    void theCommandPrintsWhatItWouldDeleteAndThenWhatItDeleted(@TempDir Path other) throws Exception {
        String store = other.resolve("data").toString();
        Path file = Files.writeString(other.resolve("survey.csv"), SURVEY_CSV);
        assertThat(earshot("--data-dir", store, "import", file.toString(), "--source", "survey")
                        .exitCode())
                .isZero();

        Run dryRun = earshot("--data-dir", store, "customers", "erase", "C-1", "--dry-run");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out())
                .containsPattern("survey +1 signals would delete")
                .containsPattern("quarantine +2 rows would delete")
                .contains("Would delete 1 signal (survey 1) and 2 quarantined rows of customer C-1.");

        Run erase = earshot("--data-dir", store, "customers", "erase", "C-1");
        assertThat(erase.exitCode()).isZero();
        assertThat(erase.out())
                .containsPattern("survey +1 signals deleted")
                .contains("Deleted 1 signal (survey 1) and 2 quarantined rows of customer C-1.");

        Run again = earshot("--data-dir", store, "customers", "erase", "C-1");
        assertThat(again.out()).contains("Nothing deleted: no signal or quarantined row of customer C-1.");
    }

    @Test
    void theCommandIsListedInTheHelp() {
        Run help = earshot("customers", "erase", "--help");

        assertThat(help.out()).contains("--dry-run", "Asks no confirmation");
    }

    @Test
    void anAdministratorFindsACustomerAndErasesThemAfterTypingTheIdAgain() throws Exception {
        storeCustomers();
        importFile("survey.csv", SURVEY_CSV, "survey");
        WebSession admin = WebSession.as(context, port, "erasure-admin@example.com", Role.ADMINISTRATOR);

        HttpResponse<String> found = admin.get("/admin/customers?id=C-1");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(text(found.body()))
                .contains(
                        "Customer C-1",
                        "Signals from survey 3",
                        "Signals from ticket 1",
                        "Quarantined rows holding the id 2")
                .contains("Type the customer id again to confirm");

        HttpResponse<String> mistyped = admin.form("/admin/customers/erase", Map.of("id", "C-1", "confirm", "C-10"));
        assertThat(mistyped.statusCode()).isEqualTo(400);
        assertThat(mistyped.body())
                .contains("The id typed to confirm, &#39;C-10&#39;, is not C-1; nothing was erased.");
        assertThat(signalsByCustomer()).containsEntry("C-1", 4L);

        HttpResponse<String> erased = admin.form("/admin/customers/erase", Map.of("id", "C-1", "confirm", "C-1"));
        assertThat(erased.statusCode()).isEqualTo(200);
        assertThat(text(erased.body()))
                .contains("Customer C-1 erased")
                .contains("Deleted 4 signals (survey 3, ticket 1) and 2 quarantined rows of customer C-1.")
                .contains("Signals from survey 3", "Signals from ticket 1", "Quarantined rows holding the id 2");
        assertThat(signalsByCustomer()).doesNotContainKey("C-1").containsEntry("C-10", 3L);
        assertThat(audit.entries("customer.erase", null, 0, 1).getFirst().actor())
                .isEqualTo("erasure-admin@example.com");

        HttpResponse<String> none = admin.get("/admin/customers?id=C-1");
        assertThat(none.body()).contains("Nothing is stored of customer C-1");
    }

    @Test
    void theCustomersPageStartsWithASearchAndRefusesAnEraseWithoutConfirmation() {
        storeCustomers();
        WebSession admin = WebSession.as(context, port, "erasure-admin@example.com", Role.ADMINISTRATOR);

        HttpResponse<String> empty = admin.get("/admin/customers");
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("name=\"id\"").doesNotContain("Erase this customer");

        HttpResponse<String> unconfirmed = admin.form("/admin/customers/erase", Map.of("id", "C-1", "confirm", ""));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body())
                .contains("Type the customer id C-1 again to confirm the erasure; nothing was erased.");
        assertThat(signalsByCustomer()).containsEntry("C-1", 3L);
    }

    @Test
    void anAnalystMayNeitherSearchNorEraseCustomers() {
        storeCustomers();
        WebSession analyst = WebSession.as(context, port, "erasure-analyst@example.com", Role.ANALYST);

        assertThat(analyst.get("/admin/customers?id=C-1").statusCode()).isEqualTo(403);
        assertThat(analyst.form("/admin/customers/erase", Map.of("id", "C-1", "confirm", "C-1"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(signalsByCustomer()).containsEntry("C-1", 3L);
    }

    /** C-1: 2 surveys and a ticket; C-10: 3 surveys; AC-1 and C-2: one each; two signals without a customer. */
    private void storeCustomers() {
        List<StoredSignals.Signal> signals = new ArrayList<>();
        signals.addAll(
                StoredSignals.times(2, signal().source("survey").customer("C-1").nps(9)));
        signals.add(signal().source("ticket").customer("C-1").text("My card was charged twice"));
        signals.addAll(StoredSignals.times(
                3, signal().source("survey").customer("C-10").nps(3)));
        signals.add(signal().source("review").customer("AC-1").text("Fine"));
        signals.add(signal().source("survey").customer("C-2").text("Ask C-1").nps(8));
        signals.addAll(StoredSignals.times(2, signal().source("chat").text("anonymous")));
        StoredSignals.insert(jdbc, signals);
    }

    private void importFile(String name, String content, String source) throws Exception {
        Path file = Files.writeString(files.resolve(name), content);
        imports.importFile(new ImportRequest(file, null, source, null, null, "test"), ImportProgress.NONE);
    }

    private Map<String, Long> signalsByCustomer() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT coalesce(customer_id, '(none)') AS c, count(*) FROM signal GROUP BY c ORDER BY c",
                (java.sql.ResultSet row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                });
        return counts;
    }

    /** The external ids (first field or "id" value) of the quarantined rows, in order. */
    private List<String> quarantinedIds() {
        return jdbc.queryForList("SELECT raw FROM quarantine", String.class).stream()
                .map(raw -> raw.startsWith("{")
                        ? raw.substring(7, raw.indexOf('"', 7))
                        : raw.substring(0, raw.indexOf(',')))
                .sorted()
                .toList();
    }

    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    record Run(int exitCode, String out, String err) {}

    static Run earshot(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream stdout = System.out, stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = EarshotCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
