package io.earshot.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Enumerates every request mapping of the application (controllers and actuator endpoints), checks that a rule of
 * {@link AccessRules} covers it — an endpoint added without a rule fails the build here — and then calls each one over
 * real HTTP as every role, as an API token of each scope and without credentials, checking the answer against the rule.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class AuthorizationMatrixTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    @LocalServerPort
    int port;

    /** One endpoint to call: a method and a concrete path for a mapping's pattern. */
    record Endpoint(HttpMethod method, String pattern, String path) {
        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    private static final Map<String, WebSession> sessions = new LinkedHashMap<>();
    private static final Map<String, Viewer> viewers = new LinkedHashMap<>();
    private static final Map<String, String> tokenTexts = new LinkedHashMap<>();

    @BeforeEach
    void signInEveryRoleOnce() {
        if (!sessions.isEmpty()) {
            return;
        }
        String company = WebSession.company(context);
        for (Role role : Role.values()) {
            String email = role.name().toLowerCase(java.util.Locale.ROOT) + "@matrix.test";
            User user = WebSession.user(context, email, role, company);
            sessions.put(role.name(), WebSession.signIn(port, email, WebSession.PASSWORD));
            viewers.put(role.name(), user.viewer());
        }
        for (TokenScope scope : TokenScope.values()) {
            ApiTokens.Created created = tokens.create("matrix " + scope, EnumSet.of(scope), Set.of(company));
            tokenTexts.put("token:" + scope, created.text());
            viewers.put("token:" + scope, created.token().viewer());
        }
    }

    @Test
    void everyRequestMappingHasARule() {
        List<String> uncovered = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (AccessRules.ruleFor(endpoint.method(), endpoint.path()).isEmpty()) {
                uncovered.add(endpoint.toString());
            }
        }
        assertThat(uncovered)
                .as("request mappings that no rule of AccessRules covers: add a rule for each")
                .isEmpty();
    }

    @Test
    void everyRoleAndTokenGetsWhatItsRuleSays() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(15);
        List<String> wrong = new ArrayList<>();
        int allowedSeen = 0, refusedSeen = 0;
        for (Endpoint endpoint : endpoints) {
            AccessRules.Rule rule =
                    AccessRules.ruleFor(endpoint.method(), endpoint.path()).orElseThrow();
            for (var entry : viewers.entrySet()) {
                int status = call(entry.getKey(), endpoint).statusCode();
                boolean allowed = rule.allows(entry.getValue());
                boolean refused = status == 401 || status == 403;
                if (allowed == refused) {
                    wrong.add("%s as %s: %d, but the rule %s it"
                            .formatted(endpoint, entry.getKey(), status, allowed ? "allows" : "refuses"));
                }
                if (allowed) {
                    allowedSeen++;
                } else {
                    refusedSeen++;
                }
            }
            HttpResponse<String> anonymous = WebSession.anonymous(port).send(request(endpoint));
            boolean api = endpoint.path().startsWith("/api/");
            if (rule.open()) {
                // an open page may still send a visitor on, e.g. /setup to /signin once set up; it never refuses
                if (anonymous.statusCode() == 401 || anonymous.statusCode() == 403) {
                    wrong.add(endpoint + " anonymously: " + anonymous.statusCode() + ", but it is open");
                }
            } else if (api ? anonymous.statusCode() != 401 : !isSignInRedirect(anonymous)) {
                wrong.add("%s anonymously: %d, expected %s"
                        .formatted(endpoint, anonymous.statusCode(), api ? "401" : "a redirect to /signin"));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(allowedSeen).isPositive();
        assertThat(refusedSeen).isPositive();
    }

    @Test
    void apiAnswersWithJsonErrors() {
        HttpResponse<String> anonymous = WebSession.anonymous(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics")));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(anonymous.body()).contains("\"error\":\"unauthorized\"");

        HttpResponse<String> readToken = WebSession.anonymous(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals?source=survey"))
                        .header("Authorization", "Bearer " + tokenTexts.get("token:READ"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[]")));
        assertThat(readToken.statusCode()).isEqualTo(403);
        assertThat(readToken.body()).contains("\"error\":\"forbidden\"");

        HttpResponse<String> badToken = WebSession.anonymous(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics"))
                        .header("Authorization", "Bearer es_not_a_token"));
        assertThat(badToken.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> call(String who, Endpoint endpoint) {
        if (who.startsWith("token:")) {
            return WebSession.anonymous(port)
                    .send(request(endpoint).header("Authorization", "Bearer " + tokenTexts.get(who)));
        }
        return sessions.get(who).send(request(endpoint));
    }

    private HttpRequest.Builder request(Endpoint endpoint) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()));
        if (endpoint.method() == HttpMethod.GET) {
            return builder.GET();
        }
        return builder.header("Content-Type", "application/json")
                .method(endpoint.method().name(), HttpRequest.BodyPublishers.ofString("[]"));
    }

    private static boolean isSignInRedirect(HttpResponse<String> response) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").endsWith("/signin");
    }

    /** Every mapping of every handler mapping (controllers, error controller, actuator), with sample path values. */
    private List<Endpoint> endpoints() {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping :
                context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> httpMethods = methods.isEmpty()
                        ? List.of(HttpMethod.GET, HttpMethod.POST)
                        : methods.stream()
                                .map(method -> HttpMethod.valueOf(method.name()))
                                .toList();
                for (String pattern : info.getPatternValues()) {
                    for (HttpMethod method : httpMethods) {
                        String path = pattern.replaceAll("\\{\\*?[^}/]+}", "00000000-0000-0000-0000-000000000000")
                                .replace("/**", "/x");
                        if (seen.add(method + " " + pattern)) {
                            endpoints.add(new Endpoint(method, pattern, path));
                        }
                    }
                }
            }
        }
        return endpoints;
    }
}
