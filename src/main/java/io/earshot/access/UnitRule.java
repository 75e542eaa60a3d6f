package io.earshot.access;

import java.util.List;

/**
 * A signal belongs to a business unit when its {@code field} equals {@code value}, e.g. {@code region = North}.
 *
 * @param field one of {@link #FIELDS}
 */
public record UnitRule(String field, String value) {

    /** The signal columns a unit can be defined by. */
    public static final List<String> FIELDS =
            List.of("region", "product", "segment", "channel", "touchpoint", "journey_stage", "source", "account_id");

    public UnitRule {
        if (!FIELDS.contains(field)) {
            throw new IllegalArgumentException(
                    "A unit rule can use " + String.join(", ", FIELDS) + "; '" + field + "' is not one of them");
        }
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A unit rule needs a value for " + field);
        }
        value = value.strip();
    }
}
