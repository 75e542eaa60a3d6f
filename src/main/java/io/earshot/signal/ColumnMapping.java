package io.earshot.signal;

import java.util.Arrays;
import java.util.List;

/**
 * The mapping of a CSV file's columns: each column's signal field, or {@code null} where the column is kept as an
 * attribute. Explicit mappings claim their fields first; of two columns recognised as the same field, the first wins
 * and the other is kept as an attribute.
 */
final class ColumnMapping {

    private final List<String> headers;
    private final ImportField[] targets;
    private final int[] columnOf = new int[ImportField.COUNT];

    ColumnMapping(List<String> headers, MappingRules rules) {
        this.headers = List.copyOf(headers);
        this.targets = new ImportField[headers.size()];
        Arrays.fill(columnOf, -1);
        for (int column = 0; column < headers.size(); column++) {
            claim(column, rules.explicitTarget(headers.get(column)));
        }
        for (int column = 0; column < headers.size(); column++) {
            if (targets[column] == null) {
                claim(column, rules.target(headers.get(column)));
            }
        }
    }

    private void claim(int column, ImportField field) {
        if (field != null && columnOf[field.ordinal()] < 0) {
            targets[column] = field;
            columnOf[field.ordinal()] = column;
        }
    }

    List<String> headers() {
        return headers;
    }

    /** The field of a column, or {@code null} when it is kept as an attribute. */
    ImportField target(int column) {
        return targets[column];
    }

    boolean maps(ImportField field) {
        return columnOf[field.ordinal()] >= 0;
    }

    /** The header of the column mapped to {@code field}, or the field's own name when no column is. */
    String headerOf(ImportField field) {
        int column = columnOf[field.ordinal()];
        return column < 0 ? field.key() : headers.get(column);
    }
}
