package io.earshot.signal;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an import did: how many rows became new signals, how many were already in the store, and how many were
 * rejected (kept in quarantine) with the count of each reason.
 *
 * @param importId the recorded import, whose quarantine can be downloaded
 * @param accepted rows stored as new signals
 * @param duplicates rows whose signal was already in the store (or earlier in the same file)
 * @param rejected rows kept in quarantine
 * @param reasons rejection reason to number of rows, most frequent first
 * @param took how long the import ran
 * @param notes remarks about the file as a whole, e.g. that it is empty
 * @param redacted personal data replaced on the way in, by kind ({@code EMAIL}, {@code PHONE}, …), in stored texts
 *     and attributes and in quarantined rows
 */
public record ImportReport(
        UUID importId,
        String source,
        String fileName,
        long accepted,
        long duplicates,
        long rejected,
        Map<String, Long> reasons,
        Duration took,
        List<String> notes,
        Map<String, Long> redacted) {

    public ImportReport {
        reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
        notes = notes == null ? List.of() : List.copyOf(notes);
        redacted = redacted == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(redacted));
    }

    /** Personal data redacted, in words, e.g. "2 EMAIL, 1 CARD"; empty when none was found. */
    public String redactedSummary() {
        StringBuilder words = new StringBuilder();
        redacted.forEach(
                (kind, count) -> words.append(words.isEmpty() ? "" : ", ").append("%,d %s".formatted(count, kind)));
        return words.toString();
    }

    /** Rows read from the file, whatever became of them. */
    public long rows() {
        return accepted + duplicates + rejected;
    }

    /** The outcome in one sentence, e.g. "All 3 rows were already imported; nothing was added." */
    public String summary() {
        if (rows() == 0) {
            return notes.isEmpty() ? fileName + " has no rows; nothing was imported." : notes.getFirst();
        }
        if (accepted == 0 && rejected == 0) {
            return "All %,d rows were already imported; nothing was added.".formatted(duplicates);
        }
        return "%,d new signals, %,d already stored, %,d rejected (kept in quarantine)."
                .formatted(accepted, duplicates, rejected);
    }
}
