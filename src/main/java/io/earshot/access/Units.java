package io.earshot.access;

import io.earshot.platform.Remembered;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business-unit tree and the rules that give signals to units. A unit's data is the signals matching its own rules
 * and the data of the units below it; the company, the root, holds every signal.
 */
@Service
public class Units {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final JdbcTemplate jdbc;
    private final Audit audit;

    /** The tree, read on every request that reads signals (the viewer's data scope); forgotten by every change here. */
    private final Remembered<List<BusinessUnit>> tree = new Remembered<>(this::read);

    Units(JdbcTemplate jdbc, Audit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every unit, depth-first from the company, children by name. */
    public List<BusinessUnit> all() {
        return tree.get();
    }

    private List<BusinessUnit> read() {
        Map<String, List<UnitRule>> rules = new LinkedHashMap<>();
        jdbc.query(
                "SELECT unit_id, field, value FROM unit_rule ORDER BY unit_id, field, value",
                (java.sql.ResultSet r) -> {
                    rules.computeIfAbsent(r.getString(1), id -> new ArrayList<>())
                            .add(new UnitRule(r.getString(2), r.getString(3)));
                });
        record Row(String id, String name, String parent) {}
        List<Row> rows = jdbc.query(
                "SELECT id, name, parent_id FROM business_unit ORDER BY name",
                (r, i) -> new Row(r.getString(1), r.getString(2), r.getString(3)));
        List<BusinessUnit> ordered = new ArrayList<>();
        Deque<BusinessUnit> stack = new ArrayDeque<>();
        rows.stream()
                .filter(row -> row.parent() == null)
                .sorted(Comparator.comparing(Row::name).reversed())
                .forEach(row -> stack.push(
                        new BusinessUnit(row.id(), row.name(), null, 0, rules.getOrDefault(row.id(), List.of()))));
        while (!stack.isEmpty()) {
            BusinessUnit unit = stack.pop();
            ordered.add(unit);
            rows.stream()
                    .filter(row -> unit.id().equals(row.parent()))
                    .sorted(Comparator.comparing(Row::name).reversed())
                    .forEach(row -> stack.push(new BusinessUnit(
                            row.id(),
                            row.name(),
                            unit.id(),
                            unit.depth() + 1,
                            rules.getOrDefault(row.id(), List.of()))));
        }
        return List.copyOf(ordered);
    }

    public Optional<BusinessUnit> find(String id) {
        return all().stream().filter(unit -> unit.id().equals(id)).findFirst();
    }

    /**
     * Adds a unit below {@code parentId}, or the company when {@code parentId} is {@code null} and there is none yet.
     *
     * @throws IllegalArgumentException naming what is wrong: the id's form, a taken id, an unknown parent, a second
     *     company
     */
    @Transactional
    public BusinessUnit create(String id, String name, String parentId) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("A unit id is 1 to 63 lower-case letters, digits or '-', starting with a"
                    + " letter or digit; '" + id + "' is not");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The unit '" + id + "' needs a name");
        }
        List<BusinessUnit> units = all();
        if (units.stream().anyMatch(unit -> unit.id().equals(id))) {
            throw new IllegalArgumentException("There is already a unit '" + id + "'");
        }
        String parent = parentId == null || parentId.isBlank() ? null : parentId.strip();
        if (parent == null && !units.isEmpty()) {
            throw new IllegalArgumentException(
                    "The company unit exists already ('" + units.getFirst().id() + "'); choose a parent unit");
        }
        if (parent != null && units.stream().map(BusinessUnit::id).noneMatch(parent::equals)) {
            throw new IllegalArgumentException("There is no unit '" + parent + "' to put '" + id + "' under");
        }
        jdbc.update("INSERT INTO business_unit (id, name, parent_id) VALUES (?, ?, ?)", id, name.strip(), parent);
        tree.forget();
        audit.record("unit.create", id, "name=" + name.strip() + ", parent=" + parent);
        return find(id).orElseThrow();
    }

    @Transactional
    public void addRule(String unitId, UnitRule rule) {
        if (find(unitId).isEmpty()) {
            throw new IllegalArgumentException("There is no unit '" + unitId + "'");
        }
        jdbc.update(
                "INSERT INTO unit_rule (unit_id, field, value) SELECT ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM unit_rule WHERE unit_id = ? AND field = ? AND value = ?)",
                unitId,
                rule.field(),
                rule.value(),
                unitId,
                rule.field(),
                rule.value());
        tree.forget();
        audit.record("unit.rule.add", unitId, rule.field() + "=" + rule.value());
    }

    @Transactional
    public void removeRule(String unitId, UnitRule rule) {
        jdbc.update(
                "DELETE FROM unit_rule WHERE unit_id = ? AND field = ? AND value = ?",
                unitId,
                rule.field(),
                rule.value());
        tree.forget();
        audit.record("unit.rule.remove", unitId, rule.field() + "=" + rule.value());
    }

    /** The units given and every unit below them, in the tree {@code units}. */
    private static Set<String> withDescendants(List<BusinessUnit> units, Set<String> unitIds) {
        Set<String> seen = new HashSet<>(unitIds);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (BusinessUnit unit : units) {
                if (unit.parentId() != null && seen.contains(unit.parentId()) && seen.add(unit.id())) {
                    grew = true;
                }
            }
        }
        seen.retainAll(units.stream().map(BusinessUnit::id).toList());
        return seen;
    }

    /** What {@code viewer} may see: everything for administrators and members of the company unit. */
    public DataScope scopeOf(Viewer viewer) {
        if (viewer.seesEverything()) {
            return DataScope.EVERYTHING;
        }
        return scopeOfUnits(viewer.units());
    }

    /**
     * The signals {@code unitId} holds: those matching its rules and the rules of the units below it; every signal for
     * the company.
     *
     * @throws IllegalArgumentException when there is no such unit
     */
    public DataScope scopeOfUnit(String unitId) {
        if (find(unitId).isEmpty()) {
            throw new IllegalArgumentException("There is no unit '" + unitId + "'");
        }
        return scopeOfUnits(Set.of(unitId));
    }

    private DataScope scopeOfUnits(Set<String> unitIds) {
        List<BusinessUnit> units = all();
        Set<String> visible = withDescendants(units, unitIds);
        Map<String, Set<String>> matches = new LinkedHashMap<>();
        for (BusinessUnit unit : units) {
            if (!visible.contains(unit.id())) {
                continue;
            }
            if (unit.isCompany()) {
                return DataScope.EVERYTHING;
            }
            for (UnitRule rule : unit.rules()) {
                matches.computeIfAbsent(rule.field(), field -> new TreeSet<>()).add(rule.value());
            }
        }
        return matches.isEmpty() ? DataScope.NOTHING : new DataScope(false, matches);
    }
}
