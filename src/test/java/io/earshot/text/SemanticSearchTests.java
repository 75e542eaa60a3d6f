package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.access.DataScope;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Search by meaning: sentence vectors from the real embedding model in the index, alone and fused with BM25. */
@SpringBootTest(properties = {"earshot.demo.load-on-empty-store=false", "earshot.search.semantic=true"})
class SemanticSearchTests {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("earshot.data-dir", () -> dataDir.toString());
    }

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    static final String SWALLOWED = "My card was swallowed by the ATM";
    static final String KEPT = "The cash machine kept my debit card";

    @BeforeEach
    void storeOnce() {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().text(SWALLOWED).region("North"),
                        signal().text(KEPT).region("South"),
                        signal().text("I love the new savings feature").region("North"),
                        signal().text("The app crashes when I open it").region("North"),
                        signal().text("Refund still not received after two weeks")
                                .region("South")));
        index.rebuild(status -> {});
    }

    private List<String> texts(SearchQuery query, DataScope scope) {
        return index.search(query, scope).hits().stream().map(SearchHit::text).toList();
    }

    @Test
    void findsTheSameMeaningInOtherWords() {
        List<String> found =
                texts(SearchQuery.of("atm ate my card").in(SearchQuery.Mode.SEMANTIC), DataScope.EVERYTHING);

        assertThat(found).hasSize(5);
        assertThat(found.subList(0, 2)).containsExactlyInAnyOrder(SWALLOWED, KEPT);
    }

    @Test
    void hybridRanksWordMatchesAndAddsTextsNearInMeaning() {
        assertThat(index.modeOf(SearchQuery.of("cash machine"))).isEqualTo(SearchQuery.Mode.HYBRID);
        assertThat(texts(SearchQuery.of("cash machine").in(SearchQuery.Mode.TEXT), DataScope.EVERYTHING))
                .containsExactly(KEPT);

        SearchResults hybrid = index.search(SearchQuery.of("cash machine"), DataScope.EVERYTHING);

        List<String> found = hybrid.hits().stream().map(SearchHit::text).toList();
        assertThat(found.getFirst()).isEqualTo(KEPT);
        assertThat(found.get(1)).isEqualTo(SWALLOWED);
        assertThat(hybrid.hits().getFirst().snippet()).contains("<mark>cash</mark> <mark>machine</mark>");
    }

    @Test
    void findsTheTextsSimilarToAVerbatimLeavingItOut() {
        SearchHit swallowed = index.search(SearchQuery.of("swallowed"), DataScope.EVERYTHING)
                .hits()
                .getFirst();

        SearchResults similar = index.similar(swallowed.id(), SearchQuery.of(null), DataScope.EVERYTHING);

        assertThat(similar.total()).isEqualTo(4);
        assertThat(similar.hits().getFirst().text()).isEqualTo(KEPT);
        assertThat(similar.hits()).extracting(SearchHit::text).doesNotContain(SWALLOWED);
        DataScope south = new DataScope(false, Map.of("region", Set.of("South")));
        assertThat(index.similar(swallowed.id(), SearchQuery.of(null), south).total())
                .as("a signal the viewer may not see finds nothing")
                .isZero();
    }

    @Test
    void searchByMeaningKeepsToTheViewersScope() {
        DataScope north = new DataScope(false, Map.of("region", Set.of("North")));

        List<String> found = texts(SearchQuery.of("atm ate my card").in(SearchQuery.Mode.SEMANTIC), north);

        assertThat(found).hasSize(3).doesNotContain(KEPT).startsWith(SWALLOWED);
    }
}
