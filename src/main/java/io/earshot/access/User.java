package io.earshot.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A person who signs in.
 *
 * @param hasPassword whether a password is set; invited users and those whose sign-in was reset have none until they
 *     follow their link
 * @param demo a demo user, created by {@code earshot demo}, whose password is {@code demo}
 */
public record User(
        UUID id,
        String email,
        String name,
        boolean hasPassword,
        boolean active,
        boolean demo,
        Set<Role> roles,
        Set<String> units,
        Instant createdAt) {

    public User {
        roles = Set.copyOf(roles);
        units = Set.copyOf(units);
    }

    /** Who this user is behind a request. */
    public Viewer viewer() {
        return new Viewer(id, email, name, roles, Set.of(), units);
    }
}
