package io.earshot.access;

import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The data scope of whoever is behind the current request. Outside any request (the command line, scheduled jobs) the
 * operator of the store sees everything; an anonymous request sees nothing.
 */
@Service
public class DataScopes {

    private final Units units;

    DataScopes(Units units) {
        this.units = units;
    }

    public DataScope current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return DataScope.EVERYTHING;
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return DataScope.NOTHING;
        }
        return viewer(authentication).map(units::scopeOf).orElse(DataScope.NOTHING);
    }

    /** The viewer behind the current request, if someone is signed in or a token was sent. */
    public Optional<Viewer> viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? Optional.empty() : viewer(authentication);
    }

    private static Optional<Viewer> viewer(Authentication authentication) {
        if (authentication instanceof Viewer.Holder holder) {
            return Optional.of(holder.viewer());
        }
        if (authentication.getPrincipal() instanceof Viewer.Holder holder) {
            return Optional.of(holder.viewer());
        }
        return Optional.empty();
    }
}
