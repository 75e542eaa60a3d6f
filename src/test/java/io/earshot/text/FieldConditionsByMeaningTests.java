package io.earshot.text;

import static io.earshot.StoredSignals.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.earshot.StoredSignals;
import io.earshot.TemporaryStore;
import io.earshot.access.DataScope;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Conditions on fields written in a query's text ({@code source:interview card}) restrict the search by meaning as
 * they restrict the search by words, in hybrid and semantic searches, over a real index with the real model's vectors.
 * Every text here is near in meaning to every query by card, so a search by meaning left unfiltered would find them
 * all.
 */
@SpringBootTest(properties = "earshot.demo.load-on-empty-store=false")
@TemporaryStore
class FieldConditionsByMeaningTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchIndex index;

    @Autowired
    SignalEmbeddings embeddings;

    static final String SWALLOWED = "My card was swallowed by the ATM";
    static final String RETAINED = "The ATM retained my card overnight";
    static final String KEPT = "The cash machine kept my debit card";
    static final String ATE = "The cash point ate my bank card";
    static final String DECLINED = "My card was declined at the shop";
    static final String BLOCKED = "They blocked my credit card without warning";
    static final int SIGNALS = 6;

    @BeforeEach
    void storeOnce() throws Exception {
        if (jdbc.queryForObject("SELECT count(*) FROM signal", Long.class) > 0) {
            return;
        }
        StoredSignals.insert(
                jdbc,
                List.of(
                        signal().text(SWALLOWED).source("interview").segment("Retail"),
                        signal().text(RETAINED)
                                .source("interview")
                                .segment("SMB")
                                .at("2025-04-01"),
                        signal().text(KEPT).source("survey").segment("Retail"),
                        signal().text(ATE).source("survey").segment("SMB"),
                        signal().text(DECLINED).source("chat").segment("Retail"),
                        signal().text(BLOCKED).source("chat").segment("SMB")));
        index.rebuild(status -> {});
        embeddings.embedMissing();
        await(() ->
                search(SearchQuery.of("anything").in(SearchQuery.Mode.SEMANTIC)).total() == SIGNALS);
    }

    private SearchResults search(SearchQuery query) {
        return index.search(query, DataScope.EVERYTHING);
    }

    private static List<String> texts(SearchResults results) {
        return results.hits().stream().map(SearchHit::text).toList();
    }

    private static List<UUID> ids(SearchResults results) {
        return results.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void everyTextIsNearInMeaningToTheQuery() {
        assertThat(search(SearchQuery.of("atm card")).total()).isEqualTo(SIGNALS);
    }

    @Test
    void hybridKeepsToASourceNamedInTheText() {
        SearchResults found = search(SearchQuery.of("source:interview cash machine"));

        assertThat(texts(found)).containsExactlyInAnyOrder(SWALLOWED, RETAINED);
        assertThat(found.total()).isEqualTo(2);
        assertThat(found.facets().get("source")).containsOnlyKeys("interview");
        assertThat(texts(found)).as("near in meaning, another source").doesNotContain(KEPT, ATE);
        assertThat(ids(found))
                .as("as the same filter given as a parameter")
                .containsExactlyInAnyOrderElementsOf(
                        ids(search(SearchQuery.of("cash machine").with("source", "interview"))));
    }

    @Test
    void aTextOfConditionsOnlyFindsExactlyTheSignalsThatMeetThem() {
        SearchResults hybrid = search(SearchQuery.of("source:interview"));
        SearchResults semantic = search(SearchQuery.of("source:interview").in(SearchQuery.Mode.SEMANTIC));

        assertThat(hybrid.total()).isEqualTo(2);
        assertThat(texts(hybrid)).containsExactlyInAnyOrder(SWALLOWED, RETAINED);
        assertThat(ids(hybrid))
                .containsExactlyElementsOf(
                        ids(search(SearchQuery.of("source:interview").in(SearchQuery.Mode.TEXT))));
        assertThat(semantic.total()).isEqualTo(2);
        assertThat(texts(semantic)).as("newest first").containsExactly(RETAINED, SWALLOWED);
    }

    @Test
    void aProhibitedConditionExcludesFromBothHalves() {
        SearchResults words = search(SearchQuery.of("-segment:SMB card").in(SearchQuery.Mode.TEXT));
        SearchResults hybrid = search(SearchQuery.of("-segment:SMB card"));

        assertThat(texts(words)).containsExactlyInAnyOrder(SWALLOWED, KEPT, DECLINED);
        assertThat(hybrid.total()).isEqualTo(3);
        assertThat(texts(hybrid)).containsExactlyInAnyOrder(SWALLOWED, KEPT, DECLINED);
        assertThat(hybrid.facets().get("segment")).containsOnlyKeys("Retail");
    }

    @Test
    void aProhibitedConditionExcludesFromASearchByMeaning() {
        SearchResults semantic =
                search(SearchQuery.of("atm ate my card NOT segment:SMB").in(SearchQuery.Mode.SEMANTIC));

        assertThat(texts(semantic)).containsExactlyInAnyOrder(SWALLOWED, KEPT, DECLINED);
    }

    @Test
    void semanticKeepsToASourceNamedInTheText() {
        SearchResults semantic =
                search(SearchQuery.of("source:chat atm swallowed my card").in(SearchQuery.Mode.SEMANTIC));

        assertThat(texts(semantic)).containsExactlyInAnyOrder(DECLINED, BLOCKED);
        assertThat(semantic.total()).isEqualTo(2);
    }

    @Test
    void conditionsThatCannotBeSeparatedFromTheWordsLeaveAHybridSearchToTheWords() {
        SearchQuery either = SearchQuery.of("source:interview OR declined");

        SearchResults hybrid = search(either);
        SearchResults words = search(either.in(SearchQuery.Mode.TEXT));

        assertThat(texts(words)).containsExactlyInAnyOrder(SWALLOWED, RETAINED, DECLINED);
        assertThat(hybrid.total()).isEqualTo(3);
        assertThat(ids(hybrid)).containsExactlyElementsOf(ids(words));
        assertThat(search(either.in(SearchQuery.Mode.SEMANTIC)).total())
                .as("by meaning, among what the whole query matches")
                .isEqualTo(3);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the index").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
