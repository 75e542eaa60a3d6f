package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** PII is redacted on the way in, per the source's policy, and the import report counts what was replaced. */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ImportRedactionTests {

    @TempDir
    Path files;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SignalImports imports;

    @Autowired
    SourcePolicies policies;

    ImportStore store;

    @BeforeEach
    void setUp() {
        store = new ImportStore(files, jdbc, imports);
        store.clear();
    }

    @Test
    void replacesEmailsCardsPhonesIbansAndTheMappedNameInTextAttributesAndQuarantine() {
        Path file = store.csv(
                "feedback.csv",
                "Response ID,Date,NPS,Comment,Customer Name,Phone",
                "r1,2025-03-01,2,\"Mail me at <jane.doe@example.com>, Jane Doe here\",Jane Doe,+44 20 7946 0958",
                "r2,2025-03-02,9,\"Card 4111 1111 1111 1111 was charged twice; order 123456789 is fine\",,",
                "r3,2025-03-03,5,\"Refund to DE89 3704 0044 0532 0130 00 please\",,",
                "r4,not a date,5,\"call me on +1 (415) 555-0132, bob@example.org\",,");

        ImportReport report = store.importFile(file);

        assertThat(report.accepted()).isEqualTo(3);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(text("r1")).isEqualTo("Mail me at <[EMAIL]>, [NAME] here");
        assertThat(text("r2")).isEqualTo("Card [CARD] was charged twice; order 123456789 is fine");
        assertThat(text("r3")).isEqualTo("Refund to [IBAN] please");
        assertThat(jdbc.queryForObject(
                        "SELECT attributes->>'Phone' FROM signal WHERE external_id = 'r1'", String.class))
                .isEqualTo("[PHONE]");
        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM signal WHERE CAST(attributes AS VARCHAR) LIKE '%Jane%'", Long.class))
                .as("the mapped name is not stored")
                .isZero();
        String raw = (String) store.quarantine().getFirst().get("raw");
        assertThat(raw).contains("[PHONE]", "[EMAIL]").doesNotContain("bob@example.org", "555-0132");
        assertThat(report.redacted())
                .containsEntry("EMAIL", 2L)
                .containsEntry("NAME", 1L)
                .containsEntry("CARD", 1L)
                .containsEntry("IBAN", 1L)
                .containsEntry("PHONE", 2L);
        assertThat(jdbc.queryForObject("SELECT redacted FROM signal_import", String.class))
                .contains("\"EMAIL\":2");
    }

    @Test
    void aSourcePolicyChoosesWhatIsRedacted() {
        policies.set(SourcePolicy.parse("tickets", "", "EMAIL"));
        Path file = store.csv(
                "tickets.csv",
                "Ticket ID,Created At,Comment",
                "t1,2025-03-01,\"card 4111-1111-1111-1111, write to a@b.co\"");

        ImportReport report = store.importFile(file, "tickets");

        assertThat(text("t1")).isEqualTo("card 4111-1111-1111-1111, write to [EMAIL]");
        assertThat(report.redacted()).isEqualTo(Map.of("EMAIL", 1L));
    }

    @Test
    void aTextWithoutPersonalDataIsStoredAsItCame() {
        Path file = store.csv("plain.csv", "id,date,comment", "p1,2025-03-01,\"Great app, 5 stars, v2.3.1 from 2024\"");

        ImportReport report = store.importFile(file);

        assertThat(text("p1")).isEqualTo("Great app, 5 stars, v2.3.1 from 2024");
        assertThat(report.redacted()).isEmpty();
        assertThat(List.of(report.redactedSummary())).containsExactly("");
    }

    private String text(String externalId) {
        return jdbc.queryForObject("SELECT text FROM signal WHERE external_id = ?", String.class, externalId);
    }
}
