package io.earshot.access;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An API token behind a request. */
final class TokenAuthentication extends AbstractAuthenticationToken implements Viewer.Holder {

    private final Viewer viewer;

    TokenAuthentication(Viewer viewer) {
        super(List.copyOf(Authorities.of(viewer)));
        this.viewer = viewer;
        setAuthenticated(true);
    }

    @Override
    public Viewer viewer() {
        return viewer;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return this;
    }

    @Override
    public String getName() {
        return viewer.name();
    }
}
