package io.earshot.signal;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The first rows of an uploaded file with the proposed mapping of each column, for the user to check and override
 * before the import starts.
 *
 * @param columns each header with its proposed field ({@code ""} to keep it as an attribute)
 * @param rows the first few rows, one value per column
 */
record ImportPreview(UUID upload, String fileName, String format, List<Column> columns, List<List<String>> rows) {

    static final int ROWS = 5;

    /** A column of the file and the field it will fill. */
    record Column(int index, String header, String target) {}

    /** The fields a column can be mapped to, in the order the page offers them. */
    static List<String> fields() {
        return java.util.Arrays.stream(ImportField.values())
                .map(ImportField::key)
                .toList();
    }

    static ImportPreview read(UUID upload, Path file, String fileName, ObjectMapper json) throws IOException {
        ImportFormat format = ImportFormat.of(fileName, file);
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        try (Utf8Reader text = new Utf8Reader(Files.newInputStream(file))) {
            switch (format) {
                case CSV, TSV -> readCsv(text, format == ImportFormat.TSV ? '\t' : ',', headers, rows);
                case JSON_LINES, JSON_ARRAY -> readJson(text, format, json, headers, rows);
            }
        }
        ColumnMapping mapping = new ColumnMapping(headers, MappingRules.AUTOMATIC);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            ImportField target = mapping.target(i);
            columns.add(new Column(i, headers.get(i), target == null ? "" : target.key()));
        }
        return new ImportPreview(upload, fileName, format.key(), columns, rows);
    }

    private static void readCsv(Utf8Reader text, char separator, List<String> headers, List<List<String>> rows)
            throws IOException {
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .fieldSeparator(separator)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .allowExtraCharsAfterClosingQuote(true)
                .ofCsvRecord(text)) {
            Iterator<CsvRecord> records = csv.iterator();
            if (records.hasNext()) {
                records.next().getFields().forEach(header -> headers.add(header.strip()));
            }
            while (records.hasNext() && rows.size() < ROWS) {
                rows.add(records.next().getFields());
            }
        }
    }

    private static void readJson(
            Utf8Reader text, ImportFormat format, ObjectMapper json, List<String> headers, List<List<String>> rows)
            throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try {
            if (format == ImportFormat.JSON_LINES) {
                BufferedReader lines = new BufferedReader(text);
                for (String line = lines.readLine(); line != null && objects.size() < ROWS; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        objects.add(json.readTree(line));
                    }
                }
            } else {
                try (JsonParser parser = json.createParser(text)) {
                    if (parser.nextToken() == JsonToken.START_ARRAY) {
                        while (parser.nextToken() == JsonToken.START_OBJECT && objects.size() < ROWS) {
                            objects.add(parser.readValueAsTree());
                        }
                    }
                }
            }
        } catch (JacksonException e) {
            // the preview shows what could be read; the import reports the broken row or refuses the file
        }
        Set<String> keys = new LinkedHashSet<>();
        objects.stream().filter(JsonNode::isObject).forEach(object -> keys.addAll(object.propertyNames()));
        headers.addAll(keys);
        for (JsonNode object : objects) {
            List<String> row = new ArrayList<>();
            for (String key : keys) {
                JsonNode value = object.get(key);
                row.add(
                        value == null || value.isNull()
                                ? ""
                                : value.isValueNode() ? value.asString() : value.toString());
            }
            rows.add(row);
        }
    }
}
