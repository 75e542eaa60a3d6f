package io.earshot.signal;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.Role;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
class VerbatimsTests {

    static final SignalFilter NORTH_MARCH =
            SignalFilter.ALL.with("region", "North").between(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 1));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Verbatims verbatims;

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @BeforeEach
    void storeSignalsOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        List<StoredSignals.Signal> signals = new ArrayList<>(List.of(
                signal().region("North").at("2025-03-02").nps(9).text("Lovely staff"),
                signal().region("North").at("2025-03-03").nps(10).text("Quick & easy"),
                signal().region("North").at("2025-03-04").nps(9),
                signal().region("North").at("2025-03-05").nps(2).text("The app is SLOW and crashes"),
                signal().region("North").at("2025-03-06").nps(5).customer("C-42"),
                signal().region("North")
                        .at("2025-03-31")
                        .source("ticket")
                        .csat(1)
                        .text("Nobody called back"),
                signal().region("South").at("2025-03-07").nps(8).text("Slow but fine"),
                signal().region("North").at("2025-04-01").nps(10),
                signal().region("North").at("2025-02-28").nps(0),
                signal().at("2025-03-08").nps(7).attribute("plan", "gold").text("Gold plan is worth it")));
        for (int day = 0; day < 60; day++) {
            signals.add(signal().source("review")
                    .at(LocalDate.of(2024, 1, 1).plusDays(day).atTime(12, 0))
                    .ces(5));
        }
        StoredSignals.insert(jdbc, signals);
    }

    @Test
    void listsTheSignalsOfAFieldAndPeriodNewestFirst() {
        VerbatimPage page = verbatims.page(VerbatimQuery.of(NORTH_MARCH, null));

        assertThat(page.total()).isEqualTo(6);
        assertThat(page.items()).extracting(Verbatim::text).first().isEqualTo("Nobody called back");
        assertThat(page.items())
                .extracting(Verbatim::occurredAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void narrowsToTheResponsesWithAScore() {
        assertThat(verbatims
                        .page(VerbatimQuery.of(NORTH_MARCH, VerbatimScore.NPS))
                        .total())
                .isEqualTo(5);
        assertThat(verbatims
                        .page(VerbatimQuery.of(NORTH_MARCH, VerbatimScore.CSAT))
                        .total())
                .isEqualTo(1);
    }

    @Test
    void narrowsToABandIncludingPocByTheDefinitionInForce() {
        assertThat(verbatims
                        .page(VerbatimQuery.of(NORTH_MARCH.withBand(SignalFilter.Band.DETRACTOR), null))
                        .total())
                .isEqualTo(2);
        // POC by default: NPS 0–3, CSAT 1, or a complaint or escalation: the NPS 2 and the CSAT 1.
        assertThat(verbatims
                        .page(VerbatimQuery.of(NORTH_MARCH.withBand(SignalFilter.Band.POC), null))
                        .items())
                .extracting(Verbatim::text)
                .containsExactly("Nobody called back", "The app is SLOW and crashes");
    }

    @Test
    void filtersByAnAttributeAnEmptyFieldAndText() {
        assertThat(verbatims
                        .page(VerbatimQuery.of(SignalFilter.ALL.with("attributes.plan", "gold"), null))
                        .items())
                .singleElement()
                .satisfies(v -> assertThat(v.fields()).containsEntry("attributes.plan", "gold"));
        assertThat(verbatims
                        .page(VerbatimQuery.of(SignalFilter.ALL.with("region", ""), null))
                        .total())
                .isEqualTo(61);
        assertThat(verbatims
                        .page(VerbatimQuery.of(new SignalFilter(null, null, null, null, "slow"), null))
                        .items())
                .extracting(Verbatim::text)
                .containsExactlyInAnyOrder("The app is SLOW and crashes", "Slow but fine");
    }

    @Test
    void pagesTwentyFiveAtATime() {
        SignalFilter reviews = SignalFilter.ALL.with("source", "review");
        VerbatimPage last = verbatims.page(new VerbatimQuery(reviews, null, 3));

        assertThat(last.total()).isEqualTo(60);
        assertThat(last.pages()).isEqualTo(3);
        assertThat(last.items()).hasSize(10);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.hasPrevious()).isTrue();
        assertThat(last.items().getLast().occurredAt().toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 1));
    }

    @Test
    void showsThePageWithCountTextScoresAndFields() throws Exception {
        HttpResponse<String> page = get("/verbatims?f.region=North&from=2025-03-01&to=2025-04-01&score=nps");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-testid=\"total\">5<", "The app is SLOW and crashes", "Quick &amp; easy", "NPS 2")
                .contains("customer <span>C-42</span>", "region: North")
                .contains("<span>region = North</span>", "aria-label=\"Remove filter region\"")
                .doesNotContain("Slow but fine", "Nobody called back");
        assertThat(get("/verbatims").body()).as("no filter, no chips").doesNotContain("class=\"chips\"");
    }

    @Test
    void linksToTheNextPageKeepingTheFilter() throws Exception {
        HttpResponse<String> page = get("/verbatims?f.source=review");

        assertThat(page.body()).contains("Page 1 of 3", "href=\"/verbatims?f.source=review&amp;page=2\"");
        assertThat(get("/verbatims?f.source=review&page=3").body()).contains("Page 3 of 3");
    }

    @Test
    void explainsABadParameterOnTheSharedErrorPage() throws Exception {
        HttpResponse<String> page = get("/verbatims?band=angry");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("Unknown band &#39;angry&#39;; use one of promoter, passive", "Earshot")
                .doesNotContain("Exception", "at io.earshot");
    }

    private HttpResponse<String> get(String path) {
        WebSession analyst = WebSession.as(context, port, "analyst@test.dev", Role.ANALYST);
        return analyst.send(HttpRequest.newBuilder(analyst.uri(path))
                .header("Accept", "text/html")
                .GET());
    }
}
