package io.earshot.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs in a user through an OpenID Connect provider: the e-mail claim names the user, the roles claim (see {@link
 * OidcProperties}) sets their roles at every sign-in. A user met for the first time is created with the default units;
 * a deactivated user is refused.
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final OidcProperties properties;
    private final Users users;
    private final Audit audit;

    OidcSignIn(OidcProperties properties, Users users, Audit audit) {
        this.properties = properties;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = provider.loadUser(request);
        String email = oidc.getEmail();
        if (email == null || email.isBlank()) {
            throw refused("The provider sent no e-mail claim; Earshot names users by e-mail.");
        }
        Set<Role> roles = roles(oidc.getClaim(properties.rolesClaim()));
        if (roles.isEmpty()) {
            audit.record(
                    email,
                    "sign-in.failed",
                    email,
                    "oidc: no Earshot role in claim " + properties.rolesClaim(),
                    Audit.currentOrigin());
            throw refused("The claim '" + properties.rolesClaim() + "' holds no Earshot role.");
        }
        Optional<User> known = users.find(email);
        User user;
        if (known.isEmpty()) {
            String name = oidc.getFullName() == null ? email : oidc.getFullName();
            user = users.create(email, name, null, roles, new HashSet<>(properties.defaultUnits()), false);
        } else if (!known.get().active()) {
            audit.record(email, "sign-in.failed", email, "oidc: deactivated", Audit.currentOrigin());
            throw refused("This user is deactivated.");
        } else {
            user = known.get();
            if (!user.roles().equals(roles)) {
                users.setRolesAndUnits(user.id(), roles, user.units());
                user = users.find(user.id()).orElseThrow();
            }
        }
        audit.record(user.email(), "sign-in", user.email(), "oidc", Audit.currentOrigin());
        return new OidcViewer(oidc, user.viewer());
    }

    private Set<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String text = String.valueOf(value);
            Role.parse(properties.roleMap().getOrDefault(text, text)).ifPresent(roles::add);
        }
        return roles;
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", message, null), message);
    }

    /** The principal of a user signed in through OpenID Connect. */
    static final class OidcViewer extends DefaultOidcUser implements Viewer.Holder {

        private final Viewer viewer;

        OidcViewer(OidcUser oidc, Viewer viewer) {
            super(Authorities.of(viewer), oidc.getIdToken(), oidc.getUserInfo(), "email");
            this.viewer = viewer;
        }

        @Override
        public Viewer viewer() {
            return viewer;
        }

        @Override
        public String getName() {
            return viewer.name();
        }
    }
}
