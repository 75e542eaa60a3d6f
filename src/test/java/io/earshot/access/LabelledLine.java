package io.earshot.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code redaction/labelled.tsv}: a text, the customer names mapped to it, and the PII spans a careful
 * reader marks in it (see {@code SOURCE.md} beside the file for what counts as a span).
 */
record LabelledLine(String id, String text, List<String> names, List<LabelledSpan> expected) {

    /** A span as labelled: its kind and the exact substring. */
    record LabelledSpan(PiiKind kind, String substring) {}

    static List<LabelledLine> all() {
        try (InputStream in = LabelledLine.class.getResourceAsStream("/redaction/labelled.tsv")) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<LabelledLine> lines = new ArrayList<>();
            for (String line : content.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(parse(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LabelledLine parse(String line) {
        String[] columns = line.split("\t", -1);
        List<String> names = columns[3].isEmpty() ? List.of() : List.of(columns[3].split(";"));
        List<LabelledSpan> spans = Arrays.stream(columns, 4, columns.length)
                .map(column -> {
                    int colon = column.indexOf(':');
                    return new LabelledSpan(PiiKind.valueOf(column.substring(0, colon)), column.substring(colon + 1));
                })
                .toList();
        return new LabelledLine(columns[0], columns[2], names, spans);
    }
}
