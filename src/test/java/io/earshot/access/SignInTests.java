package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.WebSession;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in, sign-out and what protects them, through the real sign-in form over HTTP. The store starts without users:
 * the first two tests see it so, before any other test adds one. The throttle is kept per address, and every request
 * here comes from the same one, so the throttling test gets a server of its own (it is thrown away after it).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Audit audit;

    @Test
    @Order(1)
    void aFreshStoreWithoutTheDemoHasNoUserAndOffersTheSetUpForm() {
        WebSession anonymous = WebSession.anonymous(port);

        HttpResponse<String> setup = anonymous.get("/setup");

        assertThat(users.count()).isZero();
        assertThat(setup.statusCode()).isEqualTo(200);
        assertThat(setup.body()).contains("Create the first administrator", "action=\"/setup\"", "name=\"token\"");
        assertThat(anonymous.get("/signin").body()).contains("Earshot has no users yet.");
        assertThat(target(anonymous.get("/"))).isEqualTo("/signin");
    }

    @Test
    @Order(2)
    void setUpWithAWrongTokenIsRefusedWithAMessage() {
        HttpResponse<String> answer = WebSession.anonymous(port)
                .form(
                        "/setup",
                        Map.of(
                                "token", "not-the-token",
                                "email", "mallory@test.dev",
                                "name", "Mallory",
                                "password", WebSession.PASSWORD));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("The set-up token is wrong or has expired", "Create the first administrator");
        assertThat(users.count()).isZero();
        assertThat(users.find("mallory@test.dev")).isEmpty();
    }

    @Test
    @Order(3)
    @DirtiesContext(methodMode = DirtiesContext.MethodMode.AFTER_METHOD)
    void fiveFailuresAndEvenTheRightPasswordIsRefused() {
        WebSession.user(context, "guessed@test.dev", Role.ANALYST);
        WebSession attacker = WebSession.anonymous(port);

        for (int attempt = 1; attempt <= SignInThrottle.LIMIT; attempt++) {
            HttpResponse<String> wrong =
                    attacker.form("/signin", Map.of("email", "guessed@test.dev", "password", "guess " + attempt));
            assertThat(target(wrong)).as("attempt %d", attempt).isEqualTo("/signin?error=failed");
        }
        HttpResponse<String> right =
                attacker.form("/signin", Map.of("email", "guessed@test.dev", "password", WebSession.PASSWORD));

        assertThat(target(right)).isEqualTo("/signin?error=throttled");
        assertThat(attacker.get("/signin?error=throttled").body())
                .contains("Too many failed sign-ins: wait 15 minutes");
        assertThat(target(attacker.get("/"))).as("still not signed in").isEqualTo("/signin");
        assertThat(audit.entries("sign-in.throttled", "guessed@test.dev", 0, 10))
                .singleElement()
                .satisfies(entry -> assertThat(entry.target()).isEqualTo("guessed@test.dev"));
    }

    @Test
    void aWrongPasswordGoesBackToTheSignInPageAndIsAudited() {
        WebSession.user(context, "typo@test.dev", Role.ANALYST);
        WebSession session = WebSession.anonymous(port);

        HttpResponse<String> answer =
                session.form("/signin", Map.of("email", "typo@test.dev", "password", "not the password"));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(target(answer)).isEqualTo("/signin?error=failed");
        assertThat(session.get("/signin?error=failed").body())
                .contains("The e-mail or password is not right, or the user is deactivated.");
        assertThat(target(session.get("/"))).as("not signed in").isEqualTo("/signin");
        assertThat(audit.entries("sign-in.failed", "typo@test.dev", 0, 10))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.action()).isEqualTo("sign-in.failed");
                    assertThat(entry.target()).isEqualTo("typo@test.dev");
                });
    }

    @Test
    void signOutEndsTheSession() {
        WebSession session = WebSession.as(context, port, "leaving@test.dev", Role.LEADER);
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        HttpResponse<String> signOut = session.form("/signout", Map.of());

        assertThat(target(signOut)).isEqualTo("/signin?signedOut");
        assertThat(target(session.get("/"))).isEqualTo("/signin");
        assertThat(audit.entries("sign-out", "leaving@test.dev", 0, 10)).hasSize(1);
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneOpensNothing() {
        WebSession.user(context, "fixated@test.dev", Role.ANALYST);
        WebSession session = WebSession.anonymous(port);
        session.get("/signin");
        String before = sessionId(session).orElseThrow();

        HttpResponse<String> signIn =
                session.form("/signin", Map.of("email", "fixated@test.dev", "password", WebSession.PASSWORD));

        assertThat(target(signIn)).isEqualTo("/");
        String after = sessionId(session).orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(session.get("/").statusCode()).isEqualTo(200);
        assertThat(target(withSessionId(before, "/")))
                .as("the id from before sign-in")
                .isEqualTo("/signin");
        assertThat(withSessionId(after, "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        WebSession session = WebSession.as(context, port, "forged@test.dev", Role.ANALYST);

        HttpResponse<String> forged = session.client()
                .send(
                        HttpRequest.newBuilder(session.uri("/signout"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(""))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(session.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        WebSession session = WebSession.as(context, port, "headers@test.dev", Role.VIEWER);

        for (HttpResponse<String> answer : List.of(session.get("/signin"), session.get("/"))) {
            var headers = answer.headers();
            assertThat(headers.firstValue("Content-Security-Policy"))
                    .as("CSP of %s", answer.uri())
                    .hasValueSatisfying(policy -> assertThat(policy)
                            .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'")
                            .doesNotContain("unsafe-eval"));
            assertThat(headers.firstValue("X-Frame-Options"))
                    .as("of %s", answer.uri())
                    .hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy"))
                    .as("of %s", answer.uri())
                    .hasValue("same-origin");
            assertThat(headers.firstValue("X-Content-Type-Options"))
                    .as("of %s", answer.uri())
                    .hasValue("nosniff");
        }
    }

    @Test
    void aDeactivatedUsersOpenSessionEndsOnItsNextRequest() {
        WebSession session = WebSession.as(context, port, "leaver@test.dev", Role.ANALYST);
        assertThat(session.get("/").statusCode()).isEqualTo(200);

        users.setActive(users.find("leaver@test.dev").orElseThrow().id(), false);

        assertThat(target(session.get("/"))).isEqualTo("/signin");
        HttpResponse<String> again =
                session.form("/signin", Map.of("email", "leaver@test.dev", "password", WebSession.PASSWORD));
        assertThat(target(again)).as("and cannot sign in again").isEqualTo("/signin?error=failed");
    }

    /** Where a redirect leads: path and query of its Location, or the status when it is not a redirect. */
    private static String target(HttpResponse<String> answer) {
        if (answer.statusCode() != 302) {
            return "status " + answer.statusCode();
        }
        URI location = URI.create(answer.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    private static Optional<String> sessionId(WebSession session) {
        CookieManager cookies = (CookieManager) session.client().cookieHandler().orElseThrow();
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** A GET from a client that holds nothing but the given session id. */
    private HttpResponse<String> withSessionId(String id, String path) {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Cookie", "JSESSIONID=" + id)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
