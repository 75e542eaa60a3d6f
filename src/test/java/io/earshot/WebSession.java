package io.earshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.access.Role;
import io.earshot.access.Units;
import io.earshot.access.User;
import io.earshot.access.Users;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;

/**
 * A browser-like HTTP session against the server under test: real HTTP, a cookie jar, the sign-in form, and the CSRF
 * token sent with every request that changes something, as the pages' forms and htmx do.
 */
public final class WebSession {

    /** The password of users made by {@link #user}. */
    public static final String PASSWORD = "correct horse battery staple";

    private static final Pattern CSRF =
            Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"|name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final int port;

    private WebSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A session that is not signed in. */
    public static WebSession anonymous(int port) {
        return new WebSession(port);
    }

    /** Signs in through the sign-in form and checks that it worked. */
    public static WebSession signIn(int port, String email, String password) {
        WebSession session = new WebSession(port);
        HttpResponse<String> answer = session.form("/signin", Map.of("email", email, "password", password));
        assertThat(answer.statusCode()).as("sign-in of %s", email).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .as("sign-in of %s", email)
                .doesNotContain("error");
        return session;
    }

    /**
     * Creates (once) a user with {@link #PASSWORD}, the given role and units, and signs them in. With no unit given, the
     * company unit is created if needed and used.
     */
    public static WebSession as(ApplicationContext context, int port, String email, Role role, String... units) {
        user(context, email, role, units);
        return signIn(port, email, PASSWORD);
    }

    /** Creates (once) a user with {@link #PASSWORD}, the given role and units (the company unit when none is given). */
    public static User user(ApplicationContext context, String email, Role role, String... units) {
        Users users = context.getBean(Users.class);
        return users.find(email).orElseGet(() -> {
            Set<String> unitIds = units.length == 0 ? Set.of(company(context)) : Set.of(units);
            return users.create(email, email, PASSWORD, EnumSet.of(role), unitIds, false);
        });
    }

    /** The company unit's id, creating a company unit {@code company} if there is none. */
    public static String company(ApplicationContext context) {
        Units units = context.getBean(Units.class);
        return units.all().stream()
                .filter(unit -> unit.isCompany())
                .findFirst()
                .orElseGet(() -> units.create("company", "Company", null))
                .id();
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Posts a URL-encoded form, with the CSRF token. */
    public HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields)
                .entrySet().stream()
                        .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends a request, adding the CSRF token to any but GET and HEAD. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        if (!built.method().equals("GET") && !built.method().equals("HEAD")) {
            request.header("X-CSRF-TOKEN", csrf());
            built = request.build();
        }
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The session's current CSRF token, read from the sign-in page (open to everyone). */
    public String csrf() {
        HttpResponse<String> page = get("/signin");
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("a CSRF token on /signin").isTrue();
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public HttpClient client() {
        return http;
    }
}
