package io.earshot.signal;

import io.earshot.access.Audit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * The right to erasure: deletes every signal of one customer, from any source, and every quarantined row that holds
 * the customer's id as a whole value (see {@link WholeValues} for how a row is matched: {@code C-1} does not match
 * {@code C-10}). The deletion is one transaction, taken under the lock imports hold, so an import running at the time
 * finishes first. After it commits, the erasure is audited as {@code customer.erase} and {@link SignalsDeleted} (one per
 * source) and {@link CustomerErased} are published for the modules that keep derived records.
 */
@Service
public class CustomerErasure {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SignalWriteLock writeLock;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;

    CustomerErasure(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SignalWriteLock writeLock,
            Audit audit,
            ApplicationEventPublisher events,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.writeLock = writeLock;
        this.audit = audit;
        this.events = events;
        this.json = json;
    }

    /**
     * Deletes every signal and quarantined row of a customer and says what was deleted. Erasing a customer with nothing
     * stored deletes nothing and is still audited, as the request was made.
     *
     * @param customerId the id as in the signals' {@code customer_id}; surrounding white space is ignored, here and in
     *     the stored ids
     * @throws IllegalArgumentException when the id is empty
     */
    public Erasure erase(String customerId) {
        String id = checked(customerId);
        Erasure erasure = writeLock.holding(() -> transaction.execute(status -> {
            Map<String, Long> signals = signalsBySource(id);
            List<Long> quarantined = quarantinedRows(id);
            jdbc.update("DELETE FROM signal WHERE trim(customer_id) = ?", id);
            jdbc.batchUpdate(
                    "DELETE FROM quarantine WHERE rowid = ?",
                    quarantined.stream().map(row -> new Object[] {row}).toList());
            return new Erasure(id, signals, quarantined.size(), false);
        }));
        audit.record("customer.erase", id, detail(erasure));
        erasure.signalsBySource()
                .forEach((source, count) ->
                        events.publishEvent(new SignalsDeleted(source, count, SignalsDeleted.Reason.ERASURE)));
        events.publishEvent(new CustomerErased(id, erasure.signalsBySource(), erasure.quarantineRows()));
        return erasure;
    }

    /** What {@link #erase} would delete now, deleting nothing. */
    public Erasure preview(String customerId) {
        String id = checked(customerId);
        return new Erasure(id, signalsBySource(id), quarantinedRows(id).size(), true);
    }

    private Map<String, Long> signalsBySource(String id) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT source, count(*) FROM signal WHERE trim(customer_id) = ? GROUP BY source ORDER BY source",
                (java.sql.ResultSet row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                },
                id);
        return counts;
    }

    /**
     * The row ids of the quarantined rows holding the id as a whole value. The store narrows them down to rows whose
     * text contains it; each of those is then parsed as its import's format.
     */
    private List<Long> quarantinedRows(String id) {
        WholeValues match = new WholeValues(id, json);
        List<Long> rows = new ArrayList<>();
        jdbc.query(
                "SELECT q.rowid, q.raw, i.format FROM quarantine q LEFT JOIN signal_import i ON i.id = q.import_id"
                        + " WHERE contains(q.raw, ?)",
                (java.sql.ResultSet row) -> {
                    if (match.in(row.getString(2), row.getString(3))) {
                        rows.add(row.getLong(1));
                    }
                },
                id);
        return rows;
    }

    private static String checked(String customerId) {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("Give the id of the customer to erase, as in the signals' customer_id");
        }
        return customerId.strip();
    }

    private static String detail(Erasure erasure) {
        List<String> parts = new ArrayList<>();
        erasure.signalsBySource().forEach((source, count) -> parts.add(source + "=" + count));
        return "signals " + (parts.isEmpty() ? "none" : String.join(", ", parts)) + "; quarantined rows "
                + erasure.quarantineRows();
    }
}
