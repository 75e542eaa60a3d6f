package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.access.ApiTokens;
import io.earshot.access.TokenScope;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ImportApiTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    final HttpClient http = HttpClient.newHttpClient();

    /** An ingest token, as a chat system sending its conversations would hold. */
    String token;

    @BeforeEach
    void emptyStore() {
        jdbc.execute("DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import");
    }

    @BeforeEach
    void ingestToken() {
        token = tokens.create("chat system", Set.of(TokenScope.INGEST), Set.of())
                .text();
    }

    HttpResponse<String> post(String source, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals?source=" + source))
                        .header("Content-Type", contentType)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void importsAJsonArrayAndAnswersWithTheReport() throws Exception {
        HttpResponse<String> response = post("chat", "application/json", """
                [{"id": "c1", "created_at": "2024-03-05T10:00:00Z", "message": "Hi", "nps": 9},
                 {"id": "c2", "created_at": "2024-03-05T10:00:00Z", "nps": 12}]""");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"source\":\"chat\"", "\"accepted\":1", "\"duplicates\":0", "\"rejected\":1")
                .contains("\"reasons\":{\"nps out of range\":1}");
        assertThat(jdbc.queryForList("SELECT external_id FROM signal", String.class))
                .containsExactly("c1");
        assertThat(jdbc.queryForObject("SELECT line FROM quarantine", Long.class))
                .isEqualTo(2);
    }

    @Test
    void importsJsonLinesAndSendingThemAgainAddsNothing() throws Exception {
        String body = """
                {"id": "l1", "date": "2024-03-05", "comment": "one"}
                {"id": "l2", "date": "2024-03-05", "comment": "two"}
                """;

        HttpResponse<String> first = post("chat", "application/x-ndjson", body);
        HttpResponse<String> again = post("chat", "application/x-ndjson", body);

        assertThat(first.body()).contains("\"accepted\":2");
        assertThat(again.body())
                .contains("\"accepted\":0", "\"duplicates\":2")
                .contains("All 2 rows were already imported");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isEqualTo(2);
    }

    @Test
    void refusesAMalformedBodyWith400SayingWhereAndImportsNothing() throws Exception {
        HttpResponse<String> response = post("chat", "application/json", """
                [{"id": "m1", "date": "2024-03-05", "nps": 9},
                 {"id": "m2", "date": "2024-03-05" "nps": 9}]""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"line\":2", "\"column\":", "api request line 2, column ");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal_import", Long.class))
                .isZero();
    }

    @Test
    void refusesABrokenJsonLineWith400SayingWhichLine() throws Exception {
        HttpResponse<String> response = post(
                "chat",
                "application/x-ndjson",
                "{\"id\": \"b1\", \"date\": \"2024-03-05\", \"nps\": 9}\n{\"id\": \"b2\", \"date\": \n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":2", "api request line 2: not valid JSON");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isZero();
    }

    @Test
    void refusesAnInvalidSourceName() throws Exception {
        HttpResponse<String> response = post("Not%20A%20Source", "application/json", "[]");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The source must be a lower-case name");
    }

    @Test
    void refusesARequestWithoutATokenWith401AndImportsNothing() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/signals?source=chat"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "[{\"id\": \"a1\", \"date\": \"2024-03-05\", \"nps\": 9}]"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"error\":\"unauthorized\"");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class))
                .isZero();
    }
}
