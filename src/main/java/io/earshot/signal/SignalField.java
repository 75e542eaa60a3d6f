package io.earshot.signal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signal field that metrics can be sliced and filtered by, with the SQL expression that reads it from the
 * {@code signal} table. Besides these, any free attribute can be used as {@code attributes.NAME} (see {@link #sql}).
 * This is the signal store's published read interface: other modules query signals only through these expressions.
 */
public enum SignalField {
    SOURCE("source"),
    CHANNEL("channel"),
    TOUCHPOINT("touchpoint"),
    JOURNEY_STAGE("journey_stage"),
    PRODUCT("product"),
    REGION("region"),
    SEGMENT("segment"),
    LANGUAGE("language"),
    CUSTOMER_ID("customer_id"),
    ACCOUNT_ID("account_id");

    private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\.([A-Za-z0-9_\\-]{1,64})");

    private final String column;

    SignalField(String column) {
        this.column = column;
    }

    /** The field's name as users write it, e.g. {@code journey_stage}. */
    public String key() {
        return column;
    }

    /** The SQL expression of a field name, or empty when the name is neither a field nor an attribute. */
    public static Optional<String> sql(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        var attribute = ATTRIBUTE.matcher(name.trim());
        if (attribute.matches()) {
            return Optional.of("json_extract_string(attributes, '$.\"" + attribute.group(1) + "\"')");
        }
        return Arrays.stream(values())
                .filter(field -> field.column.equals(key))
                .map(field -> field.column)
                .findFirst();
    }

    /** The names accepted by {@link #sql}, for error messages and pickers. */
    public static String describe() {
        return String.join(", ", Arrays.stream(values()).map(SignalField::key).toList()) + ", attributes.NAME";
    }
}
