package io.earshot.programme;

import java.util.Arrays;
import java.util.Locale;

/** What a customer on the panel may agree to; each is recorded, dated and revocable on its own. */
public enum ConsentKind {
    PARTICIPATE("take part in sessions"),
    RECORD("be recorded"),
    SHARE_INTERNALLY("have clips shared inside the organisation");

    private final String description;

    ConsentKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** How the store and forms name it, e.g. {@code share_internally}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code value}; an unknown name is refused with the accepted ones. */
    public static ConsentKind of(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.value().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + value + "' is not a kind of consent; use one of "
                        + Arrays.stream(values()).map(ConsentKind::value).toList()));
    }
}
