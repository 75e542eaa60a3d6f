package io.earshot.signal;

import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class ImportPageTests {

    static final String CSV = """
            Response ID,Submitted At,How likely are you to recommend us?,Comment,Rating
            r1,2024-03-05 14:22,9,Great,4
            r2,2024-03-05 14:23,11,Too high,2
            r3,not a date,5,Meh,3
            """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    WebSession analyst;

    @BeforeEach
    void emptyStore() {
        jdbc.execute("DELETE FROM signal; DELETE FROM quarantine; DELETE FROM signal_import");
    }

    @BeforeEach
    void signIn() {
        analyst = WebSession.as(context, port, "analyst@test.dev", Role.ANALYST);
    }

    @Test
    void uploadPreviewStartAndReportThenDownloadTheQuarantine() throws Exception {
        HttpResponse<String> preview = upload("survey.csv", CSV, "survey");

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Import survey.csv", "Great", "Too high");
        assertThat(selected(preview.body())).containsExactly("external_id", "occurred_at", "nps", "text", "");
        String upload = find(preview.body(), "name=\"upload\" value=\"([^\"]+)\"");

        List<String> targets = List.of("external_id", "occurred_at", "nps", "text", "csat");
        HttpResponse<String> started = form(
                "/imports/start",
                "upload=" + upload + "&source=survey&zone=UTC"
                        + "&header=Response+ID&header=Submitted+At&header="
                        + URLEncoder.encode("How likely are you to recommend us?", StandardCharsets.UTF_8)
                        + "&header=Comment&header=Rating"
                        + targets.stream().map(t -> "&target=" + t).reduce("", String::concat));
        assertThat(started.statusCode()).isEqualTo(302);
        String job = URI.create(started.headers().firstValue("Location").orElseThrow())
                .getPath();
        assertThat(job).contains("/imports/jobs/");

        assertThat(get(job).body()).contains("id=\"progress\"");
        String report = awaitReport(job);

        assertThat(report).doesNotContain("hx-trigger");
        assertThat(find(report, "class=\"num accepted\">([^<]+)<")).isEqualTo("1");
        assertThat(find(report, "class=\"num duplicates\">([^<]+)<")).isEqualTo("0");
        assertThat(find(report, "class=\"num rejected\">([^<]+)<")).isEqualTo("2");
        assertThat(report).contains("nps out of range", "invalid date");
        assertThat(jdbc.queryForObject("SELECT csat FROM signal WHERE external_id = 'r1'", Integer.class))
                .as("the overridden column is mapped")
                .isEqualTo(4);

        String quarantineLink = find(report, "href=\"(/imports/[^\"]+/quarantine.csv)\"");
        HttpResponse<String> quarantine = get(quarantineLink);
        assertThat(quarantine.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(quarantine.body().lines().toList())
                .containsExactly(
                        "line,field,reason,message,raw",
                        "3,How likely are you to recommend us?,nps out of range,\"survey.csv line 3, field How likely"
                                + " are you to recommend us?: '11' is not a valid NPS; use a whole number from 0 to 10, or"
                                + " leave it empty\",\"r2,2024-03-05 14:23,11,Too high,2\"",
                        quarantine.body().lines().toList().get(2));
        assertThat(quarantine.body().lines().toList().get(2)).startsWith("4,Submitted At,invalid date,");

        HttpResponse<String> list = get("/imports");
        assertThat(list.body()).contains("survey.csv", "quarantine.csv");

        context.getBean(io.earshot.access.Units.class).create("north", "North", WebSession.company(context));
        WebSession northAnalyst = WebSession.as(context, port, "north.analyst@test.dev", Role.ANALYST, "north");
        HttpResponse<String> refused = northAnalyst.get(quarantineLink);
        assertThat(refused.statusCode())
                .as("rejected rows have no unit: only a viewer who sees everything downloads them")
                .isEqualTo(403);
        assertThat(refused.body()).doesNotContain("Too high");
    }

    @Test
    void aPostThatIsNotAnUploadGetsABadRequestThatSaysWhatToSend() {
        HttpResponse<String> answer = analyst.send(java.net.http.HttpRequest.newBuilder(analyst.uri("/imports/preview"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/html")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("[]")));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("multipart/form-data", "/api/v1/signals");
    }

    @Test
    void anEmptyFileGivesAReportNotAnErrorPage() throws Exception {
        HttpResponse<String> preview = upload("empty.csv", "", "survey");
        String upload = find(preview.body(), "name=\"upload\" value=\"([^\"]+)\"");

        HttpResponse<String> started = form("/imports/start", "upload=" + upload + "&source=survey&zone=UTC");
        String report =
                awaitReport(URI.create(started.headers().firstValue("Location").orElseThrow())
                        .getPath());

        assertThat(report).contains("empty.csv is empty: it has no header and no rows.");
    }

    @Test
    void refusesAnUploadWithAnInvalidSourceAndSaysWhy() throws Exception {
        HttpResponse<String> response = upload("survey.csv", CSV, "Survey!");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("The source must be a lower-case name");
    }

    private String awaitReport(String job) throws Exception {
        for (int i = 0; i < 100; i++) {
            String fragment = get(job + "/progress").body();
            if (fragment.contains("Report") || fragment.contains("did not run")) {
                return fragment;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    private static List<String> selected(String html) {
        List<String> targets = new ArrayList<>();
        for (String select : html.split("<select")) {
            if (select.contains("name=\"target\"")) {
                Matcher chosen = Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected")
                        .matcher(select);
                targets.add(chosen.find() ? chosen.group(1) : "?");
            }
        }
        return targets;
    }

    private static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in %s", regex, text).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> get(String path) {
        return analyst.get(path);
    }

    private HttpResponse<String> form(String path, String body) {
        return analyst.send(HttpRequest.newBuilder(analyst.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> upload(String fileName, String content, String source) {
        String boundary = "----earshot-test";
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + content + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\n" + source + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"zone\"\r\n\r\nUTC\r\n"
                + "--" + boundary + "--\r\n";
        return analyst.send(HttpRequest.newBuilder(analyst.uri("/imports/preview"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
