package io.earshot.programme;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One consent a panel member gave: in force from {@code grantedOn} until it is revoked. A revocation is kept, and a
 * new grant is a new consent, so the history shows what held on any day.
 */
public record Consent(
        UUID id, UUID panelMemberId, ConsentKind kind, LocalDate grantedOn, LocalDate revokedOn, String recordedBy) {

    public Consent {
        if (revokedOn != null && revokedOn.isBefore(grantedOn)) {
            throw new IllegalArgumentException(
                    "A consent cannot be revoked (" + revokedOn + ") before it was given (" + grantedOn + ")");
        }
    }

    /** Whether it holds on {@code day}: given by then and not revoked by then. */
    public boolean holdsOn(LocalDate day) {
        return !grantedOn.isAfter(day) && (revokedOn == null || revokedOn.isAfter(day));
    }
}
