package io.earshot.signal;

import io.earshot.access.Audit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Withdraws single signals that may no longer be used, e.g. the signal a clip of a customer interview became once the
 * customer revoked their consent. The deletion commits under the lock imports hold, is audited as {@code
 * signal.withdraw}, and then {@link SignalsDeleted} ({@link SignalsDeleted.Reason#WITHDRAWN}) tells the modules that keep
 * derived records (the search index among them) to drop theirs.
 */
@Service
public class SignalWithdrawal {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SignalWriteLock writeLock;
    private final Audit audit;
    private final ApplicationEventPublisher events;

    SignalWithdrawal(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SignalWriteLock writeLock,
            Audit audit,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        // its own transaction even when called inside another, so the deletion has committed before listeners run
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writeLock = writeLock;
        this.audit = audit;
        this.events = events;
    }

    /** The id of the signal stored from {@code source} with {@code externalId}, if there is one. */
    public Optional<UUID> idOf(String source, String externalId) {
        return jdbc
                .queryForList(
                        "SELECT id FROM signal WHERE source = ? AND external_id = ? ORDER BY received_at LIMIT 1",
                        UUID.class,
                        source,
                        externalId)
                .stream()
                .findFirst();
    }

    /**
     * Deletes the signals {@code ids} of {@code source} and returns how many there were; ids of other sources or of no
     * signal are ignored.
     *
     * @param why what the audit records as the reason, e.g. "consent to internal sharing revoked"
     */
    public long withdraw(String source, Collection<UUID> ids, String why) {
        List<UUID> unique = ids.stream().distinct().toList();
        if (unique.isEmpty()) {
            return 0;
        }
        long deleted = writeLock.holding(() -> transaction.execute(status -> unique.stream()
                .mapToLong(id -> jdbc.update("DELETE FROM signal WHERE source = ? AND id = ?", source, id))
                .sum()));
        audit.record("signal.withdraw", source, deleted + " signals " + unique + ": " + why);
        if (deleted > 0) {
            events.publishEvent(new SignalsDeleted(source, deleted, SignalsDeleted.Reason.WITHDRAWN));
        }
        return deleted;
    }
}
