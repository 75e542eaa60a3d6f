package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.nimbusds.jose.JOSEObjectType;
import io.earshot.WebSession;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.NestedTestConfiguration;

/**
 * Sign-in through a real OpenID Connect provider (mock-oauth2-server on a random port): the browser's round trip from
 * Earshot to the provider and back, followed by hand with a cookie jar, and the user Earshot makes of the ID token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
class OidcSignInTests {

    private static final String ISSUER = "default";
    private static final String CLIENT = "earshot";

    /** Started before the Spring context, which reads the provider's discovery document at start. */
    static final MockOAuth2Server provider = new MockOAuth2Server();

    static {
        provider.start();
    }

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
        String registration = "spring.security.oauth2.client.registration.test.";
        registry.add(registration + "client-id", () -> CLIENT);
        registry.add(registration + "client-secret", () -> "secret");
        registry.add(registration + "client-name", () -> "Mock Provider");
        registry.add(registration + "scope", () -> "openid,email,profile");
        registry.add(
                "spring.security.oauth2.client.provider.test.issuer-uri",
                () -> provider.issuerUrl(ISSUER).toString());
        registry.add("earshot.oidc.roles-claim", () -> "roles");
        registry.add("earshot.oidc.role-map.cx-team", () -> "ANALYST");
        registry.add("earshot.oidc.role-map[/Groups/CX-Leads]", () -> "LEADER");
        registry.add("earshot.oidc.default-units", () -> "company,north");
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Autowired
    Users users;

    @Autowired
    Units units;

    @Autowired
    Audit audit;

    @LocalServerPort
    int port;

    @BeforeEach
    void businessUnits() {
        if (units.find("company").isEmpty()) {
            units.create("company", "Company", null);
            units.create("north", "North", "company");
        }
    }

    @Test
    void mapsAProviderRoleToAnAnalystCreatedWithTheDefaultUnits() {
        WebSession browser = WebSession.anonymous(port);

        List<URI> visited = signIn(browser, "ana@corp.example", "Ana Lyst", List.of("cx-team"));

        assertThat(visited.getLast()).hasPath("/");
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("Ana Lyst");
        User user = users.find("ana@corp.example").orElseThrow();
        assertThat(user.name()).isEqualTo("Ana Lyst");
        assertThat(user.roles()).containsExactly(Role.ANALYST);
        assertThat(user.units()).containsExactlyInAnyOrder("company", "north");
        assertThat(user.hasPassword()).isFalse();
        assertThat(audit.entries("sign-in", "ana@corp.example", 0, 10))
                .filteredOn(entry -> entry.action().equals("sign-in"))
                .extracting(AuditEntry::detail)
                .containsExactly("oidc");
        assertThat(audit.verify()).as("the audit chain is whole").isEmpty();
        assertThat(browser.get("/imports").statusCode())
                .as("an analyst may import")
                .isEqualTo(200);
        assertThat(browser.get("/admin").statusCode())
                .as("an analyst is no administrator")
                .isEqualTo(403);
    }

    @Test
    void takesARoleNamedDirectlyInTheClaim() {
        WebSession browser = WebSession.anonymous(port);

        signIn(browser, "lea@corp.example", "Lea Der", List.of("leader", "some-other-group"));

        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(users.find("lea@corp.example").orElseThrow().roles()).containsExactly(Role.LEADER);
        assertThat(browser.get("/imports").statusCode())
                .as("a leader may not import")
                .isEqualTo(403);
    }

    @Test
    void refusesAUserWithNoEarshotRole() {
        WebSession browser = WebSession.anonymous(port);

        List<URI> visited = signIn(browser, "nora@corp.example", "Nora Role", List.of("marketing"));

        assertThat(visited.getLast()).hasPath("/signin").hasQuery("error=oidc");
        HttpResponse<String> page = browser.get("/signin?error=oidc");
        assertThat(page.body()).contains("your account has no Earshot role, or it is deactivated");
        assertSignedOut(browser);
        assertThat(users.find("nora@corp.example")).isEmpty();
        assertThat(audit.entries("sign-in", "nora@corp.example", 0, 10))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple("sign-in.failed", "oidc: no Earshot role in claim roles"));
    }

    @Test
    void refusesADeactivatedUser() {
        User known =
                users.create("gone@corp.example", "Gone", null, EnumSet.of(Role.ANALYST), Set.of("company"), false);
        users.setActive(known.id(), false);
        WebSession browser = WebSession.anonymous(port);

        List<URI> visited = signIn(browser, "gone@corp.example", "Gone", List.of("cx-team"));

        assertThat(visited.getLast()).hasPath("/signin").hasQuery("error=oidc");
        assertSignedOut(browser);
        assertThat(users.find("gone@corp.example").orElseThrow().active()).isFalse();
        assertThat(audit.entries("sign-in", "gone@corp.example", 0, 10))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple("sign-in.failed", "oidc: deactivated"));
    }

    @Test
    void updatesRolesFromTheClaimAtTheNextSignInAndKeepsUnits() {
        signIn(WebSession.anonymous(port), "max@corp.example", "Max", List.of("cx-team"));
        User first = users.find("max@corp.example").orElseThrow();
        units.create("south", "South", "company");
        users.setRolesAndUnits(first.id(), first.roles(), Set.of("south"));
        WebSession browser = WebSession.anonymous(port);

        signIn(browser, "max@corp.example", "Max", List.of("leader", "viewer"));

        User again = users.find("max@corp.example").orElseThrow();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.roles()).containsExactlyInAnyOrder(Role.LEADER, Role.VIEWER);
        assertThat(again.units()).as("units are Earshot's, not the provider's").containsExactly("south");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(browser.get("/imports").statusCode())
                .as("the analyst role is gone")
                .isEqualTo(403);
        assertThat(audit.entries("user.change", null, 0, 10))
                .filteredOn(entry -> entry.target().equals("max@corp.example"))
                .extracting(AuditEntry::detail)
                .first()
                .asString()
                .startsWith("roles=[LEADER, VIEWER]");
    }

    @Test
    void aRoleTakenAwayInEarshotAppliesAtTheNextRequestOfAnOidcSession() {
        WebSession browser = WebSession.anonymous(port);
        signIn(browser, "rae@corp.example", "Rae", List.of("cx-team"));
        assertThat(browser.get("/imports").statusCode()).isEqualTo(200);
        User user = users.find("rae@corp.example").orElseThrow();

        users.setRolesAndUnits(user.id(), EnumSet.of(Role.VIEWER), user.units());

        assertThat(browser.get("/imports").statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
        assertThat(browser.get("/").body()).contains("Rae");
    }

    @Test
    void aDeactivationEndsAnOidcSession() {
        WebSession browser = WebSession.anonymous(port);
        signIn(browser, "dee@corp.example", "Dee", List.of("cx-team"));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        users.setActive(users.find("dee@corp.example").orElseThrow().id(), false);

        assertSignedOut(browser);
    }

    @Test
    void givesTheSessionANewIdAtSignIn() {
        WebSession browser = WebSession.anonymous(port);
        browser.get("/signin");
        String before = sessionId(browser);

        signIn(browser, "sid@corp.example", "Sid", List.of("viewer"));

        assertThat(before).isNotNull();
        assertThat(sessionId(browser)).isNotNull().isNotEqualTo(before);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void returnsToThePageAskedForBeforeSignIn() {
        WebSession browser = WebSession.anonymous(port);
        assertThat(browser.get("/breakdown").statusCode()).isEqualTo(302);

        List<URI> visited = signIn(browser, "bea@corp.example", "Bea", List.of("viewer"));

        assertThat(visited.getLast()).hasPath("/breakdown");
    }

    @Test
    void matchesRoleMapEntriesWhateverTheCaseOfTheClaimValue() {
        signIn(WebSession.anonymous(port), "cas@corp.example", "Cas", List.of("CX-Team"));

        assertThat(users.find("cas@corp.example").orElseThrow().roles()).containsExactly(Role.ANALYST);
    }

    @Test
    void matchesRoleMapKeysWrittenInBrackets() {
        signIn(WebSession.anonymous(port), "gus@corp.example", "Gus", List.of("/groups/cx-leads"));

        assertThat(users.find("gus@corp.example").orElseThrow().roles()).containsExactly(Role.LEADER);
    }

    @Test
    void recordsTheNewUserAsCreatedByTheirOwnSignIn() {
        signIn(WebSession.anonymous(port), "new@corp.example", "New", List.of("viewer"));

        assertThat(audit.entries("user.create", null, 0, 50))
                .filteredOn(entry -> entry.target().equals("new@corp.example"))
                .extracting(AuditEntry::actor, AuditEntry::detail)
                .containsExactly(tuple("new@corp.example", "roles=[VIEWER], units=[company, north]"));
    }

    @Test
    void refusesAnAddressTheProviderSaysIsNotVerified() {
        WebSession browser = WebSession.anonymous(port);

        List<URI> visited = signIn(
                browser,
                Map.of(
                        "email",
                        "boss@corp.example",
                        "email_verified",
                        false,
                        "name",
                        "Boss",
                        "roles",
                        List.of("leader")));

        assertThat(visited.getLast()).hasPath("/signin").hasQuery("error=oidc");
        assertSignedOut(browser);
        assertThat(users.find("boss@corp.example")).isEmpty();
        assertThat(audit.entries("sign-in", "boss@corp.example", 0, 10))
                .extracting(AuditEntry::action, AuditEntry::detail)
                .containsExactly(tuple("sign-in.failed", "oidc: e-mail address not verified"));
    }

    @Test
    void refusesAnIdTokenWithoutAnEmail() {
        WebSession browser = WebSession.anonymous(port);

        List<URI> visited = signIn(browser, Map.of("name", "Nobody", "roles", List.of("leader")));

        assertThat(visited.getLast()).hasPath("/signin").hasQuery("error=oidc");
        assertSignedOut(browser);
        assertThat(audit.entries("sign-in", "oidc:sub-nobody", 0, 10))
                .extracting(AuditEntry::action, AuditEntry::target, AuditEntry::detail)
                .containsExactly(tuple("sign-in.failed", "sub-nobody", "oidc: no e-mail claim"));
    }

    @Test
    void refusesARoleMapEntryThatNamesNoRole() {
        assertThatThrownBy(() -> new OidcProperties(null, Map.of("CX-Team", "ANALYTS"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("earshot.oidc.role-map.cx-team: 'ANALYTS' is not a role; use one of [ADMINISTRATOR,"
                        + " ANALYST, PROGRAMME_MANAGER, LEADER, FACILITATOR, FRONTLINE, ACCOUNT_MANAGER, VIEWER]");
    }

    @Test
    void signsOutAnOidcUser() {
        WebSession browser = WebSession.anonymous(port);
        signIn(browser, "otto@corp.example", "Otto", List.of("viewer"));

        HttpResponse<String> out = browser.form("/signout", Map.of());

        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/signin?signedOut");
        assertSignedOut(browser);
        assertThat(audit.entries("sign-out", "otto@corp.example", 0, 10))
                .extracting(AuditEntry::target)
                .containsExactly("otto@corp.example");
    }

    @Test
    void signInPageLinksToTheProvider() {
        HttpResponse<String> page = WebSession.anonymous(port).get("/signin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/oauth2/authorization/test\"").contains("Sign in with Mock Provider");
    }

    /** The same application without a client registration: form sign-in only. */
    @Nested
    @NestedTestConfiguration(NestedTestConfiguration.EnclosingConfiguration.OVERRIDE)
    @SpringBootTest(
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "earshot.demo.load-on-empty-store=false")
    class WithoutProvider {

        @TempDir
        static Path otherDataDir;

        @DynamicPropertySource
        static void properties(DynamicPropertyRegistry registry) {
            registry.add("earshot.data-dir", () -> otherDataDir.toString());
        }

        @LocalServerPort
        int otherPort;

        @Test
        void signInPageHasNoProviderLink() {
            HttpResponse<String> page = WebSession.anonymous(otherPort).get("/signin");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("Sign in with").doesNotContain("/oauth2/authorization");
            HttpResponse<String> start = WebSession.anonymous(otherPort).get("/oauth2/authorization/test");
            assertThat(start.headers().firstValue("Location").orElse(""))
                    .as("no OpenID Connect endpoint: the path is refused like any other unknown one")
                    .endsWith("/signin");
        }
    }

    /**
     * Enqueues the ID token's claims at the provider and follows the browser's round trip from the provider link
     * through the provider's authorisation endpoint and Earshot's callback to where Earshot sends the user. Returns the
     * addresses visited, the last one answered without a redirect.
     */
    private List<URI> signIn(WebSession browser, String email, String name, List<String> roles) {
        return signIn(browser, Map.of("email", email, "name", name, "roles", roles));
    }

    private List<URI> signIn(WebSession browser, Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(
                ISSUER,
                "sub-" + claims.getOrDefault("email", "nobody"),
                JOSEObjectType.JWT.getType(),
                List.of(CLIENT),
                claims,
                3600));
        List<URI> visited = new ArrayList<>();
        URI next = browser.uri("/oauth2/authorization/test");
        for (int hop = 0; hop < 10; hop++) {
            visited.add(next);
            HttpResponse<String> answer =
                    browser.send(HttpRequest.newBuilder(next).GET());
            if (answer.statusCode() / 100 != 3) {
                assertThat(next.getPort())
                        .as("the provider answered %s without sending the browser back", next)
                        .isEqualTo(port);
                assertThat(answer.statusCode()).as("answer of %s", next).isEqualTo(200);
                return visited;
            }
            next = next.resolve(answer.headers().firstValue("Location").orElseThrow());
        }
        throw new AssertionError("More than 10 redirects: " + visited);
    }

    private String sessionId(WebSession browser) {
        return ((CookieManager) browser.client().cookieHandler().orElseThrow())
                .getCookieStore().get(browser.uri("/")).stream()
                        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                        .map(HttpCookie::getValue)
                        .findFirst()
                        .orElse(null);
    }

    private static void assertSignedOut(WebSession browser) {
        HttpResponse<String> home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/signin");
    }
}
