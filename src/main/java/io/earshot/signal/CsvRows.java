package io.earshot.signal;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * The rows of a CSV file, parsed by FastCSV as a stream. The first record is the header. A record's line is the
 * physical line it starts on, so quoted line breaks count; a record with more or fewer fields than the header is
 * rejected, not padded.
 */
final class CsvRows implements RowSource {

    private final Utf8Reader text;
    private final char separator;
    private final CsvReader<CsvRecord> csv;
    private final Iterator<CsvRecord> records;
    private final ColumnMapping mapping;
    private final AttributesJson attributes = new AttributesJson();
    private final String fileName;

    CsvRows(Utf8Reader text, char separator, MappingRules rules, String fileName) {
        this.text = text;
        this.separator = separator;
        this.fileName = fileName;
        this.csv = CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .detectBomHeader(false)
                .ofCsvRecord(text);
        this.records = csv.iterator();
        List<String> headers = records.hasNext() ? records.next().getFields() : List.of();
        this.mapping = new ColumnMapping(headers.stream().map(String::strip).toList(), rules);
        List<String> missing = rules.missingFrom(mapping.headers());
        if (!missing.isEmpty() && !headers.isEmpty()) {
            throw new ImportException("The mapping names columns that " + fileName + " does not have: "
                    + String.join(", ", missing) + ". Its columns are: " + String.join(", ", mapping.headers()) + ".");
        }
    }

    @Override
    public SourceRow next() throws IOException {
        CsvRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new ImportException("Cannot read " + fileName + " as CSV: " + e.getMessage(), 0, 0, e);
        }
        long line = record.getStartingLineNumber();
        int width = mapping.headers().size();
        if (text.anyMalformedFrom(line) && text.malformedBetween(line, line + lineBreaks(record))) {
            return SourceRow.rejected(new RowResult.Rejected(
                    line,
                    null,
                    "invalid UTF-8",
                    "%s line %d: the row holds bytes that are not valid UTF-8; save the file as UTF-8 and import it again"
                            .formatted(fileName, line),
                    raw(record)));
        }
        if (record.getFieldCount() != width) {
            return SourceRow.rejected(new RowResult.Rejected(
                    line,
                    null,
                    "wrong number of fields",
                    "%s line %d: the row has %d fields but the header has %d; quote values that contain '%c' or line breaks"
                            .formatted(fileName, line, record.getFieldCount(), width, separator),
                    raw(record)));
        }
        String[] values = new String[ImportField.COUNT];
        attributes.start();
        for (int column = 0; column < width; column++) {
            String value = record.getField(column);
            if (value.isBlank()) {
                continue;
            }
            ImportField field = mapping.target(column);
            if (field == null) {
                attributes.add(mapping.headers().get(column), value);
            } else {
                values[field.ordinal()] = value;
            }
        }
        return new SourceRow(line, values, attributes.finish(), () -> raw(record), null);
    }

    private static long lineBreaks(CsvRecord record) {
        long breaks = 0;
        for (int i = 0; i < record.getFieldCount(); i++) {
            String field = record.getField(i);
            for (int j = 0; j < field.length(); j++) {
                char c = field.charAt(j);
                if (c == '\n' && (j == 0 || field.charAt(j - 1) != '\r') || c == '\r') {
                    breaks++;
                }
            }
        }
        return breaks;
    }

    /** The record as a CSV line, quoted where needed, for quarantine and content hashes. */
    private String raw(CsvRecord record) {
        StringBuilder raw = new StringBuilder(128);
        for (int i = 0; i < record.getFieldCount(); i++) {
            String field = record.getField(i);
            if (i > 0) {
                raw.append(separator);
            }
            if (field.indexOf(separator) >= 0
                    || field.indexOf('"') >= 0
                    || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                raw.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                raw.append(field);
            }
        }
        return raw.toString();
    }

    @Override
    public List<String> headers() {
        return mapping.headers();
    }

    ColumnMapping mapping() {
        return mapping;
    }

    @Override
    public String headerOf(ImportField field) {
        return mapping.headerOf(field);
    }

    @Override
    public boolean hasExternalIds() {
        return mapping.maps(ImportField.EXTERNAL_ID);
    }

    @Override
    public boolean empty() {
        return mapping.headers().isEmpty();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
