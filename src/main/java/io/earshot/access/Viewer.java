package io.earshot.access;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Who is behind a request: a signed-in user or an API token, with what they may do and which business units' data they
 * may see.
 *
 * @param id the user's or the token's id
 * @param name what the audit log and the pages call them: the user's e-mail, or {@code token:<name>}
 * @param displayName the user's name, or the token's
 * @param roles the user's roles; none for a token
 * @param scopes the token's scopes; none for a user
 * @param units the business units whose data (and that of the units below) they see
 */
public record Viewer(
        UUID id, String name, String displayName, Set<Role> roles, Set<TokenScope> scopes, Set<String> units)
        implements Serializable {

    public Viewer {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        scopes = Set.copyOf(scopes);
        units = Set.copyOf(units);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Administrators see every signal, whatever their units. */
    public boolean seesEverything() {
        return has(Role.ADMINISTRATOR);
    }

    public boolean isToken() {
        return !scopes.isEmpty();
    }

    /** Implemented by every principal Earshot puts in the security context. */
    public interface Holder {
        Viewer viewer();
    }
}
