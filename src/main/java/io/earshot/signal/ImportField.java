package io.earshot.signal;

import java.util.Locale;
import java.util.Optional;

/** A signal field that an import column can be mapped to; every other column is kept as an attribute. */
enum ImportField {
    EXTERNAL_ID("external_id"),
    CUSTOMER_ID("customer_id"),
    ACCOUNT_ID("account_id"),
    OCCURRED_AT("occurred_at"),
    CHANNEL("channel"),
    TOUCHPOINT("touchpoint"),
    JOURNEY_STAGE("journey_stage"),
    PRODUCT("product"),
    REGION("region"),
    SEGMENT("segment"),
    NPS("nps"),
    CSAT("csat"),
    CES("ces"),
    TEXT("text"),
    LANGUAGE("language"),
    /** The customer's name: used to redact it from the row's text, never stored. */
    CUSTOMER_NAME("customer_name");

    static final int COUNT = values().length;

    private final String key;

    ImportField(String key) {
        this.key = key;
    }

    /** The field's name in mapping files, pages and messages, e.g. {@code occurred_at}. */
    String key() {
        return key;
    }

    static Optional<ImportField> byKey(String key) {
        String wanted = key.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
        for (ImportField field : values()) {
            if (field.key.equals(wanted)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /** All field names, for messages that say what would be accepted. */
    static String describe() {
        StringBuilder names = new StringBuilder();
        for (ImportField field : values()) {
            names.append(names.isEmpty() ? "" : ", ").append(field.key);
        }
        return names.toString();
    }
}
