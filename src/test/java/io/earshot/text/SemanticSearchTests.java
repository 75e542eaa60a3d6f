package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.access.DataScope;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search by meaning: the vectors the background embedding stored (the real model), taken into the index when it
 * reports them, searched alone, fused with BM25 (the default), and from a stored vector for "find similar"; sentiment
 * as a facet and filter.
 */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class SemanticSearchTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    SignalEmbeddings embeddings;

    @Autowired
    SignalEmotions emotions;

    static final String SWALLOWED = "My card was swallowed by the ATM";
    static final String KEPT = "The cash machine kept my debit card";
    static final String LOVE = "I love the new savings feature";

    @BeforeEach
    void storeOnce() throws Exception {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().text(SWALLOWED).region("North"),
                        signal().text(KEPT).region("South"),
                        signal().text(LOVE).region("North"),
                        signal().text("The app crashes when I open it").region("North"),
                        signal().text("Refund still not received after two weeks")
                                .region("South")));
        index.rebuild(status -> {});
        embeddings.embedMissing();
        await(() -> surveys(SearchQuery.of("anything").in(SearchQuery.Mode.SEMANTIC))
                        .total()
                == 5);
    }

    /** The shared signals only (tests add chat signals of their own). */
    private SearchResults surveys(SearchQuery query) {
        return index.search(query.with("source", "survey"), DataScope.EVERYTHING);
    }

    private static List<String> texts(SearchResults results) {
        return results.hits().stream().map(SearchHit::text).toList();
    }

    @Test
    void findsTheSameMeaningInOtherWords() {
        List<String> found = texts(surveys(SearchQuery.of("atm ate my card").in(SearchQuery.Mode.SEMANTIC)));

        assertThat(found).hasSize(5);
        assertThat(found.subList(0, 2)).containsExactlyInAnyOrder(SWALLOWED, KEPT);
    }

    @Test
    void hybridByDefaultRanksWordMatchesAndAddsTextsNearInMeaning() {
        assertThat(index.modeOf(SearchQuery.of("cash machine"))).isEqualTo(SearchQuery.Mode.HYBRID);
        assertThat(texts(surveys(SearchQuery.of("cash machine").in(SearchQuery.Mode.TEXT))))
                .containsExactly(KEPT);

        SearchResults hybrid = surveys(SearchQuery.of("cash machine"));

        List<String> found = texts(hybrid);
        assertThat(found.getFirst()).as("matches the words and the meaning").isEqualTo(KEPT);
        assertThat(found.get(1)).as("matches the meaning only").isEqualTo(SWALLOWED);
        assertThat(hybrid.total()).isEqualTo(5);
        assertThat(hybrid.hits().getFirst().snippet()).contains("<mark>cash</mark> <mark>machine</mark>");
        assertThat(hybrid.hits().get(1).snippet()).as("no word of it matched").isNull();
    }

    @Test
    void hybridFacetsCountEachWordMatchAndEachNeighbourOnce() {
        SearchResults hybrid = surveys(SearchQuery.of("cash machine"));

        assertThat(hybrid.total()).isEqualTo(5);
        assertThat(hybrid.facets().get("region")).containsExactly(Map.entry("North", 3L), Map.entry("South", 2L));
    }

    @Test
    void hitsCarryTheStoredEmotionsOfTheirTexts() {
        List<SearchHit> hits = surveys(SearchQuery.of("card")).hits();
        Map<UUID, List<EmotionScore>> stored =
                emotions.of(hits.stream().map(SearchHit::id).toList());

        assertThat(hits).hasSize(5);
        assertThat(stored).as("some texts have emotions").isNotEmpty();
        for (SearchHit hit : hits) {
            assertThat(hit.emotions()).as(hit.text()).isEqualTo(stored.getOrDefault(hit.id(), List.of()));
        }
    }

    @Test
    void aTextIsFoundByMeaningOnceTheBackgroundEmbeddingStoredItsVector() throws Exception {
        String rude = "The teller was rude to my mother";
        StoredSignals.insert(jdbc, List.of(signal().text(rude).source("chat").region("West")));
        UUID id = idOf(rude);
        index.refresh(List.of(id)).get();
        SearchQuery impolite = SearchQuery.of("impolite staff at the branch").with("source", "chat");

        assertThat(index.vectorOf(id, DataScope.EVERYTHING)).isEmpty();
        assertThat(index.search(impolite, DataScope.EVERYTHING).total())
                .as("hybrid: no word matches and no vector yet")
                .isZero();
        assertThat(index.search(SearchQuery.of("rude").with("source", "chat"), DataScope.EVERYTHING)
                        .facets()
                        .get("sentiment"))
                .containsExactly(Map.entry("", 1L));

        assertThat(embeddings.embedMissing()).isEqualTo(1);

        await(() -> index.vectorOf(id, DataScope.EVERYTHING).isPresent());
        assertThat(index.vectorOf(id, DataScope.EVERYTHING).orElseThrow())
                .containsExactly(embeddings.vectors(List.of(id)).get(id));
        SearchResults found = index.search(impolite, DataScope.EVERYTHING);
        assertThat(texts(found)).containsExactly(rude);
        assertThat(found.hits().getFirst().snippet()).isNull();
        String sentiment =
                jdbc.queryForObject("SELECT sentiment FROM signal_sentiment WHERE signal_id = ?", String.class, id);
        assertThat(found.facets().get("sentiment")).containsExactly(Map.entry(sentiment, 1L));
    }

    @Test
    void findsTheTextsSimilarToAVerbatimLeavingItOut() {
        SearchHit swallowed = surveys(SearchQuery.of("swallowed")).hits().getFirst();

        SearchResults similar =
                index.similar(swallowed.id(), SearchQuery.of(null).with("source", "survey"), DataScope.EVERYTHING);

        assertThat(similar.total()).isEqualTo(4);
        assertThat(similar.hits().getFirst().text()).isEqualTo(KEPT);
        assertThat(similar.hits()).extracting(SearchHit::text).doesNotContain(SWALLOWED);
        DataScope south = new DataScope(false, Map.of("region", Set.of("South")));
        assertThat(index.similar(swallowed.id(), SearchQuery.of(null), south).total())
                .as("a signal the viewer may not see finds nothing")
                .isZero();
    }

    @Test
    void findSimilarSearchesFromTheStoredVectorWithoutEmbeddingAgain() throws Exception {
        String logout = "The mobile app keeps logging me out";
        StoredSignals.insert(jdbc, List.of(signal().text(logout).source("chat")));
        embeddings.embedMissing();
        UUID id = idOf(logout);
        // a stored vector that is not the text's own: only a search from the stored vector finds SWALLOWED first
        jdbc.update(
                "UPDATE signal_embedding SET vector = (SELECT vector FROM signal_embedding WHERE signal_id = ?)"
                        + " WHERE signal_id = ?",
                idOf(SWALLOWED),
                id);
        index.refresh(List.of(id)).get();

        SearchResults similar = index.similar(id, SearchQuery.of(null).with("source", "survey"), DataScope.EVERYTHING);

        assertThat(similar.hits().getFirst().text()).isEqualTo(SWALLOWED);
        assertThat(similar.hits().getFirst().score()).isGreaterThan(0.999f);
    }

    @Test
    void countsAndFiltersByTheStoredSentiment() {
        Map<String, Long> stored = jdbc
                .queryForList(
                        "SELECT t.sentiment FROM signal_sentiment t JOIN signal s ON s.id = t.signal_id"
                                + " WHERE s.source = 'survey'",
                        String.class)
                .stream()
                .collect(Collectors.groupingBy(sentiment -> sentiment, Collectors.counting()));
        assertThat(stored.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);

        SearchResults all = surveys(SearchQuery.of(null));

        assertThat(all.facets().get("sentiment")).isEqualTo(stored);
        assertThat(texts(surveys(SearchQuery.of(null).with("sentiment", "positive"))))
                .contains(LOVE)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "SELECT s.text FROM signal s JOIN signal_sentiment t ON t.signal_id = s.id"
                                + " WHERE s.source = 'survey' AND t.sentiment = 'positive'",
                        String.class));
        assertThat(surveys(SearchQuery.of("sentiment:positive").in(SearchQuery.Mode.TEXT))
                        .total())
                .isEqualTo(stored.getOrDefault("positive", 0L));
    }

    @Test
    void searchByMeaningKeepsToTheViewersScope() {
        DataScope north = new DataScope(false, Map.of("region", Set.of("North")));

        List<String> found =
                texts(index.search(SearchQuery.of("atm ate my card").in(SearchQuery.Mode.SEMANTIC), north));

        assertThat(found).hasSize(3).doesNotContain(KEPT).startsWith(SWALLOWED);
    }

    private UUID idOf(String text) {
        return jdbc.queryForObject("SELECT id FROM signal WHERE text = ?", UUID.class, text);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the index").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
