package io.earshot.signal;

/** Builds the JSON object of a row's unmapped columns, reusing one buffer: the hot path of every row. */
final class AttributesJson {

    private final StringBuilder json = new StringBuilder(256);

    void start() {
        json.setLength(0);
    }

    void add(String name, String value) {
        json.append(json.isEmpty() ? '{' : ',');
        quote(name);
        json.append(':');
        quote(value);
    }

    /** The object, or {@code null} when nothing was added. */
    String finish() {
        return json.isEmpty() ? null : json.append('}').toString();
    }

    private void quote(String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
