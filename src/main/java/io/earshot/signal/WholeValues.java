package io.earshot.signal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Tells whether a quarantined row holds a value, such as a customer id, as one whole value rather than as part of a
 * longer one. A quarantined row keeps its raw text as it was in the file; searching that text for {@code C-1} would
 * also find {@code C-10}, {@code AC-1} and a comment that mentions C-1, so the row is parsed the way its import read it
 * and each of its values compared with the id, both stripped of surrounding white space:
 *
 * <ul>
 *   <li>a row of a CSV or TSV import is split into fields as CSV with that separator, quotes removed, so a quoted text
 *       field {@code "C-1, please call"} is one value that does not match;
 *   <li>a row of a JSON import is parsed as JSON and every string or number anywhere in it is a value (so {@code 1001}
 *       and {@code "1001"} both match id 1001); keys are not values;
 *   <li>a row whose import is unknown is read as JSON when it starts with <code>{</code> or {@code [}, else as CSV
 *       with both separators;
 *   <li>a row that is not valid JSON (a rejected malformed line) is split at every JSON delimiter
 *       (<code>{ } [ ] : ,</code>, quotes and line breaks) and each piece is a value. This errs on the side of erasing:
 *       a malformed row mentioning the id between delimiters goes.
 * </ul>
 */
final class WholeValues {

    private static final Pattern JSON_DELIMITERS = Pattern.compile("[{}\\[\\]:,\"\\r\\n]");

    private final String value;
    private final ObjectMapper json;

    /** @param value the value to look for, compared stripped */
    WholeValues(String value, ObjectMapper json) {
        this.value = Objects.requireNonNull(value, "value").strip();
        this.json = json;
    }

    /**
     * Whether {@code raw} holds the value as a whole value.
     *
     * @param format the import's format key ({@code csv}, {@code tsv}, {@code jsonl}, {@code json}), or {@code null}
     *     when unknown
     */
    boolean in(String raw, String format) {
        if (raw == null || value.isEmpty() || !raw.contains(value)) {
            return false;
        }
        String start = raw.stripLeading();
        return switch (format == null ? "" : format) {
            case "csv" -> inCsv(raw, ',');
            case "tsv" -> inCsv(raw, '\t');
            case "jsonl", "json" -> inJson(raw);
            default ->
                start.startsWith("{") || start.startsWith("[") ? inJson(raw) : inCsv(raw, ',') || inCsv(raw, '\t');
        };
    }

    private boolean inCsv(String raw, char separator) {
        try {
            return inRecords(raw, separator);
        } catch (RuntimeException e) {
            return inPieces(raw);
        }
    }

    private boolean inRecords(String raw, char separator) {
        for (CsvRecord record : CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(raw)) {
            for (String field : record.getFields()) {
                if (field.strip().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean inJson(String raw) {
        JsonNode root;
        try {
            root = json.readTree(raw);
        } catch (JacksonException e) {
            return inPieces(raw);
        }
        Deque<JsonNode> nodes = new ArrayDeque<>();
        nodes.push(root);
        while (!nodes.isEmpty()) {
            JsonNode node = nodes.pop();
            if (node.isContainer()) {
                node.values().forEach(nodes::push);
            } else if ((node.isString() || node.isNumber())
                    && node.asString().strip().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private boolean inPieces(String raw) {
        for (String piece : JSON_DELIMITERS.split(raw)) {
            if (piece.strip().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
