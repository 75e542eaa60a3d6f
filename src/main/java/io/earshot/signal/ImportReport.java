package io.earshot.signal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * What an import did: how many rows became new signals, how many were already in the store, and how many were
 * rejected (kept in quarantine) with the count of each reason.
 *
 * @param importId the recorded import, whose quarantine can be downloaded
 * @param accepted rows stored as new signals
 * @param duplicates rows whose signal was already in the store
 * @param rejected rows kept in quarantine
 * @param reasons rejection reason to number of rows
 * @param took how long the import ran
 */
public record ImportReport(
        UUID importId,
        String source,
        String fileName,
        long accepted,
        long duplicates,
        long rejected,
        Map<String, Long> reasons,
        Duration took) {

    public ImportReport {
        reasons = Map.copyOf(reasons);
    }

    /** Rows read from the file, whatever became of them. */
    public long rows() {
        return accepted + duplicates + rejected;
    }
}
