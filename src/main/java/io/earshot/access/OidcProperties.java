package io.earshot.access;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * OpenID Connect sign-in, on when a client registration is configured under {@code spring.security.oauth2.client}.
 *
 * @param rolesClaim the ID-token or user-info claim that carries the user's roles (a list or one string)
 * @param roleMap claim value to Earshot role name, for values that are not role names themselves (e.g. {@code
 *     cx-team: ANALYST}), matched whatever the case; a value that is a role's name (any case) needs no entry
 * @param defaultUnits the business units of a user created at their first OpenID Connect sign-in
 */
@ConfigurationProperties("earshot.oidc")
public record OidcProperties(String rolesClaim, Map<String, String> roleMap, List<String> defaultUnits) {

    public OidcProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roleMap = roleMap == null
                ? Map.of()
                : roleMap.entrySet().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                entry -> entry.getKey().strip().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        roleMap.forEach((value, role) -> {
            if (Role.parse(role).isEmpty()) {
                throw new IllegalArgumentException("earshot.oidc.role-map." + value + ": '" + role
                        + "' is not a role; use one of " + Arrays.toString(Role.values()));
            }
        });
        defaultUnits = defaultUnits == null ? List.of() : List.copyOf(defaultUnits);
    }
}
