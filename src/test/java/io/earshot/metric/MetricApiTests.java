package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static io.earshot.StoredSignals.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.ApiTokens;
import io.earshot.access.TokenScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class MetricApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    /** A read token for the whole company, as a reporting tool would hold. */
    private String token;

    @BeforeEach
    void readToken() {
        token = tokens.create("metrics test", Set.of(TokenScope.READ), Set.of(WebSession.company(context)))
                .text();
    }

    @BeforeEach
    void store() {
        jdbc.update("DELETE FROM signal");
        List<StoredSignals.Signal> rows = new ArrayList<>();
        rows.addAll(times(
                5, signal().region("North").segment("retail").at("2025-02-03").nps(10)));
        rows.addAll(times(
                3, signal().region("North").segment("retail").at("2025-02-04").nps(7)));
        rows.addAll(times(
                2, signal().region("North").segment("business").at("2025-02-05").nps(2)));
        rows.addAll(times(
                4, signal().region("North").segment("retail").at("2025-03-05").nps(9)));
        rows.addAll(times(
                6, signal().region("South").segment("retail").at("2025-03-05").nps(6)));
        StoredSignals.insert(jdbc, rows);
    }

    @Test
    void returnsTheRowsOfASlicedTrendedQueryWithThePocDefinition() throws Exception {
        HttpResponse<String> response = get("/api/v1/metrics?by=region&period=month&filter=segment:retail");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("by").asString()).isEqualTo("region");
        assertThat(body.get("period").asString()).isEqualTo("month");
        assertThat(body.get("filters").get("segment").asString()).isEqualTo("retail");
        assertThat(body.get("poc_definition").asString())
                .isEqualTo("NPS 0–3, or CSAT 1, or any complaint or escalation signal");
        JsonNode rows = body.get("rows");
        assertThat(rows).hasSize(3);
        // North retail, February: 5 promoters, 3 passives -> NPS 62.5; March: 4 promoters -> 100, change +37.5
        assertThat(rows.get(0).get("slice").asString()).isEqualTo("North");
        assertThat(rows.get(0).get("period").asString()).isEqualTo("2025-02");
        assertThat(rows.get(0).get("n").asLong()).isEqualTo(8);
        assertThat(rows.get(0).get("nps").asDouble()).isEqualTo(62.5);
        assertThat(rows.get(0).get("nps_change").isNull()).isTrue();
        assertThat(rows.get(1).get("nps").asDouble()).isEqualTo(100.0);
        assertThat(rows.get(1).get("nps_change").asDouble()).isEqualTo(37.5);
        assertThat(rows.get(1).get("small_sample").asBoolean()).isTrue();
        assertThat(rows.get(2).get("slice").asString()).isEqualTo("South");
        assertThat(rows.get(2).get("nps").asDouble()).isEqualTo(-100.0);
    }

    @Test
    void countsPocByTheDefinitionInForce() throws Exception {
        JsonNode rows = json.readTree(get("/api/v1/metrics?by=segment").body()).get("rows");

        assertThat(rows.get(0).get("slice").asString()).isEqualTo("business");
        assertThat(rows.get(0).get("poc").asLong()).isEqualTo(2);
        assertThat(rows.get(0).get("poc_rate").asDouble()).isEqualTo(100.0);
    }

    @Test
    void answersABadFieldWithA400ListingTheAcceptedFields() throws Exception {
        HttpResponse<String> response = get("/api/v1/metrics?by=colour");

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("error").asString()).contains("Unknown field 'colour'", "region", "attributes.NAME");
    }

    @Test
    void answersABadPeriodOrDateOrFilterWithA400() throws Exception {
        assertThat(json.readTree(get("/api/v1/metrics?by=region&period=year").body())
                        .get("error")
                        .asString())
                .isEqualTo("Unknown period 'year'; use one of day, week, month, quarter");
        HttpResponse<String> badDate = get("/api/v1/metrics?by=region&from=yesterday");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badDate.body()).get("error").asString())
                .isEqualTo("'from' must be a date written yyyy-mm-dd, such as 2025-01-31, not 'yesterday'");
        assertThat(get("/api/v1/metrics?by=region&filter=region").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/metrics?by=region&filter=colour:red").statusCode())
                .isEqualTo(400);
        assertThat(get("/api/v1/metrics?from=2025-03-01&to=2025-02-01").statusCode())
                .isEqualTo(400);
    }

    @Test
    void refusesARequestWithoutATokenWithAJson401() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics?by=region"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("unauthorized");
    }

    @Test
    void refusesAnIngestOnlyTokenWithAJson403() throws Exception {
        String ingest = tokens.create("chat system", Set.of(TokenScope.INGEST), Set.of())
                .text();
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/metrics?by=region"))
                        .header("Authorization", "Bearer " + ingest)
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("error").asString()).isEqualTo("forbidden");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
