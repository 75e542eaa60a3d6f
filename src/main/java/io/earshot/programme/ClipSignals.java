package io.earshot.programme;

import io.earshot.signal.ImportProgress;
import io.earshot.signal.ImportReport;
import io.earshot.signal.ImportRequest;
import io.earshot.signal.SignalImports;
import io.earshot.signal.SignalWithdrawal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Keeps the interview signal of each clip in step with its sharing: a shared clip's quote is a signal of source
 * {@value #SOURCE} (external id the clip's id), so it is searched and counted in themes; a hidden clip has none. The
 * signal goes in and out through the signal module's own import and withdrawal, so the search index follows.
 */
@Component
class ClipSignals {

    static final String SOURCE = "interview";

    private final JdbcTemplate jdbc;
    private final ClipConsent consent;
    private final CustomerSessions sessions;
    private final SignalImports imports;
    private final SignalWithdrawal withdrawal;
    private final ObjectMapper json;

    ClipSignals(
            JdbcTemplate jdbc,
            ClipConsent consent,
            CustomerSessions sessions,
            SignalImports imports,
            SignalWithdrawal withdrawal,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.sessions = sessions;
        this.imports = imports;
        this.withdrawal = withdrawal;
        this.json = json;
    }

    /**
     * Ingests {@code clip}'s signal if it is shared and has none, withdraws it if it is hidden and has one. Run outside
     * any transaction, so that the signal module's changes have committed when the search index hears of them.
     */
    synchronized void follow(Clip clip, UUID sessionId) {
        boolean shared = consent.of(sessionId).shared();
        UUID current = jdbc.queryForObject("SELECT signal_id FROM clip WHERE id = ?", UUID.class, clip.id());
        if (shared && current == null) {
            UUID signal = ingest(clip, sessionId);
            jdbc.update("UPDATE clip SET signal_id = ? WHERE id = ?", signal, clip.id());
        } else if (!shared && current != null) {
            withdrawal.withdraw(SOURCE, List.of(current), "clip " + clip.id() + " hidden: consent to share withdrawn");
            jdbc.update("UPDATE clip SET signal_id = NULL WHERE id = ?", clip.id());
        }
    }

    private UUID ingest(Clip clip, UUID sessionId) {
        CustomerSession session = sessions.get(sessionId);
        List<String> customerIds = consent.customers(sessionId).stream()
                .map(PanelMember::customerId)
                .toList();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("external_id", clip.id().toString());
        row.put("occurred_at", session.startsAt().toString());
        row.put("text", clip.quote());
        if (customerIds.size() == 1 && customerIds.getFirst() != null) {
            row.put("customer_id", customerIds.getFirst());
        }
        Path file = null;
        try {
            file = Files.createTempFile("clip-" + clip.id(), ".jsonl");
            Files.writeString(file, json.writeValueAsString(row) + "\n");
            ImportReport report = imports.importFile(
                    new ImportRequest(file, "clip " + clip.id(), SOURCE, null, ZoneOffset.UTC, clip.createdBy()),
                    ImportProgress.NONE);
            if (report.accepted() + report.duplicates() != 1) {
                throw new IllegalStateException("Clip " + clip.id() + " did not become a signal: " + report.summary());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the signal of clip " + clip.id(), e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
        return withdrawal
                .idOf(SOURCE, clip.id().toString())
                .orElseThrow(() -> new IllegalStateException("Clip " + clip.id() + "'s signal is not in the store"));
    }
}
