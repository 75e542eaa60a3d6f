package io.earshot.signal;

/** What became of one row of an import: a signal to store, or a rejection kept in quarantine. */
sealed interface RowResult permits RowResult.Accepted, RowResult.Rejected {

    /** The physical line (1-based) the row starts on; for API bodies, the line of the body. */
    long line();

    /**
     * A valid row, ready to append.
     *
     * @param values by {@link ImportField} ordinal, {@code null} when empty; scores and dates are in the fields below
     * @param occurredAtMicros microseconds since the epoch, UTC
     * @param externalId the source's id, or a content hash with the row's occurrence in the file (see {@link
     *     ContentHash})
     * @param attributes the unmapped columns as a JSON object, or {@code null} when there are none
     */
    record Accepted(
            long line,
            String[] values,
            long occurredAtMicros,
            Integer nps,
            Integer csat,
            Integer ces,
            String externalId,
            String attributes)
            implements RowResult {

        String value(ImportField field) {
            return values[field.ordinal()];
        }
    }

    /**
     * A row that cannot become a signal.
     *
     * @param field the header (or field) at fault, or {@code null} for the row as a whole
     * @param reason a short reason shared by all rows with the same fault, counted in the report
     * @param message what was wrong, where, and what would be accepted
     * @param raw the row as it was in the file
     */
    record Rejected(long line, String field, String reason, String message, String raw) implements RowResult {}
}
