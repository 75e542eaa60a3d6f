package io.earshot.signal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One past import as recorded in {@code signal_import}, for the list of imports. */
record ImportRecord(
        UUID id,
        String source,
        String fileName,
        String format,
        String contentSha256,
        Instant startedAt,
        Instant finishedAt,
        long accepted,
        long duplicates,
        long rejected,
        String importedBy,
        Map<String, Long> reasons) {

    long rows() {
        return accepted + duplicates + rejected;
    }
}
