package io.earshot.metric;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Prints a {@link MetricTable} as CSV (RFC 4180, empty for no value) or as an aligned text table. */
final class MetricPrinter {

    private MetricPrinter() {}

    static void csv(MetricTable table, PrintWriter out) {
        out.println(String.join(",", table.columns()));
        for (Map<String, Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (String column : table.columns()) {
                cells.add(csvCell(row.get(column)));
            }
            out.println(String.join(",", cells));
        }
    }

    static void table(MetricTable table, String pocDefinition, PrintWriter out) {
        List<String> columns = table.columns();
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        List<List<String>> cells = new ArrayList<>();
        for (Map<String, Object> row : table.rows()) {
            List<String> line = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Object value = row.get(columns.get(i));
                String text = value == null ? "-" : String.valueOf(value);
                widths[i] = Math.max(widths[i], text.length());
                line.add(text);
            }
            cells.add(line);
        }
        out.println(line(columns, widths));
        cells.forEach(line -> out.println(line(line, widths)));
        out.println("POC: " + pocDefinition + ". small_sample: fewer than " + Nps.SMALL_SAMPLE + " NPS responses.");
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(
                    i == 0
                            ? cell + " ".repeat(widths[i] - cell.length())
                            : "  " + " ".repeat(widths[i] - cell.length()) + cell);
        }
        return line.toString().stripTrailing();
    }

    private static String csvCell(Object value) {
        if (value == null) {
            return "";
        }
        String text = String.valueOf(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
