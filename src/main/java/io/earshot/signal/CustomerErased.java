package io.earshot.signal;

import java.util.Map;
import java.util.Objects;

/**
 * Published after every signal and quarantined row of one customer was deleted and the deletion committed. Modules
 * that keep records of the customer themselves (profiles, cases, notes) delete them.
 *
 * @param customerId the customer's id, as in {@code signal.customer_id}
 * @param signalsBySource how many signals were deleted, by source
 * @param quarantineRows how many quarantined rows were deleted
 */
public record CustomerErased(String customerId, Map<String, Long> signalsBySource, long quarantineRows) {

    public CustomerErased {
        Objects.requireNonNull(customerId, "customerId");
        signalsBySource = Map.copyOf(signalsBySource);
    }
}
