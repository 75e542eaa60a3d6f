package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which signals a viewer may see, as a condition over the {@code signal} table: every signal, none, or those whose
 * field matches one of the rules of the viewer's units and the units below them. Every query that reads signals for a
 * viewer adds it, so a number never includes data its viewer may not see.
 *
 * @param everything whether every signal is visible (administrators, the command line, the company unit)
 * @param matches signal column to the values that make a signal visible; a signal matching any one is visible
 */
public record DataScope(boolean everything, Map<String, Set<String>> matches) {

    /** Every signal: administrators, the command line and scheduled jobs. */
    public static final DataScope EVERYTHING = new DataScope(true, Map.of());

    /** No signal: a viewer with no unit. */
    public static final DataScope NOTHING = new DataScope(false, Map.of());

    public DataScope {
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        matches.forEach((field, values) -> {
            if (!UnitRule.FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "' in a data scope");
            }
            copy.put(field, Set.copyOf(new TreeSet<>(values)));
        });
        matches = everything ? Map.of() : Map.copyOf(copy);
    }

    /**
     * The SQL condition over {@code signal} that selects the visible signals; values are bound as parameters, appended
     * to {@code parameters} in order.
     */
    public String sql(List<Object> parameters) {
        if (everything) {
            return "TRUE";
        }
        if (matches.isEmpty()) {
            return "FALSE";
        }
        List<String> any = new ArrayList<>();
        new TreeMap<>(matches).forEach((field, values) -> {
            any.add(field + " IN ("
                    + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
            parameters.addAll(new TreeSet<>(values));
        });
        return "(" + String.join(" OR ", any) + ")";
    }

    /** Says in words what is visible, for pages and errors. */
    public String describe() {
        if (everything) {
            return "all signals";
        }
        if (matches.isEmpty()) {
            return "no signals (no business unit assigned)";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(matches)
                .forEach((field, values) -> parts.add(field + " " + String.join(" or ", new TreeSet<>(values))));
        return "signals with " + String.join("; ", parts);
    }
}
