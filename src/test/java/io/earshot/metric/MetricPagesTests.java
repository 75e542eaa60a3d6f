package io.earshot.metric;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
class MetricPagesTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    WebSession analyst;

    @BeforeEach
    void signIn() {
        analyst = WebSession.as(context, port, "analyst@test.dev", Role.ANALYST);
    }

    /**
     * North, March 2025: 5 promoters, 3 passives, 2 detractors: NPS 30.0, n 10 (a small sample). February: 2, 3, 5:
     * NPS −30.0. South, March: 40 promoters and a ticket with CSAT 1 (a POC). One March survey has no region.
     */
    @BeforeEach
    void storeSignalsOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        List<StoredSignals.Signal> signals = new ArrayList<>();
        add(signals, "North", "2025-03-10", 5, 9);
        add(signals, "North", "2025-03-11", 3, 7);
        add(signals, "North", "2025-03-12", 2, 3);
        add(signals, "North", "2025-02-10", 2, 10);
        add(signals, "North", "2025-02-11", 3, 8);
        add(signals, "North", "2025-02-12", 5, 6);
        add(signals, "South", "2025-03-15", 40, 10);
        signals.add(signal().region("South")
                .at("2025-03-16")
                .source("ticket")
                .csat(1)
                .text("Nobody called back"));
        signals.add(signal().at("2025-03-17").nps(9).attribute("plan", "gold"));
        StoredSignals.insert(jdbc, signals);
    }

    private static void add(List<StoredSignals.Signal> signals, String region, String day, int count, int nps) {
        for (int i = 0; i < count; i++) {
            signals.add(signal().region(region).at(day).nps(nps).text(region + " says " + nps));
        }
    }

    @Test
    void overviewShowsTheLatestCompletePeriodAgainstTheOneBefore() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        // March: 46 promoters, 3 passives, 2 detractors of 51 → NPS 86.3; February: 2, 3, 5 of 10 → −30.0.
        assertThat(page.body())
                .contains("<span>2025-03</span>", "compared with <span>2025-02</span>")
                .contains("data-tile=\"NPS\"", ">86.3<", "n = 51", "+116.3", "● significant")
                .contains("POC: NPS 0–3, or CSAT 1, or any complaint or escalation signal")
                .contains("href=\"/verbatims?from=2025-03-01&amp;to=2025-04-01&amp;score=nps\"")
                .contains("href=\"/verbatims?from=2025-03-01&amp;to=2025-04-01&amp;band=poc\"")
                .contains("/webjars/echarts/", "echarts.min.js", "id=\"nps-trend-data\"")
                .doesNotContain("No signals yet.");
    }

    @Test
    void overviewTrendLinksEveryPeriodToItsVerbatims() throws Exception {
        String body = get("/?period=quarter").body();

        assertThat(body)
                .contains("<span>2025-Q1</span>")
                .contains("\"href\":\"/verbatims?from=2025-01-01&to=2025-04-01&score=nps\"");
    }

    @Test
    void echartsIsServedFromTheWebjar() throws Exception {
        HttpResponse<String> script = get("/webjars/echarts/echarts.min.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("echarts");
    }

    @Test
    void breakdownShowsEverySliceWithLinksBehindEachCell() throws Exception {
        HttpResponse<String> page = get("/breakdown?by=region&period=month");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-slice=\"North\"", "data-slice=\"South\"", "data-slice=\"(none)\"")
                .contains("href=\"/verbatims?f.region=North&amp;from=2025-03-01&amp;to=2025-04-01&amp;score=nps\">10<")
                .contains(">30.0<", "+60.0", "small sample")
                .contains("href=\"/verbatims?f.region=South&amp;from=2025-03-01&amp;to=2025-04-01&amp;band=poc\">1<")
                .contains("href=\"/verbatims?f.region=&amp;from=2025-03-01&amp;to=2025-04-01&amp;score=nps\">1<")
                .doesNotContain("No signals yet.");
    }

    @Test
    void aBreakdownCellLeadsToExactlyTheVerbatimsItCounts() throws Exception {
        String body = get("/breakdown?by=region&period=month&at=2025-02-01").body();
        Matcher cell =
                Pattern.compile("data-cell=\"n\" href=\"([^\"]+)\">(\\d+)<").matcher(body);
        assertThat(cell.find()).isTrue();

        String verbatims = get(cell.group(1).replace("&amp;", "&")).body();

        assertThat(cell.group(2)).isEqualTo("10");
        assertThat(verbatims).contains("data-testid=\"total\">10<", "North says 6");
    }

    @Test
    void breakdownSlicesByAFreeAttribute() throws Exception {
        assertThat(get("/breakdown?by=attributes.plan&period=quarter").body())
                .contains("data-slice=\"gold\"", "<option value=\"attributes.plan\" selected=\"selected\">");
    }

    @Test
    void badParametersGiveAFriendlyErrorPage() throws Exception {
        HttpResponse<String> field = get("/breakdown?by=colour");
        HttpResponse<String> period = get("/?period=fortnight");
        HttpResponse<String> date = get("/breakdown?from=yesterday");

        assertThat(field.statusCode()).isEqualTo(400);
        assertThat(field.body())
                .contains("Unknown field &#39;colour&#39; to slice by; use one of source, channel")
                .doesNotContain("Exception");
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(period.body()).contains("Unknown period &#39;fortnight&#39;; use one of day, week, month, quarter");
        assertThat(date.statusCode()).isEqualTo(400);
        assertThat(date.body()).contains("&#39;from&#39; must be a date");
    }

    private HttpResponse<String> get(String path) {
        return analyst.send(HttpRequest.newBuilder(analyst.uri(path))
                .header("Accept", "text/html")
                .GET());
    }
}
