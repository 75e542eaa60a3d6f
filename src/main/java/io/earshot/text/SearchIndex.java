package io.earshot.text;

import io.earshot.access.DataScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The full-text index of every signal, in {@code <data-dir>/index/signals}: BM25 over the texts, with every signal
 * field, the time and the scores for filters, and the viewer's data scope applied to every search. It is derived from
 * the store and can be rebuilt from it at any time; all changes run one at a time on a background thread, so
 * ingestion never waits for indexing.
 */
@Service
public class SearchIndex implements DisposableBean {

    /** The layout of the documents; an index written with another is rebuilt. */
    static final String LAYOUT_VERSION = "1";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SearchIndex.class);
    /** Nearest texts by meaning that a semantic or hybrid search considers. */
    static final int NEIGHBOURS = 100;

    private static final Sort NEWEST_FIRST =
            new Sort(new SortField(SignalDocuments.OCCURRED_AT, SortField.Type.LONG, true));
    private static final String VERSION_KEY = "earshot.layout";
    private static final int COMMIT_EVERY = 20_000;

    private final SignalTexts texts;
    private final boolean semantic;
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

    SearchIndex(
            SignalTexts texts,
            @Value("${earshot.data-dir}") Path dataDir,
            @Value("${earshot.search.semantic:false}") boolean semantic) {
        this.texts = texts;
        this.semantic = semantic;
        String layout = LAYOUT_VERSION + (semantic ? "+" + Embedder.MODEL : "");
        try {
            directory = FSDirectory.open(dataDir.resolve("index").resolve("signals"));
            current = DirectoryReader.indexExists(directory)
                    && layout.equals(SegmentInfos.readLatestCommit(directory)
                            .getUserData()
                            .get(VERSION_KEY));
            IndexWriterConfig config = new IndexWriterConfig(analyzer);
            // every change commits when complete: a rebuild cut short by shutdown must not leave half an index behind
            config.setCommitOnClose(false);
            config.setOpenMode(current ? IndexWriterConfig.OpenMode.APPEND : IndexWriterConfig.OpenMode.CREATE);
            writer = new IndexWriter(directory, config);
            writer.setLiveCommitData(Map.of(VERSION_KEY, layout).entrySet());
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index under " + dataDir.resolve("index"), e);
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
     * total and facet counts.
     *
     * @throws SearchSyntaxException when the query's words cannot be read
     */
    public SearchResults search(SearchQuery query, DataScope scope) {
        SearchQuery.Mode mode = modeOf(query);
        Query filters = SignalQueries.filters(query, scope);
        Query words = query.text() == null || mode == SearchQuery.Mode.SEMANTIC
                ? null
                : filtered(SignalQueries.words(query.text(), analyzer), filters);
        Query meaning = query.text() == null || mode == SearchQuery.Mode.TEXT
                ? null
                : new KnnFloatVectorQuery(
                        SignalDocuments.VECTOR, Embedder.shared().embed(query.text()), NEIGHBOURS, filters);
        Query matched = query.text() == null
                ? filtered(new MatchAllDocsQuery(), filters)
                : switch (mode) {
                    case TEXT -> words;
                    case SEMANTIC -> meaning;
                    case HYBRID ->
                        new BooleanQuery.Builder()
                                .add(words, Occur.SHOULD)
                                .add(meaning, Occur.SHOULD)
                                .build();
                };
        return run(
                query,
                matched,
                words,
                query.text() != null,
                (searcher, wanted) -> query.text() == null
                        ? searcher.search(matched, wanted, NEWEST_FIRST).scoreDocs
                        : switch (mode) {
                            case TEXT -> searcher.search(words, wanted).scoreDocs;
                            case SEMANTIC -> searcher.search(meaning, wanted).scoreDocs;
                            case HYBRID ->
                                ReciprocalRanks.fuse(
                                        searcher.search(words, Math.max(wanted, NEIGHBOURS)).scoreDocs,
                                        searcher.search(meaning, NEIGHBOURS).scoreDocs);
                        });
    }

    /**
     * One page of the signals nearest in meaning to signal {@code id} (itself left out), among those the filters of
     * {@code query} select and {@code scope} lets its viewer see; its words and mode are ignored. Nothing when the
     * viewer may not see {@code id} or it has no text.
     *
     * @throws IllegalArgumentException when texts are not embedded ({@link #isSemantic()})
     */
    public SearchResults similar(UUID id, SearchQuery query, DataScope scope) {
        modeOf(query.in(SearchQuery.Mode.SEMANTIC));
        Optional<String> text = textOf(id, scope);
        if (text.isEmpty()) {
            return new SearchResults(query, 0, List.of(), Map.of(), status());
        }
        Query others = new BooleanQuery.Builder()
                .add(SignalQueries.filters(query, scope), Occur.FILTER)
                .add(new TermQuery(new Term(SignalDocuments.ID, id.toString())), Occur.MUST_NOT)
                .build();
        Query meaning = new KnnFloatVectorQuery(
                SignalDocuments.VECTOR, Embedder.shared().embed(text.get()), NEIGHBOURS, others);
        return run(query, meaning, null, true, (searcher, wanted) -> searcher.search(meaning, wanted).scoreDocs);
    }

    /** The text of signal {@code id}, if {@code scope} lets its viewer see it. */
    public Optional<String> textOf(UUID id, DataScope scope) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Query visible = filtered(
                        new TermQuery(new Term(SignalDocuments.ID, id.toString())), SignalQueries.scope(scope));
                ScoreDoc[] found = searcher.search(visible, 1).scoreDocs;
                return found.length == 0
                        ? Optional.empty()
                        : Optional.ofNullable(searcher.storedFields()
                                .document(found[0].doc, Set.of(SignalDocuments.TEXT))
                                .get(SignalDocuments.TEXT));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    /** How a search orders its hits: the first {@code wanted}, best first. */
    private interface Ranking {
        ScoreDoc[] rank(IndexSearcher searcher, int wanted) throws IOException;
    }

    private SearchResults run(SearchQuery query, Query matched, Query words, boolean scored, Ranking ranking) {
        IndexStatus status = status();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                FacetCounts.Counts counts = searcher.search(matched, FacetCounts.manager(SearchResults.FACET_FIELDS));
                int wanted = query.page() * SearchQuery.PAGE_SIZE;
                ScoreDoc[] ranked = ranking.rank(searcher, wanted);
                ScoreDoc[] page = Arrays.copyOfRange(
                        ranked,
                        Math.min(ranked.length, wanted - SearchQuery.PAGE_SIZE),
                        Math.min(ranked.length, wanted));
                String[] snippets = snippets(searcher, words, page);
                StoredFields stored = searcher.storedFields();
                List<SearchHit> hits = new ArrayList<>();
                for (int i = 0; i < page.length; i++) {
                    hits.add(SignalDocuments.hit(stored, page[i].doc, scored ? page[i].score : 0, snippets[i]));
                }
                return new SearchResults(query, counts.total(), hits, counts.facets(), status);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the search index", e);
        }
    }

    /** Whether texts are embedded, so that semantic and hybrid search are available. */
    public boolean isSemantic() {
        return semantic;
    }

    /** The mode a search runs in: as asked, or hybrid when texts are embedded and text otherwise. */
    SearchQuery.Mode modeOf(SearchQuery query) {
        if (query.mode() == null) {
            return semantic ? SearchQuery.Mode.HYBRID : SearchQuery.Mode.TEXT;
        }
        if (query.mode() != SearchQuery.Mode.TEXT && !semantic) {
            throw new IllegalArgumentException("Search by meaning is switched off on this server (set"
                    + " earshot.search.semantic=true to embed texts when indexing); use mode=text");
        }
        return query.mode();
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

    private org.apache.lucene.document.Document document(IndexedSignal signal) {
        boolean embed = semantic && signal.text() != null && !signal.text().isBlank();
        return SignalDocuments.document(signal, embed ? Embedder.shared().embed(signal.text()) : null);
    }

    /** Indexes the signals an import added, in the background; returns at once. */
    public Future<?> indexImport(UUID importId) {
        return change("index import " + importId, () -> {
            List<IndexedSignal> batch = new ArrayList<>();
            texts.ofImport(importId, batch::add);
            for (IndexedSignal signal : batch) {
                writer.updateDocument(new Term(SignalDocuments.ID, signal.id().toString()), document(signal));
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
                    writer.addDocument(document(signal));
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
