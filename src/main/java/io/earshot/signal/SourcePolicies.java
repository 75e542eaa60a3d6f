package io.earshot.signal;

import io.earshot.access.Audit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The privacy policy of every source: retention and the kinds of personal data redacted on the way in. A source
 * without a stored policy gets {@link SourcePolicy#defaults}: keep forever, redact every kind. Changes are audited as
 * {@code source.policy}.
 */
@Service
public class SourcePolicies {

    private final JdbcTemplate jdbc;
    private final Audit audit;

    SourcePolicies(JdbcTemplate jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The policy of {@code source}: its stored one, or the defaults. */
    public SourcePolicy get(String source) {
        return stored(source).orElseGet(() -> SourcePolicy.defaults(source));
    }

    /** Stores a source's policy, replacing any before, and audits the change; storing the same policy again is no change. */
    @Transactional
    public SourcePolicy set(SourcePolicy policy) {
        SourcePolicy before = get(policy.source());
        jdbc.update(
                "INSERT INTO source_policy (source, retention_days, redact) VALUES (?, ?, ?) ON CONFLICT (source)"
                        + " DO UPDATE SET retention_days = excluded.retention_days, redact = excluded.redact",
                policy.source(),
                policy.retentionDays(),
                policy.redactList());
        if (!before.equals(policy)) {
            audit.record("source.policy", policy.source(), describe(before) + " -> " + describe(policy));
        }
        return policy;
    }

    /** The stored policies, by source; sources not listed have the defaults. */
    public List<SourcePolicy> all() {
        return jdbc.query(
                "SELECT source, retention_days, redact FROM source_policy ORDER BY source",
                (row, n) -> policy(row.getString(1), (Integer) row.getObject(2), row.getString(3)));
    }

    /**
     * Every source known to the store, in name order: those with imports, with signals or with a stored policy, each
     * with its signal count and policy.
     */
    List<SourceSummary> sources() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(
                "SELECT source FROM signal_import UNION SELECT source FROM source_policy", (java.sql.ResultSet row) -> {
                    counts.put(row.getString(1), 0L);
                });
        jdbc.query("SELECT source, count(*) FROM signal GROUP BY source", (java.sql.ResultSet row) -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        Map<String, SourcePolicy> stored = new TreeMap<>();
        all().forEach(policy -> stored.put(policy.source(), policy));
        List<SourceSummary> sources = new ArrayList<>();
        counts.forEach((source, signals) -> sources.add(new SourceSummary(
                source,
                signals,
                stored.getOrDefault(source, SourcePolicy.defaults(source)),
                stored.containsKey(source))));
        return sources;
    }

    private Optional<SourcePolicy> stored(String source) {
        Objects.requireNonNull(source, "source");
        return jdbc
                .query(
                        "SELECT source, retention_days, redact FROM source_policy WHERE source = ?",
                        (row, n) -> policy(row.getString(1), (Integer) row.getObject(2), row.getString(3)),
                        source)
                .stream()
                .findFirst();
    }

    private static SourcePolicy policy(String source, Integer retentionDays, String redact) {
        return new SourcePolicy(source, retentionDays, SourcePolicy.kinds(redact));
    }

    private static String describe(SourcePolicy policy) {
        return "retention="
                + (policy.retentionDays() == null ? "keep" : policy.retentionDays() + "d")
                + ", redact=" + (policy.redact().isEmpty() ? "none" : policy.redactList());
    }

    /**
     * A source as the admin page lists it.
     *
     * @param signals how many signals of it are stored
     * @param policy its policy, stored or the defaults
     * @param stored whether its policy is stored rather than the defaults
     */
    record SourceSummary(String source, long signals, SourcePolicy policy, boolean stored) {}
}
