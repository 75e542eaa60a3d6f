package io.earshot.programme;

import java.util.List;

/**
 * Whether a clip may be shown inside the organisation today: only while every customer of its session consents to
 * internal sharing (those who came, once attendance is recorded; else all invited).
 */
public sealed interface ClipSharing {

    /** Whether it may be shown. */
    default boolean shared() {
        return this instanceof Shared;
    }

    /** Every customer consents. */
    record Shared() implements ClipSharing {}

    /**
     * Some customer does not consent.
     *
     * @param reasons one per such customer, e.g. "Ana Costa revoked consent to internal sharing on 2026-12-02"
     */
    record Hidden(List<String> reasons) implements ClipSharing {
        public Hidden {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A hidden clip needs the reason it is hidden");
            }
        }

        /** What pages say where the clip would have appeared, e.g. "hidden: Ana Costa revoked consent …". */
        public String note() {
            return "hidden: " + String.join("; ", reasons);
        }
    }
}
