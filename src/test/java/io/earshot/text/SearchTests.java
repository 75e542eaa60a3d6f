package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.WebSession;
import io.earshot.access.ApiTokens;
import io.earshot.access.DataScope;
import io.earshot.access.Role;
import io.earshot.access.TokenScope;
import io.earshot.access.UnitRule;
import io.earshot.access.Units;
import io.earshot.signal.CustomerErasure;
import io.earshot.signal.ImportProgress;
import io.earshot.signal.ImportRequest;
import io.earshot.signal.SignalFilter.Band;
import io.earshot.signal.SignalImports;
import io.earshot.signal.SignalsDeleted;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Full-text search over a real Lucene index in the test's data directory: ranking, query syntax, filters, the viewer's
 * data scope, errors with their position, highlighting, the API and page over HTTP, and the index following imports
 * and erasures.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class SearchTests {

    @TempDir
    Path files;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    StoredThemes themes;

    @Autowired
    Units units;

    @LocalServerPort
    int port;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void storeOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        String company = WebSession.company(context);
        units.create("north", "North", company);
        units.addRule("north", new UnitRule("region", "North"));
        StoredSignals.insert(
                jdbc,
                List.of(
                        text("I was put on hold for an hour before anyone answered", "North", 2, "2025-03-05"),
                        text("The hold music was fine but the refund took weeks", "North", 5, "2025-04-10"),
                        text("Refund refund refund: still no refund after a month", "South", 0, "2025-04-12")
                                .segment("Business"),
                        text("Weeks passed and the refund never took place", "South", 6, "2025-04-20"),
                        text("Great app, quick transfers", "South", 10, "2025-05-01"),
                        text("My card was declined abroad", "North", 8, "2025-05-20")
                                .source("chat"),
                        text("Still waiting for the replacement card", "North", 4, "2025-05-25"),
                        text("The card arrived quickly and works", "North", 9, "2025-06-01"),
                        text("Support said <script>alert(1)</script> is not a bug", "South", 3, "2025-06-02"),
                        signal().region("North").nps(9).at("2025-06-03")));
        index.rebuild(status -> {});
    }

    private static StoredSignals.Signal text(String text, String region, int nps, String day) {
        return signal().text(text).region(region).segment("Retail").nps(nps).at(day);
    }

    private SearchResults search(SearchQuery query) {
        return index.search(query, DataScope.EVERYTHING);
    }

    private static List<String> texts(SearchResults results) {
        return results.hits().stream().map(SearchHit::text).toList();
    }

    @Test
    void ranksTheTextThatSaysTheWordMostOftenFirst() {
        SearchResults results = search(SearchQuery.of("refund"));

        assertThat(results.total()).isEqualTo(3);
        assertThat(texts(results).getFirst()).isEqualTo("Refund refund refund: still no refund after a month");
        assertThat(results.hits().get(0).score())
                .isGreaterThan(results.hits().get(1).score());
    }

    @Test
    void findsEnglishWordFormsThroughStemming() {
        assertThat(texts(search(SearchQuery.of("refunds")))).hasSize(3);
        assertThat(texts(search(SearchQuery.of("waited")))).containsExactly("Still waiting for the replacement card");
    }

    @Test
    void aPhraseNeedsItsWordsTogetherAndInOrder() {
        assertThat(texts(search(SearchQuery.of("refund took weeks"))))
                .containsExactlyInAnyOrder(
                        "The hold music was fine but the refund took weeks",
                        "Weeks passed and the refund never took place");
        assertThat(texts(search(SearchQuery.of("\"refund took weeks\""))))
                .containsExactly("The hold music was fine but the refund took weeks");
    }

    @Test
    void combinesWordsWithAndOrNot() {
        assertThat(texts(search(SearchQuery.of("refund NOT weeks"))))
                .containsExactly("Refund refund refund: still no refund after a month");
        assertThat(search(SearchQuery.of("declined OR transfers")).total()).isEqualTo(2);
        assertThat(search(SearchQuery.of("hold AND refund")).total()).isEqualTo(1);
    }

    @Test
    void filtersBySignalFieldsInTheQueryOrAsParameters() {
        assertThat(texts(search(SearchQuery.of("refund").with("region", "North"))))
                .containsExactly("The hold music was fine but the refund took weeks");
        assertThat(search(SearchQuery.of("region:South AND refund")).total()).isEqualTo(2);
        assertThat(texts(search(SearchQuery.of("card source:chat")))).containsExactly("My card was declined abroad");
        assertThat(search(SearchQuery.of("nps:[0 TO 2]")).total()).isEqualTo(2);
    }

    @Test
    void filtersByDateRangeAndScoreBand() {
        assertThat(texts(search(SearchQuery.of("refund")
                        .between(LocalDate.parse("2025-04-11"), LocalDate.parse("2025-04-20")))))
                .containsExactly("Refund refund refund: still no refund after a month");
        assertThat(texts(search(SearchQuery.of("card").withBand(Band.DETRACTOR))))
                .containsExactly("Still waiting for the replacement card");
        assertThat(texts(search(SearchQuery.of("card").withBand(Band.PROMOTER))))
                .containsExactly("The card arrived quickly and works");
    }

    @Test
    void withoutWordsListsEverySignalNewestFirstWithFacets() {
        // up to the last day of the shared signals: other tests add later ones
        SearchResults results = search(SearchQuery.of(null).between(null, LocalDate.parse("2025-06-04")));

        assertThat(results.total()).isEqualTo(10);
        assertThat(results.hits().getFirst().occurredAt())
                .isEqualTo(LocalDate.parse("2025-06-03").atTime(10, 0));
        assertThat(results.hits().getFirst().snippet()).isNull();
        assertThat(results.facets().get("region")).containsExactly(Map.entry("North", 6L), Map.entry("South", 4L));
        assertThat(results.facets().get("source")).containsExactly(Map.entry("survey", 9L), Map.entry("chat", 1L));
    }

    @Test
    void aLeaderOfNorthDoesNotFindTheTextsOfSouth() {
        DataScope north = new DataScope(false, Map.of("region", Set.of("North")));

        SearchResults results = index.search(SearchQuery.of("refund"), north);

        assertThat(texts(results)).containsExactly("The hold music was fine but the refund took weeks");
        assertThat(results.facets().get("region")).containsOnlyKeys("North");
        assertThat(index.search(SearchQuery.of("region:South"), north).total()).isZero();
        assertThat(index.search(SearchQuery.of("refund"), DataScope.NOTHING).total())
                .isZero();
    }

    @Test
    void highlightsTheMatchedWordsAndEscapesTheRest() {
        SearchHit hit = search(SearchQuery.of("refund NOT weeks")).hits().getFirst();
        assertThat(hit.snippet())
                .isEqualTo("<mark>Refund</mark> <mark>refund</mark> <mark>refund</mark>: still no"
                        + " <mark>refund</mark> after a month");

        SearchHit script = search(SearchQuery.of("bug")).hits().getFirst();
        assertThat(script.snippet())
                .contains("&lt;script&gt;")
                .doesNotContain("<script>")
                .contains("<mark>bug</mark>");
    }

    @Test
    void saysWhereAMalformedQueryGoesWrong() {
        assertThatThrownBy(() -> search(SearchQuery.of("refund AND")))
                .isInstanceOfSatisfying(
                        SearchSyntaxException.class, e -> assertThat(e.column()).isEqualTo(11))
                .hasMessageContaining("at the end (column 11)");
        assertThatThrownBy(() -> search(SearchQuery.of("\"on hold")))
                .isInstanceOfSatisfying(
                        SearchSyntaxException.class, e -> assertThat(e.column()).isPositive());
        assertThatThrownBy(() -> search(SearchQuery.of("colour:red")))
                .hasMessageContaining("no field 'colour'")
                .hasMessageContaining("region");
    }

    @Test
    void servesResultsAsJsonToASignedInReaderWithinTheirScope() throws Exception {
        WebSession leader = WebSession.as(context, port, "leader@north.test", Role.LEADER, "north");

        HttpResponse<String> response = leader.get("/api/v1/search?q=refund&band=detractor");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("total").asLong()).isEqualTo(1);
        assertThat(body.get("page").asInt()).isEqualTo(1);
        JsonNode hit = body.get("hits").get(0);
        assertThat(hit.get("text").asString()).isEqualTo("The hold music was fine but the refund took weeks");
        assertThat(hit.get("snippet").asString()).contains("<mark>refund</mark>");
        assertThat(hit.get("nps").asInt()).isEqualTo(5);
        assertThat(hit.get("occurredAt").asString()).isEqualTo("2025-04-10T10:00:00");
        assertThat(body.get("facets").get("region").get("North").asLong()).isEqualTo(1);
        assertThat(body.get("facets").has("segment")).isTrue();
    }

    @Test
    void answersAMalformedQueryWith400NamingTheColumn() throws Exception {
        WebSession analyst = WebSession.as(context, port, "analyst@search.test", Role.ANALYST);

        HttpResponse<String> response = analyst.get("/api/v1/search?q=" + encode("(refund OR card"));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("column").asInt()).isEqualTo(16);
        assertThat(body.get("error").asString()).contains("at the end (column 16)");
        assertThat(analyst.get("/api/v1/search?band=poc").statusCode()).isEqualTo(400);
    }

    @Test
    void saysWhichParameterIsWrong() throws Exception {
        WebSession analyst = WebSession.as(context, port, "analyst@search.test", Role.ANALYST);

        assertThat(error(analyst, "/api/v1/search?q=card&sentiment=angry"))
                .isEqualTo("Unknown sentiment 'angry'; use negative, neutral or positive");
        assertThat(error(analyst, "/api/v1/search?q=card&theme=atm"))
                .isEqualTo("'theme' must be a theme's id, a whole number such as 12 (see the Themes page), not 'atm'");
        assertThat(error(analyst, "/api/v1/search?q=card&mode=fuzzy"))
                .isEqualTo("Unknown mode 'fuzzy'; use text, semantic or hybrid");
        assertThat(error(analyst, "/api/v1/search?f.colour=red"))
                .startsWith("Search cannot filter by 'colour'; use one of")
                .contains("sentiment, theme");
        assertThat(error(analyst, "/api/v1/search?page=0")).isEqualTo("The page must be between 1 and 400, not 0");
        assertThat(error(analyst, "/api/v1/search?similar=abc")).contains("'similar' must be a signal id");
        assertThat(analyst.get("/search?sentiment=angry").statusCode()).isEqualTo(400);
    }

    private String error(WebSession session, String path) {
        HttpResponse<String> response = session.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        return json.readTree(response.body()).get("error").asString();
    }

    @Test
    void emptyEmojiLongAndForeignQueriesGetAResultNotAnError() throws Exception {
        WebSession analyst = WebSession.as(context, port, "analyst@search.test", Role.ANALYST);
        // more words than Lucene takes clauses (1,024), yet short enough for a URL
        String longQuery = "card refund ".repeat(550);
        String longText = "refund ".repeat(1_500) + "card ".repeat(1_500);

        for (String query : List.of(
                "",
                "   ",
                "😀🙏🔥",
                "refund 😡",
                "¿Dónde está mi reembolso?",
                "返金はまだですか",
                "Где мой возврат",
                longQuery)) {
            HttpResponse<String> api = analyst.get("/api/v1/search?q=" + encode(query));
            assertThat(api.statusCode())
                    .as(query.length() > 40 ? "a long query" : query)
                    .isEqualTo(200);
            HttpResponse<String> page = analyst.get("/search?q=" + encode(query));
            assertThat(page.statusCode())
                    .as(query.length() > 40 ? "a long query" : query)
                    .isEqualTo(200);
        }
        assertThat(json.readTree(analyst.get("/api/v1/search?q=").body())
                        .get("total")
                        .asLong())
                .as("no words: every signal")
                .isEqualTo(jdbc.queryForObject("SELECT count(*) FROM signal", Long.class));
        assertThat(texts(search(SearchQuery.of("refund 😡").in(SearchQuery.Mode.TEXT))))
                .isEmpty();
        SearchResults pasted = search(SearchQuery.of(longText).in(SearchQuery.Mode.TEXT));
        assertThat(texts(pasted))
                .as("a text too long for a query finds the texts that share its words, most shared first")
                .startsWith("Refund refund refund: still no refund after a month")
                .hasSize(6);
    }

    @Test
    void countsFiltersAndLabelsActiveThemes() throws Exception {
        List<String> ids = jdbc.queryForList(
                "SELECT CAST(id AS VARCHAR) FROM signal WHERE text IN ('My card was declined abroad',"
                        + " 'Still waiting for the replacement card', 'The card arrived quickly and works')"
                        + " ORDER BY text",
                String.class);
        // as every change of themes does, through StoredThemes.change (the labels are remembered until one)
        themes.change(() -> {
            jdbc.update("INSERT INTO theme (id, label, key_phrases, status, created_at, updated_at) VALUES"
                    + " (901, 'Cards', 'card · replacement', 'active', now(), now()),"
                    + " (902, 'Travel', 'abroad', 'merged', now(), now())");
            return jdbc.update(
                    "INSERT INTO signal_theme (signal_id, theme_id, similarity) VALUES"
                            + " (CAST(? AS UUID), 902, 0.8), (CAST(? AS UUID), 901, 0.9), (CAST(? AS UUID), 901, 0.7)",
                    ids.get(0),
                    ids.get(1),
                    ids.get(2));
        });
        try {
            index.refresh(ids.stream().map(java.util.UUID::fromString).toList()).get();

            SearchResults card = search(SearchQuery.of("card").in(SearchQuery.Mode.TEXT));
            assertThat(card.facets().get("theme"))
                    .as("a signal of a merged theme has no theme")
                    .containsExactly(Map.entry("901", 2L), Map.entry("", 1L));
            assertThat(texts(search(SearchQuery.of("card").with("theme", "901"))))
                    .containsExactlyInAnyOrder(
                            "Still waiting for the replacement card", "The card arrived quickly and works");
            assertThat(search(SearchQuery.of("theme:901")).total()).isEqualTo(2);

            WebSession analyst = WebSession.as(context, port, "analyst@search.test", Role.ANALYST);
            JsonNode body =
                    json.readTree(analyst.get("/api/v1/search?q=card&theme=901").body());
            assertThat(body.get("total").asLong()).isEqualTo(2);
            assertThat(json.readTree(analyst.get("/api/v1/search?q=card").body())
                            .get("themes")
                            .toString())
                    .isEqualTo("{\"901\":\"Cards\"}");
            assertThat(json.readTree(analyst.get("/api/v1/search?q=card&theme=902")
                                    .body())
                            .get("total")
                            .asLong())
                    .isZero();

            String page = analyst.get("/search?q=card&mode=text").body();
            assertThat(page).contains("<a href=\"/search?q=card&amp;theme=901&amp;mode=text\">Cards</a>");
            String filtered = analyst.get("/search?q=card&theme=901").body();
            assertThat(filtered).contains("theme = Cards").contains(">2</strong>");
        } finally {
            themes.change(() -> {
                jdbc.update("DELETE FROM signal_theme WHERE theme_id IN (901, 902)");
                return jdbc.update("DELETE FROM theme WHERE id IN (901, 902)");
            });
            index.refresh(ids.stream().map(java.util.UUID::fromString).toList()).get();
        }
    }

    @Test
    void refusesACallerWithoutCredentials() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search?q=refund"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aReadTokenSearchesItsUnits() throws Exception {
        String token = context.getBean(ApiTokens.class)
                .create("bi tool", Set.of(TokenScope.READ), Set.of("north"))
                .text();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/search?q=refund"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("total").asLong()).isEqualTo(1);
    }

    @Test
    void showsHighlightedResultsFacetsAndErrorsOnTheSearchPage() {
        WebSession analyst = WebSession.as(context, port, "analyst@search.test", Role.ANALYST);

        HttpResponse<String> page = analyst.get("/search?q=refund");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<mark>Refund</mark>")
                .contains("href=\"/search?q=refund&amp;f.region=North\"")
                .contains(">3</strong>");
        long texts = jdbc.queryForObject("SELECT count(*) FROM signal WHERE text IS NOT NULL", Long.class);
        // the background embedding is off in tests, so none is done yet and the page says how far it is
        assertThat(page.body())
                .contains("data-testid=\"analysis-progress\"")
                .containsPattern("<span>0</span> of\\s+<span>%,d</span> texts".formatted(texts));

        HttpResponse<String> none = analyst.get("/search?q=" + encode("zeppelin"));
        assertThat(none.body()).contains("data-testid=\"no-results\"").contains("OR");

        HttpResponse<String> bad = analyst.get("/search?q=" + encode("refund AND"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("at the end (column 11)");

        WebSession viewer = WebSession.as(context, port, "viewer@search.test", Role.VIEWER);
        assertThat(viewer.get("/search?q=refund").statusCode()).isEqualTo(403);
    }

    @Test
    void indexesANewImportInTheBackground() throws Exception {
        Path file = Files.writeString(
                files.resolve("late.csv"),
                "id,date,nps,comment,region\nz1,2025-07-01,7,A zebrafish in the branch,North\n");

        context.getBean(SignalImports.class)
                .importFile(
                        new ImportRequest(file, null, "survey", null, ZoneId.of("UTC"), "test"), ImportProgress.NONE);

        await(() -> search(SearchQuery.of("zebrafish")).total() == 1);
        assertThat(search(SearchQuery.of("zebrafish")).hits().getFirst().fields())
                .containsEntry("region", "North");
    }

    @Test
    void forgetsAnErasedCustomer() throws Exception {
        StoredSignals.insert(
                jdbc,
                List.of(text("The parcel arrived damaged", "North", 3, "2025-08-01")
                        .customer("C88")));
        index.rebuild(status -> {});
        assertThat(search(SearchQuery.of("parcel")).total()).isEqualTo(1);

        context.getBean(CustomerErasure.class).erase("C88");

        await(() -> search(SearchQuery.of("parcel")).total() == 0);
    }

    @Test
    void dropsSignalsThatRetentionDeleted() throws Exception {
        StoredSignals.insert(
                jdbc,
                List.of(
                        text("A wobbly kiosk", "North", 3, "2025-08-02").source("review"),
                        text("Another wobbly kiosk", "North", 3, "2025-08-03").source("review")));
        index.rebuild(status -> {});
        assertThat(search(SearchQuery.of("wobbly")).total()).isEqualTo(2);

        jdbc.update("DELETE FROM signal WHERE text = 'A wobbly kiosk'");
        context.publishEvent(new SignalsDeleted("review", 1, SignalsDeleted.Reason.RETENTION));

        await(() -> search(SearchQuery.of("wobbly")).total() == 1);
        assertThat(texts(search(SearchQuery.of("wobbly")))).containsExactly("Another wobbly kiosk");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 15 s for the index").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
