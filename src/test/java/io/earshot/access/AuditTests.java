package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log is append-only: the application never changes or deletes an entry, and a change outside it shows. */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class AuditTests {

    @Autowired
    Audit audit;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noCodeInTheApplicationUpdatesOrDeletesTheAuditLog() throws IOException {
        Pattern writes = Pattern.compile(
                "(UPDATE\\s+audit_event|DELETE\\s+FROM\\s+audit_event|TRUNCATE\\s+(TABLE\\s+)?audit_event"
                        + "|DROP\\s+TABLE\\s+(IF\\s+EXISTS\\s+)?audit_event|ALTER\\s+TABLE\\s+audit_event)",
                Pattern.CASE_INSENSITIVE);
        List<Path> offending;
        try (Stream<Path> sources = Files.walk(Path.of("src/main"))) {
            // code and SQL; media and models under src/main/resources are not text
            offending = sources.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(java|sql|html|properties|js)$"))
                    .filter(file -> {
                        try {
                            return writes.matcher(Files.readString(file)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offending).isEmpty();
    }

    @Test
    void entriesFormAChainThatShowsAChangeOrARemoval() {
        audit.record("tester@audit.test", "test.one", "a", null, "local");
        audit.record("tester@audit.test", "test.two", "b", "detail", "local");
        audit.record("tester@audit.test", "test.three", "c", null, "local");
        assertThat(audit.verify()).isEmpty();
        assertThat(audit.entries("test.", "tester@audit.test", 0, 10))
                .extracting(AuditEntry::action)
                .containsExactly("test.three", "test.two", "test.one");

        long second = jdbc.queryForObject("SELECT seq FROM audit_event WHERE action = 'test.two'", Long.class);
        // a change made behind the application's back, e.g. with the DuckDB shell
        jdbc.update("UPDATE audit_event SET target = 'x' WHERE seq = ?", second);
        assertThat(audit.verify()).contains(second);
    }
}
