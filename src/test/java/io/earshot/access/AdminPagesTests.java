package io.earshot.access;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's pages through real HTTP against the real store: inviting, changing, deactivating and resetting
 * users, business units and their rules, API tokens, and the audit log with its export. One administrator only, so
 * the last-administrator rule can be seen.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class AdminPagesTests {

    private static final String ADMIN = "admin@example.com";
    private static final String NEW_PASSWORD = "a long new password";
    private static final Pattern LINK = Pattern.compile("/welcome\\?token=([A-Za-z0-9_-]+)");
    private static final Pattern TOKEN = Pattern.compile("es_[0-9a-f]{32}_[A-Za-z0-9_-]{43}");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Users users;

    @Autowired
    Units units;

    @Autowired
    Audit audit;

    @LocalServerPort
    int port;

    /** The company with North (region North, 3 signals) and South (region South, 2 signals) below it. */
    @BeforeEach
    void companyWithTwoRegions() {
        if (units.find("north").isPresent()) {
            return;
        }
        String company = WebSession.company(context);
        units.create("north", "North", company);
        units.addRule("north", new UnitRule("region", "North"));
        units.create("south", "South", company);
        units.addRule("south", new UnitRule("region", "South"));
        List<StoredSignals.Signal> signals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            signals.add(signal().region("North").nps(9).text("North says " + i));
        }
        for (int i = 0; i < 2; i++) {
            signals.add(signal().region("South").nps(3).text("South says " + i));
        }
        StoredSignals.insert(jdbc, signals);
    }

    private WebSession admin() {
        return WebSession.as(context, port, ADMIN, Role.ADMINISTRATOR);
    }

    @Test
    void invitedUserSetsAPasswordThroughTheOneTimeLinkAndSignsIn() {
        WebSession admin = admin();
        HttpResponse<String> invited = post(
                admin,
                "/admin/users/invite",
                "email",
                "Invited@Example.com",
                "name",
                "In Vited",
                "roles",
                "ANALYST",
                "units",
                "north");

        assertThat(invited.statusCode()).isEqualTo(200);
        assertThat(invited.body()).contains("In Vited is invited").contains("This link will not be shown again");
        String token = linkToken(invited.body());
        User user = users.find("invited@example.com").orElseThrow();
        assertThat(user.roles()).containsExactly(Role.ANALYST);
        assertThat(user.units()).containsExactly("north");
        assertThat(user.hasPassword()).isFalse();
        HttpResponse<String> list = admin.get("/admin/users");
        assertThat(list.body())
                .contains("invited@example.com")
                .contains("Not set")
                .doesNotContain(token);
        assertThat(admin.get("/admin/users/" + user.id()).body()).doesNotContain(token);

        WebSession stranger = WebSession.anonymous(port);
        assertThat(stranger.get("/welcome?token=" + token).statusCode()).isEqualTo(200);
        HttpResponse<String> set = stranger.form("/welcome", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(set.statusCode()).isEqualTo(302);
        assertThat(set.headers().firstValue("Location").orElseThrow()).endsWith("/signin?created");

        WebSession them = WebSession.signIn(port, "invited@example.com", NEW_PASSWORD);
        assertThat(them.get("/imports").statusCode()).isEqualTo(200);
        assertThat(them.get("/verbatims").body()).contains("North says").doesNotContain("South says");
        HttpResponse<String> again = stranger.form("/welcome", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("This link is not valid");
    }

    @Test
    void aRefusedInvitationSaysWhyAndKeepsWhatWasTyped() {
        WebSession admin = admin();

        HttpResponse<String> badEmail =
                post(admin, "/admin/users/invite", "email", "not-an-email", "name", "Kept Name", "roles", "LEADER");
        HttpResponse<String> noRole =
                post(admin, "/admin/users/invite", "email", "norole@example.com", "name", "No Role", "units", "south");

        assertThat(badEmail.statusCode()).isEqualTo(200);
        assertThat(badEmail.body())
                .contains("&#39;not-an-email&#39; is not an e-mail address")
                .contains("value=\"not-an-email\"")
                .contains("value=\"Kept Name\"")
                .containsPattern("value=\"LEADER\"\\s+checked");
        assertThat(noRole.body())
                .contains("A user needs at least one role")
                .contains("value=\"norole@example.com\"")
                .containsPattern("value=\"south\"\\s+selected");
        assertThat(users.find("norole@example.com")).isEmpty();
    }

    @Test
    void changedRolesAndUnitsApplyOnTheUsersNextRequest() {
        User user = WebSession.user(context, "viewer@example.com", Role.VIEWER, "north");
        WebSession them = WebSession.signIn(port, user.email(), WebSession.PASSWORD);
        assertThat(them.get("/verbatims").statusCode()).isEqualTo(403);

        HttpResponse<String> saved =
                post(admin(), "/admin/users/" + user.id(), "roles", "ANALYST", "roles", "LEADER", "units", "south");

        assertThat(saved.statusCode()).isEqualTo(302);
        HttpResponse<String> verbatims = them.get("/verbatims");
        assertThat(verbatims.statusCode()).isEqualTo(200);
        assertThat(verbatims.body()).contains("South says").doesNotContain("North says");
        assertThat(users.find(user.id()).orElseThrow().roles()).containsExactlyInAnyOrder(Role.ANALYST, Role.LEADER);
    }

    @Test
    void deactivatedUserIsSignedOutAndRefusedAtSignInUntilReactivated() {
        User user = WebSession.user(context, "leaver@example.com", Role.LEADER, "north");
        WebSession them = WebSession.signIn(port, user.email(), WebSession.PASSWORD);
        WebSession admin = admin();

        HttpResponse<String> deactivated = post(admin, "/admin/users/" + user.id() + "/active", "active", "false");

        assertThat(deactivated.statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/users/" + user.id()).body()).contains("leaver@example.com is deactivated");
        HttpResponse<String> next = them.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElseThrow()).contains("/signin");
        HttpResponse<String> signIn = WebSession.anonymous(port)
                .form("/signin", Map.of("email", user.email(), "password", WebSession.PASSWORD));
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).contains("/signin?error");

        post(admin, "/admin/users/" + user.id() + "/active", "active", "true");
        assertThat(WebSession.signIn(port, user.email(), WebSession.PASSWORD)
                        .get("/")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theLastActiveAdministratorCanNeitherBeDeactivatedNorLoseTheRole() {
        WebSession admin = admin();
        UUID id = users.find(ADMIN).orElseThrow().id();

        HttpResponse<String> deactivate = post(admin, "/admin/users/" + id + "/active", "active", "false");
        HttpResponse<String> demote = post(admin, "/admin/users/" + id, "roles", "ANALYST");

        assertThat(deactivate.statusCode()).isEqualTo(200);
        assertThat(deactivate.body()).contains("admin@example.com is the last active administrator");
        assertThat(demote.statusCode()).isEqualTo(200);
        assertThat(demote.body())
                .contains("admin@example.com is the last active administrator")
                .containsPattern("value=\"ANALYST\"\\s+checked");
        User unchanged = users.find(id).orElseThrow();
        assertThat(unchanged.active()).isTrue();
        assertThat(unchanged.roles()).containsExactly(Role.ADMINISTRATOR);
    }

    @Test
    void resetSignInClearsThePasswordAndShowsANewLinkOnce() {
        User user = WebSession.user(context, "forgetful@example.com", Role.FRONTLINE, "south");
        WebSession admin = admin();

        HttpResponse<String> reset = post(admin, "/admin/users/" + user.id() + "/reset");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(reset.body()).contains("sign-in is reset").contains("This link will not be shown again");
        String token = linkToken(reset.body());
        assertThat(users.find(user.id()).orElseThrow().hasPassword()).isFalse();
        HttpResponse<String> oldPassword = WebSession.anonymous(port)
                .form("/signin", Map.of("email", user.email(), "password", WebSession.PASSWORD));
        assertThat(oldPassword.headers().firstValue("Location").orElseThrow()).contains("/signin?error");
        WebSession.anonymous(port).form("/welcome", Map.of("token", token, "password", NEW_PASSWORD));
        assertThat(WebSession.signIn(port, user.email(), NEW_PASSWORD).get("/").statusCode())
                .isEqualTo(200);
    }

    @Test
    void tokenWorksUntilRevokedAndShowsWhenItWasLastUsed() {
        WebSession admin = admin();
        HttpResponse<String> created =
                post(admin, "/admin/tokens", "name", "nightly BI export", "scopes", "READ", "units", "north");

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("This token will not be shown again");
        Matcher text = TOKEN.matcher(created.body());
        assertThat(text.find()).isTrue();
        String token = text.group();
        assertThat(tokenRow(admin.get("/admin/tokens").body(), "nightly BI export"))
                .contains("never")
                .doesNotContain(token);

        assertThat(metricsWith(token).statusCode()).isEqualTo(200);
        assertThat(tokenRow(admin.get("/admin/tokens").body(), "nightly BI export"))
                .doesNotContain("never")
                .containsPattern("class=\"last-used\">\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d<");

        UUID id = context.getBean(ApiTokens.class).all().stream()
                .filter(t -> t.name().equals("nightly BI export"))
                .findFirst()
                .orElseThrow()
                .id();
        HttpResponse<String> confirm = admin.get("/admin/tokens/" + id + "/revoke");
        assertThat(confirm.body()).contains("Revoke the token nightly BI export?");
        assertThat(metricsWith(token).statusCode()).as("asking is not revoking").isEqualTo(200);
        HttpResponse<String> revoked = post(admin, "/admin/tokens/" + id + "/revoke");
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(metricsWith(token).statusCode()).isEqualTo(401);
        assertThat(tokenRow(admin.get("/admin/tokens").body(), "nightly BI export"))
                .contains("revoked");
    }

    @Test
    void aRefusedTokenSaysWhyAndKeepsWhatWasTyped() {
        HttpResponse<String> refused = post(admin(), "/admin/tokens", "name", "reader without units", "scopes", "READ");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("A read token needs the units whose data it may read")
                .contains("value=\"reader without units\"")
                .containsPattern("value=\"READ\"\\s+checked")
                .doesNotContainPattern(TOKEN.pattern());
        assertThat(context.getBean(ApiTokens.class).all())
                .noneMatch(t -> t.name().equals("reader without units"));
    }

    @Test
    void addsAUnitUnderAParentWithARuleAndShowsWhatItHolds() {
        WebSession admin = admin();

        HttpResponse<String> added = post(admin, "/admin/units", "id", "coast", "name", "Coast", "parent", "north");
        HttpResponse<String> ruled = post(admin, "/admin/units/coast/rules", "field", "region", "value", "South");

        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(ruled.statusCode()).isEqualTo(302);
        assertThat(units.find("coast").orElseThrow().parentId()).isEqualTo("north");
        assertThat(units.find("coast").orElseThrow().rules()).containsExactly(new UnitRule("region", "South"));
        String page = admin.get("/admin/units").body();
        assertThat(unitRow(page, "coast"))
                .contains("region = South")
                .contains("signals with region South")
                .containsPattern("class=\"num\">2<");
        assertThat(unitRow(page, "north"))
                .as("North holds its own and Coast's signals")
                .contains("signals with region North or South")
                .containsPattern("class=\"num\">5<");

        post(admin, "/admin/units/coast/rules/remove", "field", "region", "value", "South");
        assertThat(unitRow(admin.get("/admin/units").body(), "coast"))
                .contains("no signals yet")
                .containsPattern("class=\"num\">0<");
    }

    @Test
    void aRefusedUnitOrRuleSaysWhyBesideItsFormAndKeepsWhatWasTyped() {
        WebSession admin = admin();

        HttpResponse<String> badId =
                post(admin, "/admin/units", "id", "Team West", "name", "Team West", "parent", "south");
        HttpResponse<String> badRule = post(admin, "/admin/units/south/rules", "field", "colour", "value", "blue");

        assertThat(badId.statusCode()).isEqualTo(200);
        assertThat(badId.body())
                .contains("A unit id is 1 to 63 lower-case letters")
                .contains("value=\"Team West\"")
                .containsPattern("value=\"south\"\\s+selected");
        assertThat(units.find("Team West")).isEmpty();
        assertThat(unitRow(badRule.body(), "south"))
                .contains("A unit rule can use region")
                .contains("value=\"blue\"")
                .contains("<details open");
    }

    @Test
    void auditLogListsTheAdministratorsActionsAndItsExportIsItselfAudited() throws Exception {
        WebSession admin = admin();
        post(admin, "/admin/users/invite", "email", "audited@example.com", "name", "Audited", "roles", "VIEWER");
        post(admin, "/admin/tokens", "name", "audited token", "scopes", "INGEST");
        post(admin, "/admin/units", "id", "audited-unit", "name", "Audited unit", "parent", "south");

        String page = admin.get("/admin/audit").body();
        assertThat(page)
                .contains("The hash chain verifies")
                .contains("user.invite")
                .contains("audited@example.com")
                .contains("token.create")
                .contains("token:audited token")
                .contains("unit.create")
                .contains("audited-unit");
        String users = admin.get("/admin/audit?action=user.&actor=" + ADMIN).body();
        assertThat(users).contains("audited@example.com").doesNotContain("token:audited token");

        long exports = audit.count("audit.export", ADMIN);
        HttpResponse<String> csv = admin.get("/admin/audit.csv?action=user.");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"earshot-audit-");
        List<CsvRecord> rows =
                CsvReader.builder().ofCsvRecord(csv.body()).stream().toList();
        assertThat(rows.getFirst().getFields())
                .containsExactly("seq", "at_utc", "actor", "action", "target", "detail", "origin", "hash");
        assertThat(rows.stream().skip(1).map(row -> row.getField(3))).allMatch(action -> action.startsWith("user."));
        assertThat(rows)
                .anyMatch(row -> row.getField(3).equals("user.invite")
                        && row.getField(4).equals("audited@example.com")
                        && row.getField(2).equals(ADMIN));
        assertThat(audit.count("audit.export", ADMIN)).isEqualTo(exports + 1);
        AuditEntry export = audit.entries("audit.export", ADMIN, 0, 1).getFirst();
        assertThat(export.detail()).isEqualTo("action=user., actor=(all)");
        assertThat(admin.get("/admin/audit?action=audit.export").body()).contains("action=user., actor=(all)");
        assertThat(audit.verify()).isEmpty();
    }

    @Test
    void everyAdministratorsActionIsInTheAuditLog() throws Exception {
        WebSession admin = admin();
        User user = WebSession.user(context, "everything@example.com", Role.VIEWER, "north");
        post(admin, "/admin/users/invite", "email", "everything-invited@example.com", "name", "E", "roles", "VIEWER");
        post(admin, "/admin/users/" + user.id(), "roles", "LEADER", "units", "south");
        post(admin, "/admin/users/" + user.id() + "/active", "active", "false");
        post(admin, "/admin/users/" + user.id() + "/active", "active", "true");
        post(admin, "/admin/users/" + user.id() + "/reset");
        post(admin, "/admin/units", "id", "everything", "name", "Everything", "parent", "north");
        post(admin, "/admin/units/everything/rules", "field", "product", "value", "Cards");
        post(admin, "/admin/units/everything/rules/remove", "field", "product", "value", "Cards");
        post(admin, "/admin/tokens", "name", "everything token", "scopes", "INGEST");
        UUID token = context.getBean(ApiTokens.class).all().stream()
                .filter(t -> t.name().equals("everything token"))
                .findFirst()
                .orElseThrow()
                .id();
        post(admin, "/admin/tokens/" + token + "/revoke");

        String csv = admin.get("/admin/audit.csv?actor=" + ADMIN).body();

        List<String> entries = CsvReader.builder().ofCsvRecord(csv).stream()
                .map(row -> row.getField(3) + " " + row.getField(4) + " " + row.getField(5))
                .toList();
        assertThat(entries)
                .contains(
                        "user.invite everything-invited@example.com ",
                        "user.change everything@example.com roles=[LEADER], units=[south]",
                        "user.deactivate everything@example.com ",
                        "user.activate everything@example.com ",
                        "user.reset-sign-in everything@example.com ",
                        "unit.create everything name=Everything, parent=north",
                        "unit.rule.add everything product=Cards",
                        "unit.rule.remove everything product=Cards",
                        "token.create token:everything token scopes=[INGEST], units=[]",
                        "token.revoke token:everything token ",
                        "audit.export audit action=(all), actor=admin@example.com");
    }

    @Test
    void theExportKeepsSpreadsheetsFromRunningTypedTextAsFormulas() throws Exception {
        WebSession.anonymous(port).form("/signin", Map.of("email", "=HYPERLINK(\"x\")", "password", "wrong"));

        String csv = admin().get("/admin/audit.csv?action=sign-in.failed").body();

        List<CsvRecord> rows = CsvReader.builder().ofCsvRecord(csv).stream().toList();
        assertThat(rows)
                .as("one failed sign-in, one entry")
                .filteredOn(row -> row.getField(2).equals("'=HYPERLINK(\"x\")"))
                .hasSize(1);
        assertThat(rows).noneMatch(row -> row.getField(2).startsWith("="));
    }

    @Test
    void auditLogShowsFiftyEntriesAPageNewestFirstAndKeepsTheFilterFromPageToPage() {
        for (int i = 1; i <= 60; i++) {
            audit.record("pages+test@example.com", "test.page", "entry " + i, null, "local");
        }
        audit.record("someone@example.com", "test.page", "entry by someone else", null, "local");
        WebSession admin = admin();

        String first = admin.get("/admin/audit?action=test.&actor=pages%2Btest%40example.com")
                .body();
        Matcher older = Pattern.compile("<a href=\"([^\"]+)\">Older</a>").matcher(first);
        assertThat(older.find()).as("a link to older entries").isTrue();
        String second = admin.get(older.group(1).replace("&amp;", "&")).body();

        assertThat(count(first, "<td class=\"num\">")).isEqualTo(50);
        assertThat(first)
                .contains("Page 1 of 2")
                .contains(">entry 60<")
                .contains(">entry 11<")
                .doesNotContain(">entry 10<")
                .doesNotContain("someone else");
        assertThat(count(second, "<td class=\"num\">")).isEqualTo(10);
        assertThat(second).contains("Page 2 of 2").contains(">entry 10<").contains(">entry 1<");
    }

    @Test
    void usersAreListedFiftyToAPage() {
        for (int i = 0; i < 55; i++) {
            String email = "many" + i + "@example.com";
            if (users.find(email).isEmpty()) {
                users.create(email, "Many " + i, null, EnumSet.of(Role.VIEWER), Set.of("north"), false);
            }
        }
        WebSession admin = admin();

        String first = admin.get("/admin/users").body();
        long total = users.count();
        String last = admin.get("/admin/users?page=" + ((total - 1) / 50)).body();

        assertThat(count(first, "<tr")).isEqualTo(51);
        assertThat(first).contains("Page 1 of " + ((total + 49) / 50));
        assertThat(count(last, "<tr")).isEqualTo(1 + (int) (total - 50 * ((total - 1) / 50)));
    }

    @Test
    void everyoneButAdministratorsIsRefused() {
        WebSession analyst = WebSession.as(context, port, "analyst@example.com", Role.ANALYST);
        WebSession anonymous = WebSession.anonymous(port);
        UUID id = users.find("analyst@example.com").orElseThrow().id();

        for (String path : List.of(
                "/admin",
                "/admin/users",
                "/admin/users/invite",
                "/admin/users/" + id,
                "/admin/units",
                "/admin/tokens",
                "/admin/audit",
                "/admin/audit.csv")) {
            assertThat(analyst.get(path).statusCode())
                    .as("analyst GET %s", path)
                    .isEqualTo(403);
            HttpResponse<String> redirected = anonymous.get(path);
            assertThat(redirected.statusCode()).as("anonymous GET %s", path).isEqualTo(302);
            assertThat(redirected.headers().firstValue("Location").orElseThrow())
                    .endsWith("/signin");
        }
        assertThat(post(analyst, "/admin/users/" + id, "roles", "ADMINISTRATOR").statusCode())
                .isEqualTo(403);
        assertThat(post(analyst, "/admin/units", "id", "mine", "name", "Mine", "parent", "north")
                        .statusCode())
                .isEqualTo(403);
        assertThat(users.find(id).orElseThrow().roles()).containsExactly(Role.ANALYST);
        assertThat(units.find("mine")).isEmpty();
    }

    @Test
    void indexLinksEveryAdminPage() {
        String page = admin().get("/admin").body();

        for (String path : List.of(
                "/admin/users",
                "/admin/units",
                "/admin/tokens",
                "/admin/audit",
                "/admin/sources",
                "/admin/customers")) {
            assertThat(page).contains("href=\"" + path + "\"");
        }
    }

    /** Posts a form whose fields may repeat (checkboxes, multi-selects): name, value, name, value, … */
    private static HttpResponse<String> post(WebSession session, String path, String... fields) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < fields.length; i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return session.send(HttpRequest.newBuilder(session.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> metricsWith(String token) {
        WebSession machine = WebSession.anonymous(port);
        return machine.send(HttpRequest.newBuilder(machine.uri("/api/v1/metrics"))
                .header("Authorization", "Bearer " + token)
                .GET());
    }

    private static String linkToken(String page) {
        Matcher link = LINK.matcher(page);
        assertThat(link.find()).as("a one-time link on the page").isTrue();
        return link.group(1);
    }

    /** The table row of the token named {@code name}. */
    private static String tokenRow(String page, String name) {
        return row(page, ">" + name + "<");
    }

    /** The table row of the unit {@code id}. */
    private static String unitRow(String page, String id) {
        return row(page, "id=\"unit-" + id + "\"");
    }

    private static String row(String page, String marker) {
        int at = page.indexOf(marker);
        assertThat(at).as("%s on the page", marker).isNotNegative();
        int start = page.lastIndexOf("<tr", at);
        int end = page.indexOf("</tr>", at);
        return page.substring(start, end);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
