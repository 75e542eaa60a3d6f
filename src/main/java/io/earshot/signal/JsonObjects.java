package io.earshot.signal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Maps JSON objects to rows: each key to its signal field by the mapping rules (the first key of an object to claim a
 * field wins), other keys to attributes. Nested values are kept as JSON text; an {@code attributes} object is
 * flattened into attributes.
 */
final class JsonObjects {

    private static final int MAX_KEYS_REMEMBERED = 1_000;

    private final MappingRules rules;
    private final Map<String, ImportField> targets = new HashMap<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private final Map<ImportField, String> keyOf = new HashMap<>();
    private final AttributesJson attributes = new AttributesJson();
    private boolean externalIds;

    JsonObjects(MappingRules rules) {
        this.rules = rules;
    }

    SourceRow row(long line, JsonNode object, SourceRow.RawText raw) {
        String[] values = new String[ImportField.COUNT];
        attributes.start();
        for (var property : object.properties()) {
            String key = property.getKey();
            JsonNode node = property.getValue();
            if (key.equals("attributes") && node.isObject()) {
                for (var attribute : node.properties()) {
                    addAttribute(attribute.getKey(), attribute.getValue());
                }
                continue;
            }
            String value = text(node);
            if (value == null) {
                continue;
            }
            ImportField field = target(key);
            if (field != null && values[field.ordinal()] == null) {
                values[field.ordinal()] = value;
                externalIds |= field == ImportField.EXTERNAL_ID;
            } else {
                attributes.add(key, value);
            }
        }
        return new SourceRow(line, values, attributes.finish(), raw, null);
    }

    private void addAttribute(String key, JsonNode node) {
        String value = text(node);
        if (value != null) {
            attributes.add(key, value);
        }
    }

    private ImportField target(String key) {
        ImportField field = targets.get(key);
        if (field == null && !targets.containsKey(key)) {
            field = rules.target(key);
            if (targets.size() < MAX_KEYS_REMEMBERED) {
                targets.put(key, field);
                keys.add(key);
                if (field != null) {
                    keyOf.putIfAbsent(field, key);
                }
            }
        }
        return field;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isValueNode() ? node.asString() : node.toString();
        return value.isBlank() ? null : value;
    }

    List<String> keys() {
        return new ArrayList<>(keys);
    }

    String keyOf(ImportField field) {
        return keyOf.getOrDefault(field, field.key());
    }

    boolean externalIds() {
        return externalIds;
    }
}
