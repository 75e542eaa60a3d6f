package io.earshot.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Decides from the panel's consents, as they stand today, whether the clips of a session may be shared (ADR 18). It
 * reads the consents afresh each time, so a revocation hides the clips at the moment it is recorded.
 */
@Component
class ClipConsent {

    private final CustomerSessions sessions;
    private final Panels panels;
    private final Clock clock;

    ClipConsent(CustomerSessions sessions, Panels panels, Clock clock) {
        this.sessions = sessions;
        this.panels = panels;
        this.clock = clock;
    }

    /** Whether the clips of session {@code sessionId} may be shared today, and if not, because of whom. */
    ClipSharing of(UUID sessionId) {
        LocalDate today = LocalDate.now(clock);
        List<String> reasons = new ArrayList<>();
        for (PanelMember customer : customers(sessionId)) {
            if (!customer.consents(ConsentKind.SHARE_INTERNALLY, today)) {
                reasons.add(reason(customer));
            }
        }
        return reasons.isEmpty() ? new ClipSharing.Shared() : new ClipSharing.Hidden(reasons);
    }

    /**
     * The customers whose consent counts: those who came once attendance is recorded, else all invited; by name.
     */
    List<PanelMember> customers(UUID sessionId) {
        Optional<CustomerSession> found = sessions.find(sessionId);
        if (found.isEmpty()) {
            return List.of();
        }
        CustomerSession session = found.get();
        boolean recorded = session.attendanceRecorded();
        return session.customers().entrySet().stream()
                .filter(entry -> !recorded || entry.getValue() == Attendance.ATTENDED)
                .map(Map.Entry::getKey)
                .flatMap(id -> panels.find(id).stream())
                .sorted(Comparator.comparing(PanelMember::name).thenComparing(PanelMember::id))
                .toList();
    }

    private static String reason(PanelMember customer) {
        return customer.consents().stream()
                .filter(consent -> consent.kind() == ConsentKind.SHARE_INTERNALLY && consent.revokedOn() != null)
                .map(Consent::revokedOn)
                .max(Comparator.naturalOrder())
                .map(day -> customer.name() + " revoked consent to internal sharing on " + day)
                .orElse(customer.name() + " has not consented to internal sharing");
    }
}
