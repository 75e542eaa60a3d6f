package io.earshot.access;

import java.util.List;

/**
 * A node of the business-unit tree.
 *
 * @param parentId {@code null} for the company, the root
 * @param depth 0 for the company, 1 below it, …
 */
public record BusinessUnit(String id, String name, String parentId, int depth, List<UnitRule> rules) {

    public BusinessUnit {
        rules = List.copyOf(rules);
    }

    public boolean isCompany() {
        return parentId == null;
    }
}
