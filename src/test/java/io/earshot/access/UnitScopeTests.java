package io.earshot.access;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data scope by business unit: two leaders of sibling units see different figures for the same query, their figures
 * add up to the administrator's, and neither sees a verbatim of the other's unit, on pages and in the API.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class UnitScopeTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Units units;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * North: 12 promoters, 3 passives, 5 detractors (NPS 35.0, n 20) and 2 CSAT-only tickets. South: 4 promoters, 6
     * passives, 10 detractors (NPS −30.0, n 20). Every signal is North or South, so the two units cover the company.
     */
    @BeforeEach
    void storeOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        String company = WebSession.company(context);
        units.create("north", "North", company);
        units.addRule("north", new UnitRule("region", "North"));
        units.create("south", "South", company);
        units.addRule("south", new UnitRule("region", "South"));
        List<StoredSignals.Signal> signals = new ArrayList<>();
        add(signals, "North", 12, 10);
        add(signals, "North", 3, 8);
        add(signals, "North", 5, 2);
        add(signals, "South", 4, 9);
        add(signals, "South", 6, 7);
        add(signals, "South", 10, 0);
        signals.add(signal().region("North").source("ticket").csat(5).text("North ticket solved"));
        signals.add(signal().region("North").source("ticket").csat(1).text("North ticket ignored"));
        StoredSignals.insert(jdbc, signals);
    }

    private static void add(List<StoredSignals.Signal> signals, String region, int count, int nps) {
        for (int i = 0; i < count; i++) {
            signals.add(signal().region(region).nps(nps).text(region + " customer scored " + nps));
        }
    }

    @Test
    void siblingUnitsSeeTheirOwnFiguresWhichAddUpToTheAdministrators() {
        WebSession north = WebSession.as(context, port, "lead.north@scope.test", Role.LEADER, "north");
        WebSession south = WebSession.as(context, port, "lead.south@scope.test", Role.LEADER, "south");
        WebSession admin = WebSession.as(context, port, "admin@scope.test", Role.ADMINISTRATOR);

        JsonNode northAll = total(north);
        JsonNode southAll = total(south);
        JsonNode adminAll = total(admin);

        assertThat(northAll.get("nps").asDouble()).isEqualTo(35.0);
        assertThat(northAll.get("n").asLong()).isEqualTo(20);
        assertThat(southAll.get("nps").asDouble()).isEqualTo(-30.0);
        assertThat(southAll.get("n").asLong()).isEqualTo(20);
        for (String count : List.of("n", "volume", "csat_n", "poc")) {
            assertThat(northAll.get(count).asLong() + southAll.get(count).asLong())
                    .as(count)
                    .isEqualTo(adminAll.get(count).asLong());
        }
        // 16 promoters and 15 detractors of 40: NPS 2.5 for the whole company
        assertThat(adminAll.get("nps").asDouble()).isEqualTo(2.5);

        Map<String, Long> byRegion = new HashMap<>();
        for (JsonNode row : metrics(north, "?by=region").get("rows")) {
            byRegion.put(row.get("slice").asString(), row.get("n").asLong());
        }
        assertThat(byRegion).containsOnlyKeys("North");
    }

    @Test
    void verbatimsAndPagesShowOnlyTheUnitsSignals() {
        WebSession north = WebSession.as(context, port, "lead.north@scope.test", Role.LEADER, "north");
        String page = north.get("/verbatims?q=customer").body();
        assertThat(page).contains("North customer scored").doesNotContain("South customer scored");
        assertThat(count(page)).isEqualTo(20);

        String breakdown = north.get("/breakdown?by=region").body();
        assertThat(breakdown).contains("North").doesNotContain(">South<");
    }

    @Test
    void aUserWithoutUnitsSeesNothingAndAChangeOfUnitsAppliesAtOnce() {
        Users users = context.getBean(Users.class);
        WebSession nobody = WebSession.as(context, port, "nobody@scope.test", Role.LEADER, new String[0]);
        User user = users.find("nobody@scope.test").orElseThrow();
        users.setRolesAndUnits(user.id(), Set.of(Role.LEADER), Set.of());
        assertThat(metrics(nobody, "").get("rows")).isEmpty();

        users.setRolesAndUnits(user.id(), Set.of(Role.LEADER), Set.of("south"));
        assertThat(total(nobody).get("n").asLong()).isEqualTo(20);
    }

    @Test
    void aReadTokenSeesOnlyItsUnits() {
        ApiTokens.Created token =
                context.getBean(ApiTokens.class).create("south dashboard", Set.of(TokenScope.READ), Set.of("south"));
        var answer = WebSession.anonymous(port)
                .send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/metrics"))
                        .header("Authorization", "Bearer " + token.text()));
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode rows = json.readTree(answer.body()).get("rows");
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(20);
        assertThat(rows.get(0).get("nps").asDouble()).isEqualTo(-30.0);
    }

    @Test
    void aRevokedTokenIsRefusedFromItsNextRequest() {
        ApiTokens tokens = context.getBean(ApiTokens.class);
        ApiTokens.Created token = tokens.create("revoked dashboard", Set.of(TokenScope.READ), Set.of("south"));
        assertThat(withToken(token.text()).statusCode()).isEqualTo(200);

        tokens.revoke(token.token().id());

        assertThat(withToken(token.text()).statusCode()).isEqualTo(401);
    }

    @Test
    void aRuleAddedToAUnitAppliesToItsTokensNextRequest() {
        units.create("west", "West", WebSession.company(context));
        ApiTokens.Created token =
                context.getBean(ApiTokens.class).create("west dashboard", Set.of(TokenScope.READ), Set.of("west"));
        var before = withToken(token.text());
        assertThat(json.readTree(before.body()).get("rows")).as(before.body()).isEmpty();

        units.addRule("west", new UnitRule("region", "North"));

        var after = withToken(token.text());
        assertThat(json.readTree(after.body()).get("rows").get(0).get("n").asLong())
                .as(after.body())
                .isEqualTo(20);
    }

    private java.net.http.HttpResponse<String> withToken(String token) {
        return WebSession.anonymous(port)
                .send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://localhost:" + port + "/api/v1/metrics"))
                        .header("Authorization", "Bearer " + token));
    }

    private JsonNode total(WebSession session) {
        JsonNode rows = metrics(session, "").get("rows");
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private JsonNode metrics(WebSession session, String query) {
        var answer = session.get("/api/v1/metrics" + query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json.readTree(answer.body());
    }

    /** The total the verbatims page states. */
    private static long count(String page) {
        Matcher matcher = Pattern.compile("data-testid=\"total\">([0-9,]+)<").matcher(page);
        assertThat(matcher.find()).as("a verbatim count on the page").isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
