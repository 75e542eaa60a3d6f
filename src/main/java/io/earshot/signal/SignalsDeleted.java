package io.earshot.signal;

import java.util.Objects;

/**
 * Published after signals of one source were deleted and the deletion committed. Modules that keep records derived
 * from signals (sentiment, themes, embeddings, cases) drop those whose signal is no longer in {@code signal}: the event
 * says which source and why, not which ids, as retention may delete millions at once.
 *
 * @param source the source whose signals were deleted
 * @param count how many were deleted
 * @param reason why
 */
public record SignalsDeleted(String source, long count, Reason reason) {

    public SignalsDeleted {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        if (count < 0) {
            throw new IllegalArgumentException("A negative count of deleted signals: " + count);
        }
    }

    /** Why signals were deleted. */
    public enum Reason {
        /** They were older than their source's retention. */
        RETENTION,
        /** Their customer asked to be forgotten; a {@link CustomerErased} follows. */
        ERASURE,
        /**
         * What they were made from may no longer be used, e.g. a customer revoked the consent under which a clip of
         * an interview became a signal ({@link SignalWithdrawal}).
         */
        WITHDRAWN
    }
}
