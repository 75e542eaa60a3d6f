package io.earshot.signal;

/**
 * One row as read from a file, before validation: its mapped values and attributes, its raw form for quarantine and
 * hashing, or a rejection when the row could not even be read (wrong field count, broken JSON, invalid UTF-8).
 *
 * @param values by {@link ImportField} ordinal, {@code null} when empty or not mapped
 * @param attributes the unmapped values as a JSON object, or {@code null}
 * @param raw the row's text as in the file (CSV rows are re-quoted)
 * @param rejection why the row could not be read, or {@code null}
 */
record SourceRow(long line, String[] values, String attributes, RawText raw, RowResult.Rejected rejection) {

    /** A row's text, rendered only when needed (for quarantine or a content hash). */
    @FunctionalInterface
    interface RawText {
        String text();
    }

    static SourceRow rejected(RowResult.Rejected rejection) {
        return new SourceRow(rejection.line(), null, null, rejection::raw, rejection);
    }
}
