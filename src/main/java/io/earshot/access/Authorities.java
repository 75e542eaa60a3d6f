package io.earshot.access;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The Spring Security authorities of a viewer: {@code ROLE_*} for roles, {@code SCOPE_*} for token scopes. */
final class Authorities {

    private Authorities() {}

    static List<GrantedAuthority> of(Viewer viewer) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        viewer.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        viewer.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority(scope.authority())));
        return authorities;
    }
}
