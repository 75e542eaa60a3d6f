package io.earshot.signal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How headers become signal fields: the fields a mapping file names explicitly, then (unless switched off) the automatic
 * recognition of common export headers for the fields still free. A header mapped to nothing is kept as an attribute.
 *
 * @param explicit field to the header that holds it
 * @param automatic whether headers not named explicitly are recognised automatically
 */
record MappingRules(Map<ImportField, String> explicit, boolean automatic) {

    static final MappingRules AUTOMATIC = new MappingRules(Map.of(), true);

    MappingRules {
        explicit = explicit.isEmpty() ? Map.of() : new EnumMap<>(explicit);
    }

    /** The field explicitly mapped to a header, or {@code null}. */
    ImportField explicitTarget(String header) {
        String key = AutomaticMapping.normalise(header);
        for (var entry : explicit.entrySet()) {
            if (AutomaticMapping.normalise(entry.getValue()).equals(key)) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The field a header maps to when the field is still free, or {@code null} for an attribute. */
    ImportField target(String header) {
        ImportField field = explicitTarget(header);
        if (field != null) {
            return field;
        }
        if (!automatic) {
            return null;
        }
        ImportField guess = AutomaticMapping.guess(header);
        return guess == null || explicit.containsKey(guess) ? null : guess;
    }

    /** The explicitly mapped headers that are not among {@code headers}, as {@code field=Header} lines. */
    List<String> missingFrom(List<String> headers) {
        Map<String, String> present = new HashMap<>();
        headers.forEach(header -> present.put(AutomaticMapping.normalise(header), header));
        List<String> missing = new ArrayList<>();
        explicit.forEach((field, header) -> {
            if (!present.containsKey(AutomaticMapping.normalise(header))) {
                missing.add(field.key() + "=" + header);
            }
        });
        return missing;
    }
}
