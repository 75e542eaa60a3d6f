package io.earshot.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What the admin pages' forms read and offer: roles, token scopes, and the unit tree as indented choices. */
final class AdminForms {

    private AdminForms() {}

    /**
     * A business unit as a choice of a select, indented by its depth in the tree.
     *
     * @param label the unit's name after a non-breaking space per level, so the tree shows in a plain select
     */
    record UnitChoice(String id, String label) {}

    static List<UnitChoice> unitChoices(List<BusinessUnit> units) {
        List<UnitChoice> choices = new ArrayList<>();
        for (BusinessUnit unit : units) {
            choices.add(new UnitChoice(unit.id(), "\u00a0\u00a0\u00a0".repeat(unit.depth()) + unit.name()));
        }
        return choices;
    }

    /** The roles ticked in a form; an unknown name is an error naming it. */
    static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names == null ? List.<String>of() : names) {
            roles.add(Role.parse(name)
                    .orElseThrow(() -> new IllegalArgumentException("There is no role '" + name + "'")));
        }
        return roles;
    }

    /** The token scopes ticked in a form; an unknown name is an error naming it. */
    static Set<TokenScope> scopes(List<String> names) {
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String name : names == null ? List.<String>of() : names) {
            scopes.add(TokenScope.parse(name)
                    .orElseThrow(() -> new IllegalArgumentException("There is no token scope '" + name + "'")));
        }
        return scopes;
    }

    /** The units chosen in a form, without blanks; the services check that each exists. */
    static Set<String> units(List<String> ids) {
        Set<String> units = new LinkedHashSet<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id != null && !id.isBlank()) {
                units.add(id.strip());
            }
        }
        return units;
    }

    /** Unit id to name, for showing a user's or a token's units. */
    static Map<String, String> unitNames(List<BusinessUnit> units) {
        return units.stream().collect(Collectors.toMap(BusinessUnit::id, BusinessUnit::name));
    }

    /** The names of the given units (in tree order), or their ids where a unit has gone. */
    static String namesOf(Set<String> unitIds, List<BusinessUnit> units) {
        Map<String, String> names = unitNames(units);
        List<String> ordered = new ArrayList<>();
        units.stream().map(BusinessUnit::id).filter(unitIds::contains).forEach(id -> ordered.add(names.get(id)));
        unitIds.stream().filter(id -> !names.containsKey(id)).sorted().forEach(ordered::add);
        return String.join(", ", ordered);
    }

    /** The labels of the given roles, in the order of {@link Role}. */
    static String labelsOf(Set<Role> roles) {
        return roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
    }
}
