package io.earshot.signal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.ObjectMapper;

/** The file formats an import reads, told apart by the file name and, failing that, by the first character. */
enum ImportFormat {
    CSV("csv"),
    TSV("tsv"),
    JSON_LINES("jsonl"),
    JSON_ARRAY("json");

    private final String key;

    ImportFormat(String key) {
        this.key = key;
    }

    /** The name recorded with the import. */
    String key() {
        return key;
    }

    static ImportFormat of(String fileName, Path file) throws IOException {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".csv")) {
            return CSV;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in);
        }
    }

    /** By the first character that is not a BOM or white space: {@code [} an array, <code>{</code> JSON Lines. */
    static ImportFormat sniff(InputStream in) throws IOException {
        for (int i = 0; i < 4096; i++) {
            int b = in.read();
            if (b == '[') {
                return JSON_ARRAY;
            }
            if (b == '{') {
                return JSON_LINES;
            }
            if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                return CSV;
            }
        }
        return CSV;
    }

    RowSource open(Utf8Reader text, ObjectMapper json, MappingRules rules, String fileName, boolean strict) {
        return switch (this) {
            case CSV -> new CsvRows(text, ',', rules, fileName);
            case TSV -> new CsvRows(text, '\t', rules, fileName);
            case JSON_LINES -> new JsonLineRows(text, json, rules, fileName, strict);
            case JSON_ARRAY -> new JsonArrayRows(text, json, rules, fileName);
        };
    }
}
