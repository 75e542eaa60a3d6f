package io.earshot.programme;

import java.time.Instant;
import java.util.UUID;

/**
 * A clip with where it was cut from and whether it may be shown today.
 *
 * @param sessionAt when the session took place
 */
public record ClipStatus(
        Clip clip, ClipSharing sharing, UUID programmeId, UUID sessionId, String sessionTitle, Instant sessionAt) {

    /** Whether it may be shown inside the organisation today. */
    public boolean shared() {
        return sharing.shared();
    }

    /** Why it is hidden ("hidden: … revoked consent …"), or {@code ""} when shared. */
    public String note() {
        return switch (sharing) {
            case ClipSharing.Shared shared -> "";
            case ClipSharing.Hidden hidden -> hidden.note();
        };
    }
}
