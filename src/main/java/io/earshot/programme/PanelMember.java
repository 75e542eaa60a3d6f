package io.earshot.programme;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A customer on a programme's panel: recruited from the customer directory ({@code customerId}) or added as a contact,
 * with the consents they gave and when they are available.
 */
public record PanelMember(
        UUID id,
        UUID programmeId,
        String customerId,
        String name,
        String email,
        String organisation,
        String availability,
        List<Consent> consents) {

    static final int MAX_NAME = 120;
    static final int MAX_AVAILABILITY = 200;

    public PanelMember {
        name = Text.required(name, "A panel member's name", MAX_NAME);
        email = Text.optional(email, "An e-mail address", 200);
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("'" + email + "' is not an e-mail address such as ana@example.com");
        }
        organisation = Text.optional(organisation, "An organisation", 120);
        availability = Text.optional(availability, "Availability", MAX_AVAILABILITY);
        customerId = customerId == null || customerId.isBlank() ? null : customerId.strip();
        consents = List.copyOf(consents);
    }

    /** Whether consent of {@code kind} holds on {@code day}. */
    public boolean consents(ConsentKind kind, LocalDate day) {
        return consents.stream().anyMatch(consent -> consent.kind() == kind && consent.holdsOn(day));
    }
}
