package io.earshot.programme;

import java.util.List;
import java.util.UUID;

/**
 * A conversation table at a closeness event: an employee hosts, customers and employees sit at it.
 *
 * @param employeeIds the employees at it, the host first
 */
public record EventTable(
        UUID id, UUID eventId, String name, UUID hostId, List<UUID> customerIds, List<UUID> employeeIds) {

    static final int MAX_NAME = 80;

    public EventTable {
        name = Text.required(name, "A table's name", MAX_NAME);
        if (hostId == null) {
            throw new IllegalArgumentException("A table needs a host: choose one of the invited employees");
        }
        customerIds = List.copyOf(new java.util.LinkedHashSet<>(customerIds));
        java.util.LinkedHashSet<UUID> employees = new java.util.LinkedHashSet<>();
        employees.add(hostId);
        employees.addAll(employeeIds);
        employeeIds = List.copyOf(employees);
        if (customerIds.isEmpty()) {
            throw new IllegalArgumentException("Table '" + name + "' needs at least one customer to talk with");
        }
    }
}
