package io.earshot.signal;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rows of a JSON Lines file: one JSON object per line, blank lines skipped. A line that is not a JSON object is
 * rejected with the parser's position; in strict mode (API bodies) it fails the whole import instead.
 */
final class JsonLineRows implements RowSource {

    private final Utf8Reader text;
    private final BufferedReader lines;
    private final ObjectMapper json;
    private final JsonObjects objects;
    private final String fileName;
    private final boolean strict;
    private long line;
    private boolean sawContent;

    JsonLineRows(Utf8Reader text, ObjectMapper json, MappingRules rules, String fileName, boolean strict) {
        this.text = text;
        this.lines = new BufferedReader(text, 1 << 16);
        this.json = json;
        this.objects = new JsonObjects(rules);
        this.fileName = fileName;
        this.strict = strict;
    }

    @Override
    public SourceRow next() throws IOException {
        String content;
        do {
            content = lines.readLine();
            if (content == null) {
                return null;
            }
            line++;
        } while (content.isBlank());
        sawContent = true;
        String raw = content;
        long at = line;
        if (text.anyMalformedFrom(at) && text.malformedBetween(at, at)) {
            return reject(at, "invalid UTF-8", "the line holds bytes that are not valid UTF-8; send UTF-8", raw, 0);
        }
        JsonNode node;
        try {
            node = json.readTree(content);
        } catch (JacksonException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            return reject(
                    at,
                    "invalid JSON",
                    "not valid JSON (" + e.getOriginalMessage() + ") at column " + column,
                    raw,
                    column);
        }
        if (node == null || !node.isObject()) {
            return reject(at, "not a JSON object", "each line must be one JSON object such as {\"nps\": 9}", raw, 1);
        }
        return objects.row(at, node, () -> raw);
    }

    private SourceRow reject(long at, String reason, String detail, String raw, int column) {
        String message = "%s line %d: %s".formatted(fileName, at, detail);
        if (strict) {
            throw new ImportException(message, at, column, null);
        }
        return SourceRow.rejected(new RowResult.Rejected(at, null, reason, message, raw));
    }

    @Override
    public List<String> headers() {
        return objects.keys();
    }

    @Override
    public String headerOf(ImportField field) {
        return objects.keyOf(field);
    }

    @Override
    public boolean hasExternalIds() {
        return objects.externalIds();
    }

    @Override
    public boolean empty() {
        return !sawContent;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
