package io.earshot.programme;

import io.earshot.access.Role;
import io.earshot.access.User;
import io.earshot.access.Users;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The users a programme's pages name and offer to choose from: leaders, facilitators, sponsors. */
@Component
class People {

    private final Users users;

    People(Users users) {
        this.users = users;
    }

    /** Every active user's name by id, for showing who is who. */
    Map<UUID, String> names() {
        Map<UUID, String> names = new LinkedHashMap<>();
        users.all().stream()
                .sorted(Comparator.comparing(User::name, String.CASE_INSENSITIVE_ORDER))
                .forEach(user -> names.put(user.id(), user.name()));
        return names;
    }

    /** The active users holding any of {@code roles}, by name: the choices of a form. */
    List<User> withAny(Role... roles) {
        return users.all().stream()
                .filter(User::active)
                .filter(user -> List.of(roles).stream().anyMatch(user.roles()::contains))
                .sorted(Comparator.comparing(User::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Refuses any of {@code ids} that is not an active user, naming it as a {@code what} (e.g. "leader"). */
    void requireActive(java.util.Collection<UUID> ids, String what) {
        for (UUID id : ids) {
            if (!active(id)) {
                throw new IllegalArgumentException(
                        "There is no active user " + id + " to be a " + what + ": choose one of the people offered");
            }
        }
    }

    /** Whether user {@code id} exists and is active. */
    boolean active(UUID id) {
        return users.find(id).filter(User::active).isPresent();
    }
}
