package io.earshot.programme;

import io.earshot.access.Audit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversation tables of closeness events, and who spoke with whom, which follows from them: an employee spoke
 * with a customer when both sat at the same table and neither was recorded as absent. Changes are audited.
 */
@Service
public class EventTables {

    private final JdbcTemplate jdbc;
    private final ClosenessEvents events;
    private final Audit audit;

    EventTables(JdbcTemplate jdbc, ClosenessEvents events, Audit audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    /**
     * That employee {@code employeeId} spoke with customer {@code customerId} at an event.
     *
     * @param tables the names of the tables they shared
     */
    public record Conversation(UUID employeeId, UUID customerId, List<String> tables) {}

    /** Sets a table at event {@code eventId}; everyone at it must be invited. Returns it. */
    @Transactional
    public EventTable add(
            UUID eventId, String name, UUID hostId, List<UUID> customerIds, List<UUID> employeeIds, String actor) {
        ClosenessEvent event = events.get(eventId);
        EventTable table = new EventTable(UUID.randomUUID(), eventId, name, hostId, customerIds, employeeIds);
        if (ofEvent(eventId).stream().anyMatch(other -> other.name().equalsIgnoreCase(table.name()))) {
            throw new IllegalArgumentException("This event already has a table named '" + table.name() + "'");
        }
        for (UUID employee : table.employeeIds()) {
            if (!event.employees().containsKey(employee)) {
                throw new IllegalArgumentException("Employee " + employee + " at table '" + table.name()
                        + "' is not invited to this event; invite them first");
            }
        }
        for (UUID customer : table.customerIds()) {
            if (!event.customers().containsKey(customer)) {
                throw new IllegalArgumentException("Customer " + customer + " at table '" + table.name()
                        + "' is not invited to this event; invite them first");
            }
        }
        jdbc.update("INSERT INTO event_table VALUES (?, ?, ?, ?)", table.id(), eventId, table.name(), hostId);
        table.customerIds()
                .forEach(customer ->
                        jdbc.update("INSERT INTO event_table_seat VALUES (?, 'customer', ?)", table.id(), customer));
        table.employeeIds()
                .forEach(employee ->
                        jdbc.update("INSERT INTO event_table_seat VALUES (?, 'employee', ?)", table.id(), employee));
        audit.record(
                "event.table",
                "event:" + eventId,
                table.name() + ": " + table.customerIds().size() + " customers, "
                        + table.employeeIds().size() + " employees");
        return table;
    }

    /** Clears table {@code tableId} of event {@code eventId}. */
    @Transactional
    public void remove(UUID eventId, UUID tableId, String actor) {
        int removed = jdbc.update("DELETE FROM event_table WHERE id = ? AND event_id = ?", tableId, eventId);
        if (removed == 0) {
            throw new IllegalArgumentException("There is no table " + tableId + " at this event");
        }
        jdbc.update("DELETE FROM event_table_seat WHERE table_id = ?", tableId);
        audit.record("event.table.remove", "event:" + eventId, "table " + tableId);
    }

    /** The tables of event {@code eventId}, by name. */
    public List<EventTable> ofEvent(UUID eventId) {
        Map<UUID, List<UUID>> customers = new HashMap<>();
        Map<UUID, List<UUID>> employees = new HashMap<>();
        jdbc.query(
                """
                SELECT s.table_id, s.kind, s.person_id FROM event_table_seat s JOIN event_table t ON t.id = s.table_id
                WHERE t.event_id = ? ORDER BY s.person_id""",
                row -> {
                    (row.getString("kind").equals("customer") ? customers : employees)
                            .computeIfAbsent(row.getObject("table_id", UUID.class), t -> new ArrayList<>())
                            .add(row.getObject("person_id", UUID.class));
                },
                eventId);
        return jdbc.query(
                "SELECT * FROM event_table WHERE event_id = ? ORDER BY name, id",
                (row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new EventTable(
                            id,
                            eventId,
                            row.getString("name"),
                            row.getObject("host_id", UUID.class),
                            customers.getOrDefault(id, List.of()),
                            employees.getOrDefault(id, List.of()));
                },
                eventId);
    }

    /** Who spoke with whom at event {@code eventId}, by employee then customer id. */
    public List<Conversation> conversations(UUID eventId) {
        ClosenessEvent event = events.get(eventId);
        Map<List<UUID>, List<String>> pairs = new LinkedHashMap<>();
        for (EventTable table : ofEvent(eventId)) {
            for (UUID employee : table.employeeIds()) {
                for (UUID customer : table.customerIds()) {
                    if (event.attends(employee) && event.hosts(customer)) {
                        pairs.computeIfAbsent(List.of(employee, customer), pair -> new ArrayList<>())
                                .add(table.name());
                    }
                }
            }
        }
        return pairs.entrySet().stream()
                .map(pair ->
                        new Conversation(pair.getKey().get(0), pair.getKey().get(1), List.copyOf(pair.getValue())))
                .sorted(Comparator.comparing(Conversation::employeeId).thenComparing(Conversation::customerId))
                .toList();
    }
}
