package io.earshot.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

/**
 * How a query's text is split for the search by meaning: the conditions it puts on fields become filters, and only its
 * free words, as written, are embedded.
 */
class QuerySplitTests {

    private final Analyzer analyzer = SignalDocuments.analyzer();

    private QuerySplit split(String text) {
        return SignalQueries.split(text, analyzer);
    }

    private static BooleanClause filter(String field, String value) {
        return new BooleanClause(new TermQuery(new Term(field, value)), Occur.FILTER);
    }

    @Test
    void aTextWithoutFieldsIsEmbeddedAsWritten() {
        QuerySplit split = split("My card was swallowed \"by the ATM\"");

        assertThat(split.separable()).isTrue();
        assertThat(split.freeText()).isEqualTo("My card was swallowed \"by the ATM\"");
        assertThat(split.conditions()).isEmpty();
        Query filters = new TermQuery(new Term("region", "North"));
        assertThat(split.narrow(filters)).isSameAs(filters);
    }

    @Test
    void aConditionBeforeTheWordsFiltersAndIsNotEmbedded() {
        QuerySplit split = split("source:interview my card was swallowed");

        assertThat(split.freeText()).isEqualTo("my card was swallowed");
        assertThat(split.conditions()).containsExactly(filter("source", "interview"));
        assertThat(split.words()).isEqualTo(SignalQueries.words("source:interview my card was swallowed", analyzer));
    }

    @Test
    void theConjunctionOfAConditionGoesWithIt() {
        assertThat(split("region:North AND \"on hold\"").freeText()).isEqualTo("\"on hold\"");
        assertThat(split("refund AND region:North AND card").freeText()).isEqualTo("refund AND card");
        assertThat(split("refund && region:North").freeText()).isEqualTo("refund");
        assertThat(split("region:North\nAND source:chat\nAND refund\nstill").freeText())
                .isEqualTo("refund\nstill");
    }

    @Test
    void aProhibitedConditionExcludes() {
        QuerySplit split = split("-segment:SMB card");

        assertThat(split.freeText()).isEqualTo("card");
        assertThat(split.conditions())
                .containsExactly(new BooleanClause(new TermQuery(new Term("segment", "SMB")), Occur.MUST_NOT));
        assertThat(split("card NOT segment:SMB").conditions())
                .containsExactly(new BooleanClause(new TermQuery(new Term("segment", "SMB")), Occur.MUST_NOT));
    }

    @Test
    void scoreRangesAndBracketedValuesAreConditions() {
        QuerySplit split = split("nps:[0 TO 6] region:(North OR South) card was declined");

        assertThat(split.freeText()).isEqualTo("card was declined");
        assertThat(split.conditions())
                .containsExactly(
                        new BooleanClause(IntPoint.newRangeQuery("nps", 0, 6), Occur.FILTER),
                        new BooleanClause(
                                new BooleanQuery.Builder()
                                        .add(new TermQuery(new Term("region", "North")), Occur.SHOULD)
                                        .add(new TermQuery(new Term("region", "South")), Occur.SHOULD)
                                        .build(),
                                Occur.FILTER));
    }

    @Test
    void aTextOfConditionsOnlyHasNothingToEmbed() {
        QuerySplit split = split("source:interview");

        assertThat(split.separable()).isTrue();
        assertThat(split.freeText()).isNull();
        assertThat(split.conditions())
                .containsExactly(new BooleanClause(new TermQuery(new Term("source", "interview")), Occur.FILTER));
        assertThat(split("source:interview OR source:chat").freeText()).isNull();
    }

    @Test
    void anOptionalConditionCannotBeSeparated() {
        QuerySplit split = split("source:interview OR refund");

        assertThat(split.separable()).isFalse();
        assertThat(split.freeText()).isEqualTo("source:interview OR refund");
        assertThat(split.conditions()).containsExactly(new BooleanClause(split.words(), Occur.FILTER));
    }

    @Test
    void aBracketMixingFieldsAndWordsCannotBeSeparated() {
        QuerySplit split = split("card (source:chat OR refund)");

        assertThat(split.separable()).isFalse();
        assertThat(split.conditions()).containsExactly(new BooleanClause(split.words(), Occur.FILTER));
    }

    @Test
    void optionalWordsBesideARequiredConditionAreEmbedded() {
        QuerySplit split = split("region:North AND refund OR card");

        assertThat(split.separable()).isTrue();
        assertThat(split.freeText()).isEqualTo("refund OR card");
        assertThat(split.conditions()).containsExactly(filter("region", "North"));
    }
}
