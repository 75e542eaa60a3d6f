package io.earshot.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * A query's words split for the search by meaning, which cannot read query syntax: the conditions its text puts on
 * fields other than the text ({@code region:North}, {@code -segment:SMB}, {@code nps:[0 TO 6]}) filter the nearest
 * neighbours, and only the rest of the text, its free words, is embedded.
 *
 * <p>A condition is a clause of the query's top level that names only such fields and that every match must meet
 * (required or prohibited). When the top level holds a condition that is optional ({@code source:interview OR refund})
 * or a clause that mixes fields and words ({@code (source:chat OR refund)}), no filter says which texts the query can
 * find: the query is not {@link #separable()}, and the whole query is the filter of the neighbours.
 *
 * @param words the whole query, for the search by words
 * @param freeText the text to embed: the query's text without its conditions, unchanged when it has none; {@code null}
 *     when it is conditions only ({@code source:interview})
 * @param conditions what the neighbours must meet besides the request's filters, each {@link Occur#FILTER} or
 *     {@link Occur#MUST_NOT}: the conditions; the whole query when it is conditions only or not separable; none when
 *     the text names no field
 * @param separable whether the conditions are exactly what the query requires beyond its free words
 */
record QuerySplit(Query words, String freeText, List<BooleanClause> conditions, boolean separable) {

    QuerySplit {
        conditions = List.copyOf(conditions);
    }

    /**
     * A clause of a query's top level and where it stands in the text.
     *
     * @param clause the clause as parsed, or {@code null} when analysis dropped it (a stop word)
     * @param from where it starts: the end of the clause before, so its conjunction and modifiers are part of it
     * @param wordsFrom where it starts without its conjunction ({@code AND}, {@code OR}), if it has one
     * @param to the offset after its last character
     */
    record Clause(BooleanClause clause, int from, int wordsFrom, int to) {}

    /** The split of {@code words}, parsed from {@code text} with {@code topLevel} the clauses of its top level. */
    static QuerySplit of(String text, Query words, List<Clause> topLevel) {
        Set<String> fields = fieldsOf(words);
        if (!fields.isEmpty() && !fields.contains(SignalDocuments.TEXT)) {
            return new QuerySplit(words, null, List.of(new BooleanClause(words, Occur.FILTER)), true);
        }
        List<BooleanClause> conditions = new ArrayList<>();
        StringBuilder free = new StringBuilder();
        for (Clause clause : topLevel) {
            Set<String> named = clause.clause() == null
                    ? Set.of()
                    : fieldsOf(clause.clause().query());
            if (named.contains(SignalDocuments.TEXT) && named.size() > 1) {
                return unseparable(text, words);
            }
            if (named.isEmpty() || named.contains(SignalDocuments.TEXT)) {
                // the first words kept lose the conjunction that tied them to a condition before them
                free.append(text, free.isEmpty() ? clause.wordsFrom() : clause.from(), clause.to());
            } else if (clause.clause().occur() == Occur.SHOULD) {
                return unseparable(text, words);
            } else {
                Occur occur = clause.clause().occur() == Occur.MUST_NOT ? Occur.MUST_NOT : Occur.FILTER;
                conditions.add(new BooleanClause(clause.clause().query(), occur));
            }
        }
        if (conditions.isEmpty()) {
            return new QuerySplit(words, text, List.of(), true);
        }
        String freeText = free.toString().strip();
        return new QuerySplit(words, freeText.isEmpty() ? null : freeText, conditions, true);
    }

    private static QuerySplit unseparable(String text, Query words) {
        return new QuerySplit(words, text, List.of(new BooleanClause(words, Occur.FILTER)), false);
    }

    /** {@code filters} narrowed by the {@link #conditions}: what the nearest neighbours must meet. */
    Query narrow(Query filters) {
        if (conditions.isEmpty()) {
            return filters;
        }
        BooleanQuery.Builder narrowed = new BooleanQuery.Builder().add(filters, Occur.FILTER);
        conditions.forEach(narrowed::add);
        return narrowed.build();
    }

    /** The fields {@code query} reads, at any depth, prohibited clauses included. */
    private static Set<String> fieldsOf(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String field) {
                fields.add(field);
                return false;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }
}
