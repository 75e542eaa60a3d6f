package io.earshot.signal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What the erasure of one customer deleted, or, for a dry run, would delete.
 *
 * @param customerId the customer's id
 * @param signalsBySource signals by source, in source order
 * @param quarantineRows quarantined rows holding the customer's id as a whole value
 * @param dryRun whether nothing was deleted (a preview)
 */
public record Erasure(String customerId, Map<String, Long> signalsBySource, long quarantineRows, boolean dryRun) {

    public Erasure {
        Objects.requireNonNull(customerId, "customerId");
        signalsBySource = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(signalsBySource)));
    }

    /** How many signals, over all sources. */
    public long signals() {
        return signalsBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether there was nothing of the customer to delete. */
    public boolean isEmpty() {
        return signals() == 0 && quarantineRows == 0;
    }

    /** One line: what was (or would be) deleted, e.g. "Deleted 3 signals (survey 2, ticket 1) and 1 quarantined row". */
    public String summary() {
        String verb = dryRun ? "Would delete " : "Deleted ";
        if (isEmpty()) {
            return (dryRun ? "Nothing to delete" : "Nothing deleted") + ": no signal or quarantined row of customer "
                    + customerId + ".";
        }
        StringBuilder line = new StringBuilder(verb).append(plural(signals(), "signal"));
        if (!signalsBySource.isEmpty()) {
            line.append(" (");
            signalsBySource.forEach((source, count) ->
                    line.append(source).append(' ').append(count).append(", "));
            line.setLength(line.length() - 2);
            line.append(')');
        }
        return line.append(" and ")
                .append(plural(quarantineRows, "quarantined row"))
                .append(" of customer ")
                .append(customerId)
                .append('.')
                .toString();
    }

    private static String plural(long count, String noun) {
        return String.format("%,d %s%s", count, noun, count == 1 ? "" : "s");
    }
}
