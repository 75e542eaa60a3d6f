package io.earshot.signal;

import io.earshot.access.Audit;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention per source: deletes the signals that occurred longer ago than their source's retention, and the
 * quarantined rows of that source's imports started before the same cut-off. Runs daily ({@code
 * earshot.retention.cron}, by default at 03:30 server time) and from the Sources admin page. Each source is one
 * transaction, taken under the lock imports hold; after it commits, the deletion is audited as {@code
 * retention.delete} and {@link SignalsDeleted} is published. Sources without a retention keep everything.
 */
@Service
public class RetentionJob {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RetentionJob.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SignalWriteLock writeLock;
    private final SourcePolicies policies;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RetentionJob(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            SignalWriteLock writeLock,
            SourcePolicies policies,
            Audit audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.writeLock = writeLock;
        this.policies = policies;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(cron = "${earshot.retention.cron:0 30 3 * * *}")
    void runDaily() {
        List<Expired> expired = runNow(clock.instant());
        log.info(
                "Retention: deleted {} signals and {} quarantined rows",
                expired.stream().mapToLong(Expired::signals).sum(),
                expired.stream().mapToLong(Expired::quarantineRows).sum());
    }

    /**
     * Applies every source's retention as of {@code now} and returns, for each source with a retention, what it
     * deleted.
     */
    public List<Expired> runNow(Instant now) {
        List<Expired> all = new ArrayList<>();
        for (SourcePolicy policy : policies.all()) {
            if (policy.retentionDays() != null) {
                all.add(expire(policy.source(), policy.retentionDays(), now));
            }
        }
        return all;
    }

    private Expired expire(String source, int days, Instant now) {
        Instant cutoff = now.minus(java.time.Duration.ofDays(days));
        Timestamp before = Timestamp.valueOf(LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC));
        Expired expired = writeLock.holding(() -> transaction.execute(status -> new Expired(
                source,
                days,
                cutoff,
                jdbc.update("DELETE FROM signal WHERE source = ? AND occurred_at < ?", source, before),
                jdbc.update(
                        "DELETE FROM quarantine WHERE import_id IN"
                                + " (SELECT id FROM signal_import WHERE source = ? AND started_at < ?)",
                        source,
                        before))));
        if (expired.signals() > 0 || expired.quarantineRows() > 0) {
            audit.record(
                    "retention.delete",
                    source,
                    "signals " + expired.signals() + ", quarantined rows " + expired.quarantineRows()
                            + "; occurred before " + cutoff + " (" + days + " days)");
        }
        if (expired.signals() > 0) {
            events.publishEvent(new SignalsDeleted(source, expired.signals(), SignalsDeleted.Reason.RETENTION));
        }
        return expired;
    }

    /**
     * What retention deleted of one source.
     *
     * @param retentionDays the source's retention
     * @param cutoff signals that occurred before this, and quarantined rows of imports started before it, were deleted
     * @param signals how many signals
     * @param quarantineRows how many quarantined rows
     */
    public record Expired(String source, int retentionDays, Instant cutoff, long signals, long quarantineRows) {}
}
