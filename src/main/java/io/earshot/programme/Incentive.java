package io.earshot.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A thank-you promised to a panel member, e.g. a voucher for a session, and when it was given.
 *
 * @param sessionId the session it is for, or {@code null}
 * @param amount its value, or {@code null} for a gift without one
 */
public record Incentive(
        UUID id,
        UUID panelMemberId,
        UUID sessionId,
        String description,
        BigDecimal amount,
        String currency,
        LocalDate promisedOn,
        LocalDate givenOn) {

    public Incentive {
        description = Text.required(description, "An incentive's description", 200);
        if (amount != null && amount.signum() < 0) {
            throw new IllegalArgumentException("An incentive's amount cannot be negative: " + amount.toPlainString());
        }
        currency = Text.optional(currency, "A currency", 3).toUpperCase(java.util.Locale.ROOT);
        if (amount != null && !currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException(
                    "An amount needs a three-letter currency such as EUR, not '" + currency + "'");
        }
        if (givenOn != null && givenOn.isBefore(promisedOn)) {
            throw new IllegalArgumentException(
                    "An incentive cannot be given (" + givenOn + ") before it was promised (" + promisedOn + ")");
        }
    }

    public boolean given() {
        return givenOn != null;
    }
}
