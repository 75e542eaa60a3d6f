package io.earshot.text;

import io.earshot.access.DataScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The search index of every signal, in {@code <data-dir>/index/signals}: BM25 over the texts and nearest neighbours
 * over their stored sentence vectors, with every signal field, sentiment, theme, the time and the scores for filters,
 * and the viewer's data scope applied to every search. It is derived from the store and can be rebuilt from it at any
 * time; all changes run one at a time on a background thread, so ingestion never waits for indexing. It embeds no
 * signal text itself: vectors come from {@code signal_embedding}, and a document is indexed again with its vector when
 * the background embedding reports it ({@link TextsEmbedded}).
 */
@Service
public class SearchIndex implements DisposableBean {

    /**
     * The layout of the documents; an index written with another is rebuilt. 2: vectors read from the store (no longer
     * embedded while indexing), sentiment and theme as fields. 3: the emotions stored with each document.
     */
    static final String LAYOUT_VERSION = "3";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);
    /** Nearest texts by meaning that a semantic or hybrid search considers. */
    static final int NEIGHBOURS = 100;

    private static final Sort NEWEST_FIRST =
            new Sort(new SortField(SignalDocuments.OCCURRED_AT, SortField.Type.LONG, true));
    private static final String VERSION_KEY = "earshot.layout";
    private static final int COMMIT_EVERY = 20_000;

    private final SignalTexts texts;
    private final StoredThemes themes;
    private final Analyzer analyzer = SignalDocuments.analyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean current;
    /** One thread for every change, so changes never interleave; its queue is dropped on shutdown (see destroy). */
    private final ThreadPoolExecutor worker =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "search-index");
                thread.setDaemon(true);
                return thread;
            });

    private volatile boolean closing;
    private final AtomicReference<IndexStatus> rebuilding = new AtomicReference<>();

    /**
     * @param indexDir where the index lives; empty for {@code <data-dir>/index/signals} (the search benchmark builds
     *     its own elsewhere)
     */
    SearchIndex(
            SignalTexts texts,
            StoredThemes themes,
            @Value("${earshot.data-dir}") Path dataDir,
            @Value("${earshot.search.index-dir:}") String indexDir) {
        this.texts = texts;
        this.themes = themes;
        Path path = indexDir == null || indexDir.isBlank()
                ? dataDir.resolve("index").resolve("signals")
                : Path.of(indexDir);
        String layout = LAYOUT_VERSION + "+" + Embedder.MODEL;
        try {
            directory = FSDirectory.open(path);
            current = DirectoryReader.indexExists(directory)
                    && layout.equals(SegmentInfos.readLatestCommit(directory)
                            .getUserData()
                            .get(VERSION_KEY));
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            // every change commits when complete: a rebuild cut short by shutdown must not leave half an index behind
            config.setCommitOnClose(false);
            // vectors make documents large (1.5 kB each): bigger segments mean fewer graphs to merge and to search
            config.setRAMBufferSizeMB(128);
            config.setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(VERSION_KEY, layout).entrySet());
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + path, e);
        }
    }

    /** Whether the index on disk was written with the current layout (otherwise it needs a rebuild). */
    public boolean isCurrent() {
        return current;
    }

    /**
     * Whether the index should be rebuilt from the store: it is missing, of an older layout, or does not hold as many
     * signals as the store (an import whose indexing a stop cut short).
     */
    public boolean needsRebuild() {
        return !current || searcherCount() != texts.count();
    }

    /** How far the index is built. */
    public IndexStatus status() {
        IndexStatus status = rebuilding.get();
        if (status != null) {
            return status;
        }
        long documents = searcherCount();
        return new IndexStatus(false, documents, documents);
    }

    /**
     * One page of the signals {@code query} finds that {@code scope} lets its viewer see, most relevant first, with the
     * total and facet counts. By default (no mode) words and meaning are fused; while no indexed text has a vector
     * yet, a search by meaning finds nothing and a hybrid search is a search by words.
     *
     * <p>Conditions on fields written in the text ({@code source:interview refund}, {@code -segment:SMB card}) filter
     * the search by meaning as well, and only the free words are embedded ({@link QuerySplit}). A text of conditions
     * only finds the signals that meet them: ranked by words in a hybrid search, newest first in a semantic one. When
     * the conditions cannot be told apart from the words ({@code source:interview OR refund}), a hybrid search is a
     * search by words, and a semantic one ranks by the meaning of the whole text the signals the whole query matches.
     *
     * @throws SearchSyntaxException when the query's words cannot be read (in every mode, since the conditions in them
     *     filter)
     */
    public SearchResults search(SearchQuery query, DataScope scope) {
        SearchQuery.Mode mode = modeOf(query);
        Query filters = SignalQueries.filters(query, scope);
        if (query.text() == null) {
            return run(query, filtered(new MatchAllDocsQuery(), filters), null, false);
        }
        QuerySplit split = SignalQueries.split(query.text(), analyzer);
        if (mode == SearchQuery.Mode.SEMANTIC && split.freeText() == null) {
            return run(query, split.narrow(filters), null, false);
        }
        Query words = mode == SearchQuery.Mode.SEMANTIC ? null : filtered(split.words(), filters);
        boolean byMeaning = mode == SearchQuery.Mode.SEMANTIC
                || (mode == SearchQuery.Mode.HYBRID && split.separable() && split.freeText() != null);
        Query meaning = !byMeaning || !hasVectors()
                ? null
                : new KnnFloatVectorQuery(
                        SignalDocuments.VECTOR,
                        Embedder.shared().embed(split.freeText()),
                        NEIGHBOURS,
                        SignalQueries.neighbourFilter(split.narrow(filters)));
        if (words == null && meaning == null) {
            return new SearchResults(query, 0, List.of(), Map.of(), status());
        }
        return run(query, words, meaning, true);
    }

    /**
     * One page of the signals nearest in meaning to signal {@code id} (itself left out), by the vector stored for it,
     * among those the filters of {@code query} select and {@code scope} lets its viewer see; its words and mode are
     * ignored. Nothing when the viewer may not see {@code id} or its text has no vector yet.
     */
    public SearchResults similar(UUID id, SearchQuery query, DataScope scope) {
        Optional<float[]> vector = vectorOf(id, scope);
        if (vector.isEmpty()) {
            return new SearchResults(query, 0, List.of(), Map.of(), status());
        }
        // one neighbour more, then the signal itself left out: a filter of "all but this one" would send Lucene to
        // its exact search over every vector, as a filter matching everything does (SignalQueries.filters)
        Query nearest = new KnnFloatVectorQuery(
                SignalDocuments.VECTOR,
                vector.get(),
                NEIGHBOURS + 1,
                SignalQueries.neighbourFilter(SignalQueries.filters(query, scope)));
        Query others = new BooleanQuery.Builder()
                .add(nearest, Occur.MUST)
                .add(new TermQuery(new Term(SignalDocuments.ID, id.toString())), Occur.MUST_NOT)
                .build();
        return run(query, null, others, true);
    }

    /** The text of signal {@code id}, if {@code scope} lets its viewer see it. */
    public Optional<String> textOf(UUID id, DataScope scope) {
        return read(searcher -> {
            int doc = visibleDoc(searcher, id, scope);
            return doc < 0
                    ? Optional.empty()
                    : Optional.ofNullable(searcher.storedFields()
                            .document(doc, Set.of(SignalDocuments.TEXT))
                            .get(SignalDocuments.TEXT));
        });
    }

    /** The indexed vector of signal {@code id}, if {@code scope} lets its viewer see it and its text has one. */
    Optional<float[]> vectorOf(UUID id, DataScope scope) {
        return read(searcher -> {
            int doc = visibleDoc(searcher, id, scope);
            if (doc < 0) {
                return Optional.empty();
            }
            LeafReaderContext leaf = searcher.getIndexReader()
                    .leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            FloatVectorValues values = leaf.reader().getFloatVectorValues(SignalDocuments.VECTOR);
            if (values == null) {
                return Optional.empty();
            }
            KnnVectorValues.DocIndexIterator iterator = values.iterator();
            return iterator.advance(doc - leaf.docBase) == doc - leaf.docBase
                    ? Optional.of(values.vectorValue(iterator.index()).clone())
                    : Optional.empty();
        });
    }

    /** Whether any indexed text has its vector yet, so that search by meaning can find something. */
    public boolean hasVectors() {
        return read(searcher -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(SignalDocuments.VECTOR);
                if (values != null && values.size() > 0) {
                    return true;
                }
            }
            return false;
        });
    }

    /** The labels of the active themes, by id, for the theme facet and filter. */
    public Map<String, String> themeLabels() {
        return themes.activeLabels();
    }

    private static int visibleDoc(IndexSearcher searcher, UUID id, DataScope scope) throws IOException {
        Query visible =
                filtered(new TermQuery(new Term(SignalDocuments.ID, id.toString())), SignalQueries.scope(scope));
        ScoreDoc[] found = searcher.search(visible, 1).scoreDocs;
        return found.length == 0 ? -1 : found[0].doc;
    }

    /** Something read from the current searcher. */
    private interface Reading<T> {
        T read(IndexSearcher searcher) throws IOException;
    }

    private <T> T read(Reading<T> reading) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return reading.read(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    /**
     * Runs a search: by {@code words} (BM25, or newest first when not {@code scored}), by {@code meaning} (nearest
     * neighbours), or both fused by reciprocal rank. The nearest neighbours are searched once (the query is rewritten
     * to its hits) for both the facet counts and the ranking.
     */
    private SearchResults run(SearchQuery query, Query words, Query meaning, boolean scored) {
        IndexStatus status = status();
        return read(searcher -> {
            Query neighbours = meaning == null ? null : searcher.rewrite(meaning);
            Query matched = neighbours == null
                    ? words
                    : words == null
                            ? neighbours
                            : new BooleanQuery.Builder()
                                    .add(words, Occur.SHOULD)
                                    .add(neighbours, Occur.SHOULD)
                                    .build();
            int wanted = query.page() * SearchQuery.PAGE_SIZE;
            FacetCounts.Counts counts;
            ScoreDoc[] ranked;
            if (!scored || neighbours == null) {
                // one pass over the matches for both the facet counts and the first hits
                CollectorManager<? extends Collector, ? extends TopDocs> first = scored
                        ? new TopScoreDocCollectorManager(wanted, Integer.MAX_VALUE)
                        : new TopFieldCollectorManager(NEWEST_FIRST, wanted, Integer.MAX_VALUE);
                Object[] both = searcher.search(
                        matched, new MultiCollectorManager(first, FacetCounts.manager(SearchResults.FACET_FIELDS)));
                ranked = ((TopDocs) both[0]).scoreDocs;
                counts = (FacetCounts.Counts) both[1];
            } else if (words == null) {
                counts = searcher.search(neighbours, FacetCounts.manager(SearchResults.FACET_FIELDS));
                ranked = searcher.search(neighbours, wanted).scoreDocs;
            } else {
                // one pass over the words' matches for their facet counts and first hits; the neighbours they do not
                // match (at most NEIGHBOURS documents) are counted on their own
                Object[] both = searcher.search(
                        words,
                        new MultiCollectorManager(
                                new TopScoreDocCollectorManager(Math.max(wanted, NEIGHBOURS), Integer.MAX_VALUE),
                                FacetCounts.manager(SearchResults.FACET_FIELDS)));
                Query onlyNeighbours = new BooleanQuery.Builder()
                        .add(neighbours, Occur.MUST)
                        .add(words, Occur.MUST_NOT)
                        .build();
                counts = ((FacetCounts.Counts) both[1])
                        .plus(searcher.search(onlyNeighbours, FacetCounts.manager(SearchResults.FACET_FIELDS)));
                ranked = ReciprocalRanks.fuse(
                        ((TopDocs) both[0]).scoreDocs, searcher.search(neighbours, NEIGHBOURS).scoreDocs);
            }
            ScoreDoc[] page = Arrays.copyOfRange(
                    ranked, Math.min(ranked.length, wanted - SearchQuery.PAGE_SIZE), Math.min(ranked.length, wanted));
            String[] snippets = snippets(searcher, scored ? words : null, page);
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < page.length; i++) {
                hits.add(SignalDocuments.hit(stored, page[i].doc, scored ? page[i].score : 0, snippets[i]));
            }
            return new SearchResults(query, counts.total(), hits, counts.facets(), status);
        });
    }

    /** The mode a search runs in: as asked, else hybrid (words and meaning fused). */
    SearchQuery.Mode modeOf(SearchQuery query) {
        return query.mode() == null ? SearchQuery.Mode.HYBRID : query.mode();
    }

    private static Query filtered(Query query, Query filters) {
        return new BooleanQuery.Builder()
                .add(query, Occur.MUST)
                .add(filters, Occur.FILTER)
                .build();
    }

    private String[] snippets(IndexSearcher searcher, Query words, ScoreDoc[] page) throws IOException {
        if (words == null || page.length == 0) {
            return new String[page.length];
        }
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .build();
        return highlighter.highlight(
                SignalDocuments.TEXT,
                words,
                new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page),
                2);
    }

    /**
     * Indexes again the given signals as the store now holds them (their vector, sentiment and theme included), and
     * removes those no longer stored, in the background. What derives data from signals calls it after writing (the
     * embedding backfill through {@link TextsEmbedded}; theme assignment after assigning or editing themes).
     */
    public Future<?> refresh(Collection<UUID> signalIds) {
        List<UUID> ids = List.copyOf(signalIds);
        return change("refresh " + ids.size() + " signals", () -> {
            // in slices, so that a large refresh (a recomputation of themes) holds one slice of texts and vectors
            for (int from = 0; from < ids.size(); from += REFRESH_SLICE) {
                List<UUID> slice = ids.subList(from, Math.min(ids.size(), from + REFRESH_SLICE));
                List<IndexedSignal> batch = new ArrayList<>();
                texts.byIds(slice, batch::add);
                Set<UUID> gone = new HashSet<>(slice);
                for (IndexedSignal signal : batch) {
                    writer.updateDocument(
                            new Term(SignalDocuments.ID, signal.id().toString()), SignalDocuments.document(signal));
                    gone.remove(signal.id());
                }
                for (UUID id : gone) {
                    writer.deleteDocuments(new Term(SignalDocuments.ID, id.toString()));
                }
            }
            commit();
            return null;
        });
    }

    /** Signals read from the store at a time by {@link #refresh}. */
    static final int REFRESH_SLICE = 10_000;

    /**
     * Indexes every signal again from the store, in the background: after changes that touch many signals at once
     * (themes recomputed, merged or deleted). The same as {@link #rebuildInBackground()}.
     */
    public Future<?> refreshAll() {
        return rebuildInBackground();
    }

    /** Indexes the signals an import added, in the background; returns at once. */
    public Future<?> indexImport(UUID importId) {
        return change("index import " + importId, () -> {
            List<IndexedSignal> batch = new ArrayList<>();
            texts.ofImport(importId, batch::add);
            for (IndexedSignal signal : batch) {
                writer.updateDocument(
                        new Term(SignalDocuments.ID, signal.id().toString()), SignalDocuments.document(signal));
            }
            commit();
            return null;
        });
    }

    /** Removes a customer's signals, in the background. */
    public Future<?> removeCustomer(String customerId) {
        return change("remove a customer", () -> {
            writer.deleteDocuments(new Term("customer_id", customerId.strip()));
            commit();
            return null;
        });
    }

    /** Removes from the index the signals of {@code source} no longer in the store, in the background. */
    public Future<?> syncSource(String source) {
        return change("sync source " + source, () -> {
            Set<String> stored = texts.idsOf(source);
            Set<String> indexed = new HashSet<>();
            IndexSearcher searcher = searchers.acquire();
            try {
                StoredFields fields = searcher.storedFields();
                TopDocs all = searcher.search(new TermQuery(new Term("source", source)), Integer.MAX_VALUE);
                for (ScoreDoc doc : all.scoreDocs) {
                    indexed.add(
                            fields.document(doc.doc, Set.of(SignalDocuments.ID)).get(SignalDocuments.ID));
                }
            } finally {
                searchers.release(searcher);
            }
            indexed.removeAll(stored);
            for (String gone : indexed) {
                writer.deleteDocuments(new Term(SignalDocuments.ID, gone));
            }
            commit();
            return null;
        });
    }

    /** Rebuilds the index from the store in the background; {@link #status()} shows how far it is. */
    public Future<?> rebuildInBackground() {
        return change("rebuild", () -> {
            rebuildNow(status -> {});
            return null;
        });
    }

    /**
     * Rebuilds the index from the store and returns when it is done, telling {@code progress} every few thousand
     * signals.
     */
    public IndexStatus rebuild(Consumer<IndexStatus> progress) {
        try {
            return worker.submit(() -> rebuildNow(progress)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilding the search index", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot rebuild the search index: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private IndexStatus rebuildNow(Consumer<IndexStatus> progress) throws IOException {
        long total = texts.count();
        rebuilding.set(new IndexStatus(true, 0, total));
        progress.accept(rebuilding.get());
        try {
            writer.deleteAll();
            long[] done = {0};
            texts.all(signal -> {
                if (closing) {
                    throw new IllegalStateException("Shutting down: the rebuild stops, uncommitted");
                }
                try {
                    writer.addDocument(SignalDocuments.document(signal));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                done[0]++;
                if (done[0] % 1_000 == 0) {
                    rebuilding.set(new IndexStatus(true, done[0], Math.max(total, done[0])));
                }
                if (done[0] % COMMIT_EVERY == 0) {
                    progress.accept(rebuilding.get());
                }
            });
            commit();
            IndexStatus finished = new IndexStatus(false, done[0], done[0]);
            progress.accept(finished);
            return finished;
        } finally {
            rebuilding.set(null);
        }
    }

    /** Queues a change; a failure is logged, and the next start finds the index out of step and rebuilds it. */
    private Future<?> change(String what, java.util.concurrent.Callable<Void> work) {
        return worker.submit(() -> {
            try {
                return work.call();
            } catch (Exception e) {
                if (!closing) {
                    LOG.error("Search index: cannot {}", what, e);
                }
                throw e;
            }
        });
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private long searcherCount() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops without interrupting the change under way (an interrupted write would break the index): queued changes are
     * dropped and a rebuild stops early, both uncommitted, so the next start finds the index out of step and rebuilds.
     */
    @Override
    public void destroy() throws Exception {
        closing = true;
        worker.getQueue().clear();
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
        searchers.close();
        writer.close();
        directory.close();
    }
}
