package io.earshot.access;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Span-level counts per kind: a predicted span is a true positive when the labels hold the same kind and exact
 * substring on that line (each label matched at most once), otherwise a false positive; labels left unmatched are
 * false negatives.
 */
final class SpanScores {

    private final Map<PiiKind, int[]> counts = new EnumMap<>(PiiKind.class);
    private final List<String> mistakes = new ArrayList<>();

    SpanScores() {
        for (PiiKind kind : PiiKind.values()) {
            counts.put(kind, new int[3]);
        }
    }

    void add(String id, List<LabelledLine.LabelledSpan> expected, List<LabelledLine.LabelledSpan> predicted) {
        List<LabelledLine.LabelledSpan> unmatched = new ArrayList<>(expected);
        for (LabelledLine.LabelledSpan span : predicted) {
            if (unmatched.remove(span)) {
                counts.get(span.kind())[0]++;
            } else {
                counts.get(span.kind())[1]++;
                mistakes.add(id + " false positive " + span);
            }
        }
        for (LabelledLine.LabelledSpan span : unmatched) {
            counts.get(span.kind())[2]++;
            mistakes.add(id + " missed " + span);
        }
    }

    double precision(PiiKind kind) {
        int[] c = counts.get(kind);
        return ratio(c[0], c[0] + c[1]);
    }

    double recall(PiiKind kind) {
        int[] c = counts.get(kind);
        return ratio(c[0], c[0] + c[2]);
    }

    double precision() {
        return ratio(sum(0), sum(0) + sum(1));
    }

    double recall() {
        return ratio(sum(0), sum(0) + sum(2));
    }

    List<String> mistakes() {
        return mistakes;
    }

    /** A Markdown table of the figures, ready to paste into a README. */
    String table() {
        StringBuilder table = new StringBuilder("| kind | labelled | found | true pos. | precision | recall |\n");
        table.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (PiiKind kind : PiiKind.values()) {
            int[] c = counts.get(kind);
            table.append(row(kind.name(), c[0] + c[2], c[0] + c[1], c[0], precision(kind), recall(kind)));
        }
        table.append(row("overall", sum(0) + sum(2), sum(0) + sum(1), sum(0), precision(), recall()));
        return table.toString();
    }

    private static String row(String name, int labelled, int found, int truePositives, double p, double r) {
        return String.format(
                Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", name, labelled, found, truePositives, p, r);
    }

    private int sum(int column) {
        return counts.values().stream().mapToInt(c -> c[column]).sum();
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }
}
