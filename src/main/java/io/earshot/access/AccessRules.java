package io.earshot.access;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the one table every request is checked against. A request no rule matches is refused, and the
 * authorisation matrix test fails the build for a request mapping no rule covers, so an endpoint cannot be added
 * without deciding who may use it. The first matching rule decides.
 */
public final class AccessRules {

    private AccessRules() {}

    /**
     * One rule.
     *
     * @param method the HTTP method, or {@code null} for any
     * @param pattern a Spring path pattern
     * @param open whether anyone may call it, signed in or not
     * @param roles the roles allowed (a user with any one of them may)
     * @param scopes the API token scopes allowed
     */
    public record Rule(HttpMethod method, String pattern, boolean open, Set<Role> roles, Set<TokenScope> scopes) {
        public Rule {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
            scopes = Set.copyOf(scopes);
        }

        public boolean allows(Viewer viewer) {
            return open
                    || viewer.roles().stream().anyMatch(roles::contains)
                    || viewer.scopes().stream().anyMatch(scopes::contains);
        }
    }

    private static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);
    private static final Set<Role> READERS_OF_TEXT = EnumSet.complementOf(EnumSet.of(Role.VIEWER));
    private static final Set<Role> IMPORTERS = EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST);
    private static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.ADMINISTRATOR);
    private static final Set<Role> EDITORS_OF_THEMES = EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST);
    /** Those who run closeness programmes; who else may change what is decided per programme and session. */
    private static final Set<Role> PROGRAMME_RUNNERS =
            EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST, Role.PROGRAMME_MANAGER);
    /** Those who take part in programmes; each sees only the programmes they are part of, unless they run them. */
    private static final Set<Role> PROGRAMME_MEMBERS =
            EnumSet.of(Role.ADMINISTRATOR, Role.ANALYST, Role.PROGRAMME_MANAGER, Role.LEADER, Role.FACILITATOR);

    public static final List<Rule> RULES = List.of(
            open(null, "/signin"),
            open(null, "/setup"),
            open(null, "/welcome"),
            open(null, "/error"),
            open(HttpMethod.GET, "/css/**"),
            open(HttpMethod.GET, "/js/**"),
            open(HttpMethod.GET, "/webjars/**"),
            open(HttpMethod.GET, "/favicon.ico"),
            open(HttpMethod.GET, "/actuator/health"),
            open(HttpMethod.GET, "/actuator/health/**"),
            rule(null, "/actuator/**", ADMINISTRATORS),
            rule(null, "/actuator", ADMINISTRATORS),
            rule(HttpMethod.GET, "/", EVERY_ROLE),
            rule(HttpMethod.GET, "/breakdown", EVERY_ROLE),
            rule(HttpMethod.GET, "/dips", EVERY_ROLE),
            rule(HttpMethod.GET, "/drivers", EVERY_ROLE),
            rule(HttpMethod.GET, "/verbatims", READERS_OF_TEXT),
            rule(HttpMethod.GET, "/search", READERS_OF_TEXT),
            rule(HttpMethod.GET, "/themes", READERS_OF_TEXT),
            rule(HttpMethod.GET, "/themes/*", READERS_OF_TEXT),
            rule(HttpMethod.POST, "/themes/**", EDITORS_OF_THEMES),
            rule(HttpMethod.GET, "/programmes", PROGRAMME_MEMBERS),
            rule(HttpMethod.GET, "/programmes/**", PROGRAMME_MEMBERS),
            // facilitators write the notes, attendance, recordings and clips of the sessions they lead (checked per
            // session by the programme module)
            rule(HttpMethod.POST, "/programmes/*/sessions/*/**", PROGRAMME_MEMBERS),
            // a workshop's facilitator and the programme's facilitators change a workshop (checked per workshop)
            rule(HttpMethod.POST, "/programmes/*/workshops/*/**", PROGRAMME_MEMBERS),
            rule(HttpMethod.POST, "/programmes", PROGRAMME_RUNNERS),
            rule(HttpMethod.POST, "/programmes/**", PROGRAMME_RUNNERS),
            // closeness events invite employees of every role: the programme module shows an event only to those
            // who see its programme, its invited employees and its follow-ups' owners (404 to anyone else), takes
            // feedback only from invited employees and lets an owner mark their follow-up done
            rule(HttpMethod.GET, "/events/*", EVERY_ROLE),
            rule(HttpMethod.POST, "/events/*/feedback", EVERY_ROLE),
            rule(HttpMethod.POST, "/events/*/follow-ups/*/done", EVERY_ROLE),
            rule(HttpMethod.POST, "/events/*/**", PROGRAMME_RUNNERS),
            // reels and clips are shared inside the organisation with everyone who reads customers' words; a clip
            // hidden by consent is refused by the programme module
            rule(HttpMethod.GET, "/reels", READERS_OF_TEXT),
            rule(HttpMethod.GET, "/reels/**", READERS_OF_TEXT),
            rule(HttpMethod.GET, "/clips/**", READERS_OF_TEXT),
            rule(HttpMethod.POST, "/reels/*/views", READERS_OF_TEXT),
            rule(HttpMethod.POST, "/clips/*/views", READERS_OF_TEXT),
            rule(HttpMethod.POST, "/reels", PROGRAMME_RUNNERS),
            rule(HttpMethod.POST, "/reels/**", PROGRAMME_RUNNERS),
            rule(HttpMethod.GET, "/closeness", EVERY_ROLE),
            rule(HttpMethod.GET, "/closeness/team", PROGRAMME_RUNNERS),
            rule(null, "/imports/**", IMPORTERS),
            rule(null, "/imports", IMPORTERS),
            rule(null, "/admin/**", ADMINISTRATORS),
            rule(null, "/admin", ADMINISTRATORS),
            new Rule(HttpMethod.GET, "/api/v1/metrics", false, EVERY_ROLE, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/dips", false, EVERY_ROLE, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/drivers", false, EVERY_ROLE, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/exposure", false, PROGRAMME_MEMBERS, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/search", false, READERS_OF_TEXT, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/themes", false, READERS_OF_TEXT, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/themes/*", false, READERS_OF_TEXT, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.GET, "/api/v1/signals/*/sentiment", false, READERS_OF_TEXT, Set.of(TokenScope.READ)),
            new Rule(HttpMethod.POST, "/api/v1/signals", false, IMPORTERS, Set.of(TokenScope.INGEST)));

    /** The rule that decides a request: the first that matches it, or none (refused). */
    public static java.util.Optional<Rule> ruleFor(HttpMethod method, String path) {
        org.springframework.http.server.PathContainer container =
                org.springframework.http.server.PathContainer.parsePath(path);
        return RULES.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule -> org.springframework.web.util.pattern.PathPatternParser.defaultInstance
                        .parse(rule.pattern())
                        .matches(container))
                .findFirst();
    }

    /** Whether {@code viewer} may call {@code method path}. */
    public static boolean allows(Viewer viewer, HttpMethod method, String path) {
        return ruleFor(method, path).map(rule -> rule.allows(viewer)).orElse(false);
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, true, Set.of(), Set.of());
    }

    private static Rule rule(HttpMethod method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, false, roles, Set.of());
    }
}
