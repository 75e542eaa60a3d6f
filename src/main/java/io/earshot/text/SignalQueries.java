package io.earshot.text;

import io.earshot.access.DataScope;
import io.earshot.signal.SignalFilter.Band;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.QueryParserConstants;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a {@link SearchQuery} and the viewer's {@link DataScope} into one Lucene query: the words as the classic query
 * parser reads them (all words required unless joined by OR), every filter and the scope as non-scoring clauses.
 */
final class SignalQueries {

    private static final Pattern COLUMN = Pattern.compile("column (\\d+)");
    private static final List<String> SCORE_FIELDS = List.of(SignalDocuments.SCORES);

    private SignalQueries() {}

    static Query of(SearchQuery search, DataScope scope, Analyzer analyzer) {
        return new BooleanQuery.Builder()
                .add(search.text() == null ? new MatchAllDocsQuery() : words(search.text(), analyzer), Occur.MUST)
                .add(filters(search, scope), Occur.FILTER)
                .build();
    }

    /** Every condition but the words: fields, dates, band and the viewer's scope. */
    static Query filters(SearchQuery search, DataScope scope) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        search.fields().forEach((field, value) -> query.add(new TermQuery(new Term(field, value)), Occur.FILTER));
        if (search.from() != null || search.to() != null) {
            query.add(
                    LongPoint.newRangeQuery(
                            SignalDocuments.OCCURRED_AT,
                            millis(search.from(), Long.MIN_VALUE),
                            millis(search.to(), 0) - (search.to() == null ? 0 : 1)),
                    Occur.FILTER);
        }
        if (search.band() != null) {
            query.add(band(search.band()), Occur.FILTER);
        }
        Query visible = scope(scope);
        if (!(visible instanceof MatchAllDocsQuery)) {
            query.add(visible, Occur.FILTER);
        }
        BooleanQuery filters = query.build();
        // nothing to narrow: say so plainly, for a search by meaning then searches the vector graph unfiltered; a
        // Boolean query that matches everything sends Lucene's filtered nearest-neighbour search to its exact
        // fallback, a scan of every vector (65-70 ms a query at 1M signals against 6 ms; docs/benchmarks.md)
        return filters.clauses().isEmpty() ? new MatchAllDocsQuery() : filters;
    }

    /** The filter for a search by meaning: none when {@code filters} selects every signal. */
    static Query neighbourFilter(Query filters) {
        return filters instanceof MatchAllDocsQuery ? null : filters;
    }

    /** The viewer's scope as a filter: a signal matching any one of its field values; nothing for no unit. */
    static Query scope(DataScope scope) {
        if (scope.everything()) {
            return new MatchAllDocsQuery();
        }
        if (scope.matches().isEmpty()) {
            return new MatchNoDocsQuery("no business unit");
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        scope.matches()
                .forEach((field, values) ->
                        values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD)));
        return any.setMinimumNumberShouldMatch(1).build();
    }

    static Query band(Band band) {
        return switch (band) {
            case PROMOTER -> IntPoint.newRangeQuery("nps", 9, 10);
            case PASSIVE -> IntPoint.newRangeQuery("nps", 7, 8);
            case DETRACTOR -> IntPoint.newRangeQuery("nps", 0, 6);
            case SATISFIED -> IntPoint.newRangeQuery("csat", 4, Integer.MAX_VALUE);
            case UNSATISFIED -> IntPoint.newRangeQuery("csat", Integer.MIN_VALUE, 3);
            case POC -> throw new IllegalArgumentException("Search cannot narrow to the POC band");
        };
    }

    /**
     * The words of a query as the classic parser reads them; a text too long for a query (more words than Lucene takes
     * clauses, e.g. a pasted message) is read as any of its first {@link #MAX_TERMS} distinct words instead, BM25
     * ranking the texts that share the most.
     */
    static Query words(String text, Analyzer analyzer) {
        return split(text, analyzer).words();
    }

    /**
     * The words of a query as {@link #words} reads them, with the conditions its text puts on fields told apart from
     * its free words, for the search by meaning (see {@link QuerySplit}). A text too long for a query is all free words.
     */
    static QuerySplit split(String text, Analyzer analyzer) {
        Parser parser = new Parser(analyzer);
        try {
            Query words = parser.parse(text);
            return QuerySplit.of(text, words, parser.topLevel());
        } catch (ParseException e) {
            if (e.getCause() instanceof IndexSearcher.TooManyClauses) {
                return QuerySplit.of(text, anyOf(text, analyzer), List.of());
            }
            throw syntaxError(text, e);
        }
    }

    /** Words a long text is searched by at most. */
    static final int MAX_TERMS = 256;

    private static Query anyOf(String text, Analyzer analyzer) {
        java.util.Set<String> terms = new java.util.LinkedHashSet<>();
        try (var stream = analyzer.tokenStream(SignalDocuments.TEXT, text)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (terms.size() < MAX_TERMS && stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        terms.forEach(word -> any.add(new TermQuery(new Term(SignalDocuments.TEXT, word)), Occur.SHOULD));
        return any.build();
    }

    private static SearchSyntaxException syntaxError(String text, ParseException e) {
        // the parser wraps what went wrong (a ParseException with the token, or a lexical error) in a ParseException
        Throwable cause = e.getCause() == null ? e : e.getCause();
        if (cause instanceof FieldProblem problem) {
            return new SearchSyntaxException(problem.getMessage(), 0);
        }
        int column = 0;
        boolean atEnd = false;
        if (cause instanceof ParseException parse && parse.currentToken != null && parse.currentToken.next != null) {
            // the parser places the end of the query on its last character; say the column after it
            atEnd = parse.currentToken.next.kind == QueryParserConstants.EOF;
            column = atEnd ? text.length() + 1 : parse.currentToken.next.beginColumn;
        } else {
            Matcher at = COLUMN.matcher(String.valueOf(cause.getMessage()));
            if (at.find()) {
                column = Integer.parseInt(at.group(1));
            }
        }
        String said = String.valueOf(cause.getMessage());
        int expecting = said.indexOf("Was expecting");
        if (expecting > 0) {
            said = said.substring(0, expecting);
        }
        said = said.replaceAll("\\s+", " ").strip();
        String where = atEnd ? " at the end (column " + column + ")" : column > 0 ? " at column " + column : "";
        return new SearchSyntaxException(
                "The search '" + text + "' cannot be read" + where + ": " + said
                        + " Close every quote and bracket, put words on both sides of AND and OR, and quote"
                        + " characters such as : ( ) [ ] \" * ? ~ ^ - + ! or write a backslash before them.",
                column);
    }

    /** A field or value the query names that search does not know; said as is, without a position. */
    private static final class FieldProblem extends ParseException {
        FieldProblem(String message) {
            super(message);
        }
    }

    private static long millis(LocalDate day, long none) {
        return day == null ? (none == 0 ? Long.MAX_VALUE : none) : SignalDocuments.millis(day.atStartOfDay());
    }

    /** The classic parser, with scores as numbers and unknown fields refused instead of silently matching nothing. */
    private static final class Parser extends QueryParser {

        /** The last token of each clause added, by the list of clauses it went to (one list per bracket level). */
        private final Map<List<BooleanClause>, List<Ended>> ends = new IdentityHashMap<>();

        private List<BooleanClause> lastList;

        /** Where the parser put a clause in its list (-1 when analysis dropped it) and the last token it read for it. */
        private record Ended(int index, Token last) {}

        Parser(Analyzer analyzer) {
            super(SignalDocuments.TEXT, analyzer);
            setDefaultOperator(Operator.AND);
        }

        @Override
        protected void addClause(List<BooleanClause> clauses, int conj, int mods, Query q) {
            int before = clauses.size();
            super.addClause(clauses, conj, mods, q);
            // the parser reads clauses in order, a bracket's inner clauses before the bracket: the list added to last
            // is the top level
            lastList = clauses;
            ends.computeIfAbsent(clauses, list -> new ArrayList<>())
                    .add(new Ended(clauses.size() > before ? before : -1, token));
        }

        /**
         * The clauses of the query's top level as parsed last, each with where it stands in the text: from the end of
         * the one before (its conjunction and modifiers included) to its last token. The parser's offsets count
         * characters from the start of the text, and a token's end is the offset after it.
         */
        List<QuerySplit.Clause> topLevel() {
            List<QuerySplit.Clause> clauses = new ArrayList<>();
            if (lastList == null) {
                return clauses;
            }
            Token previous = null;
            for (Ended ended : ends.get(lastList)) {
                int from = previous == null ? 0 : previous.endColumn;
                Token first = previous == null ? null : previous.next;
                boolean conjunction = first != null && (first.kind == AND || first.kind == OR);
                // addClause may change a clause's occurrence after adding it: read the final one
                BooleanClause clause = ended.index() < 0 ? null : lastList.get(ended.index());
                clauses.add(new QuerySplit.Clause(
                        clause, from, conjunction ? first.endColumn : from, ended.last().endColumn));
                previous = ended.last();
            }
            return clauses;
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            known(field);
            if (SCORE_FIELDS.contains(field)) {
                return IntPoint.newExactQuery(field, number(field, queryText));
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getRangeQuery(
                String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            known(field);
            if (SCORE_FIELDS.contains(field)) {
                int low = part1 == null || part1.equals("*") ? Integer.MIN_VALUE : number(field, part1);
                int high = part2 == null || part2.equals("*") ? Integer.MAX_VALUE : number(field, part2);
                return IntPoint.newRangeQuery(field, startInclusive ? low : low + 1, endInclusive ? high : high - 1);
            }
            return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        private static void known(String field) throws ParseException {
            if (!field.equals(SignalDocuments.TEXT) && !SearchQuery.isField(field) && !SCORE_FIELDS.contains(field)) {
                throw new FieldProblem("Search has no field '" + field + "'; search text or one of "
                        + String.join(", ", SearchQuery.filterNames()) + ", nps, csat, ces (e.g. region:North,"
                        + " nps:[0 TO 6]). To search the word itself, write it in quotes.");
            }
        }

        private static int number(String field, String value) throws ParseException {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new FieldProblem(field + " must be a whole number, not '" + value + "'");
            }
        }
    }
}
