package io.earshot.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Signs in a user through an OpenID Connect provider: the e-mail claim names the user, the roles claim (see {@link
 * OidcProperties}) sets their roles at every sign-in; their units are Earshot's to set. A user met for the first time is
 * created with the default units; a deactivated user, a user with no Earshot role and an address the provider says is
 * not verified are refused.
 */
@Component
@EnableConfigurationProperties(OidcProperties.class)
class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

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
            audit.record(
                    "oidc:" + oidc.getSubject(),
                    "sign-in.failed",
                    oidc.getSubject(),
                    "oidc: no e-mail claim",
                    Audit.currentOrigin());
            throw refused("The provider sent no e-mail claim; Earshot names users by e-mail.");
        }
        if (Boolean.FALSE.equals(oidc.getEmailVerified())) {
            // Someone who could set any address at the provider must not take over the user who has it here.
            audit.record(email, "sign-in.failed", email, "oidc: e-mail address not verified", Audit.currentOrigin());
            throw refused("The provider says the e-mail address " + email + " is not verified.");
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
        if (known.isPresent() && !known.get().active()) {
            audit.record(email, "sign-in.failed", email, "oidc: deactivated", Audit.currentOrigin());
            throw refused("This user is deactivated.");
        }
        User user;
        try {
            user = actingAs(email, () -> known.isEmpty() ? create(oidc, email, roles) : withRoles(known.get(), roles));
        } catch (IllegalArgumentException e) {
            // A setting the administrator must fix, such as a default unit that does not exist.
            log.warn("OpenID Connect sign-in of {} refused: {}", email, e.getMessage());
            audit.record(email, "sign-in.failed", email, "oidc: " + e.getMessage(), Audit.currentOrigin());
            throw refused(e.getMessage());
        }
        audit.record(user.email(), "sign-in", user.email(), "oidc", Audit.currentOrigin());
        return new OidcViewer(oidc, user.viewer());
    }

    private User create(OidcUser oidc, String email, Set<Role> roles) {
        String name = oidc.getFullName() == null || oidc.getFullName().isBlank() ? email : oidc.getFullName();
        return users.create(email, name, null, roles, new HashSet<>(properties.defaultUnits()), false);
    }

    private User withRoles(User user, Set<Role> roles) {
        if (user.roles().equals(roles)) {
            return user;
        }
        users.setRolesAndUnits(user.id(), roles, user.units());
        return users.find(user.id()).orElseThrow();
    }

    /**
     * Runs {@code change} with the signing-in user as the actor the audit log records: no one is signed in yet while
     * the provider's answer is read, and the change is theirs, not the server's.
     */
    private static User actingAs(String email, Supplier<User> change) {
        SecurityContext outer = SecurityContextHolder.getContext();
        SecurityContext acting = SecurityContextHolder.createEmptyContext();
        acting.setAuthentication(new PreAuthenticatedAuthenticationToken(email, null, List.of()));
        SecurityContextHolder.setContext(acting);
        try {
            return change.get();
        } finally {
            SecurityContextHolder.setContext(outer);
        }
    }

    private Set<Role> roles(Object claim) {
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object value : values) {
            String text = String.valueOf(value);
            Role.parse(properties.roleMap().getOrDefault(text.strip().toLowerCase(Locale.ROOT), text))
                    .ifPresent(roles::add);
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
