package io.earshot.signal;

import java.io.IOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The rows of a JSON array of objects, streamed element by element. A syntax error cannot be skipped past, so it fails
 * the import with its line and column; an element that is not an object is rejected.
 */
final class JsonArrayRows implements RowSource {

    private final Utf8Reader text;
    private final JsonParser parser;
    private final JsonObjects objects;
    private final String fileName;
    private boolean started;
    private boolean empty;

    JsonArrayRows(Utf8Reader text, ObjectMapper json, MappingRules rules, String fileName) {
        this.text = text;
        this.parser = json.createParser(text);
        this.objects = new JsonObjects(rules);
        this.fileName = fileName;
    }

    @Override
    public SourceRow next() throws IOException {
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    empty = true;
                    return null;
                }
                if (first != JsonToken.START_ARRAY) {
                    throw malformed("expected a JSON array of objects ([{...}, {...}]) or JSON Lines", null);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw malformed("the array is not closed with ]", null);
            }
            if (token == JsonToken.END_ARRAY) {
                return null;
            }
            long first = parser.currentTokenLocation().getLineNr();
            JsonNode node = parser.readValueAsTree();
            long last = parser.currentLocation().getLineNr();
            String raw = node.toString();
            if (text.anyMalformedFrom(first) && text.malformedBetween(first, last)) {
                return rejected(first, "invalid UTF-8", "the element holds bytes that are not valid UTF-8", raw);
            }
            if (!node.isObject()) {
                return rejected(first, "not a JSON object", "each element must be an object such as {\"nps\": 9}", raw);
            }
            return objects.row(first, node, () -> raw);
        } catch (ImportException e) {
            throw e;
        } catch (JacksonException e) {
            throw malformed("not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private SourceRow rejected(long line, String reason, String detail, String raw) {
        return SourceRow.rejected(
                new RowResult.Rejected(line, null, reason, "%s line %d: %s".formatted(fileName, line, detail), raw));
    }

    private ImportException malformed(String what, JacksonException cause) {
        var at = cause != null && cause.getLocation() != null ? cause.getLocation() : parser.currentLocation();
        return new ImportException(
                "%s line %d, column %d: %s".formatted(fileName, at.getLineNr(), at.getColumnNr(), what),
                at.getLineNr(),
                at.getColumnNr(),
                cause);
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
        return empty;
    }

    @Override
    public void close() throws IOException {
        parser.close();
        text.close();
    }
}
