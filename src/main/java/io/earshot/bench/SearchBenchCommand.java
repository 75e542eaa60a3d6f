package io.earshot.bench;

import io.earshot.access.ApiTokens;
import io.earshot.access.BusinessUnit;
import io.earshot.access.DataScope;
import io.earshot.access.TokenScope;
import io.earshot.access.Units;
import io.earshot.platform.CommandContext;
import io.earshot.text.Embedder;
import io.earshot.text.EmotionClassifier;
import io.earshot.text.EmotionScore;
import io.earshot.text.IndexStatus;
import io.earshot.text.SearchIndex;
import io.earshot.text.SearchQuery;
import io.earshot.text.SearchResults;
import io.earshot.text.SentimentScore;
import io.earshot.text.SignalEmotions;
import io.earshot.text.SignalSentiments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code earshot bench-search [--signals 1000000] [--queries 500]}: fills a fresh store with signals carrying real
 * texts and their vectors, builds the search index from it with {@code SearchIndex.rebuild}, then times the same
 * queries through Earshot's search ({@link SearchIndex#search}, and {@code GET /api/v1/search} over HTTP) and through
 * raw Lucene on the same index, full-text and hybrid; prints the latency percentiles and their ratio.
 */
@Command(
        name = "bench-search",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark search latency against raw Lucene on the same index.",
            "Fills a fresh store in the data directory with signals whose texts are the shipped banking77 and CFPB texts"
                    + " (each distinct text embedded once; every signal gets its text's vector), builds the search index"
                    + " from it, and times held-out queries through Earshot's search API, over HTTP, and with raw Lucene."
                    + " Removes the store and index afterwards unless --keep is given."
        })
public class SearchBenchCommand implements Callable<Integer> {

    /** Lucene's field names in Earshot's index (the benchmark's consistency check fails if they change). */
    static final String ID = "id", TEXT = "text", VECTOR = "vector";

    private static final int PAGE = SearchQuery.PAGE_SIZE, NEIGHBOURS = 100, RRF_K = 60;

    /** The root command, {@code io.earshot.EarshotCommand}. */
    @ParentCommand
    CommandContext root;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--signals",
            paramLabel = "N",
            defaultValue = "1000000",
            description = "Signals in the index (default: ${DEFAULT-VALUE}).")
    long signals;

    @Option(
            names = "--queries",
            paramLabel = "N",
            defaultValue = "500",
            description = "Queries, each made of the words of a held-out text (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(
            names = "--warm-up",
            paramLabel = "ROUNDS",
            defaultValue = "2",
            description = "Untimed rounds over every query before the timed one (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(
            names = "--no-http",
            negatable = true,
            defaultValue = "true",
            description = "Also time GET /api/v1/search over HTTP on a started server (default: on).")
    boolean http;

    @Option(names = "--keep", description = "Keep the store and index in the data directory.")
    boolean keep;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        say(
                "Earshot search bench, %s: Java %s, %d cores, %.0f GiB RAM, max heap %d MiB; load average %s",
                ZonedDateTime.now(ZoneOffset.UTC).withNano(0),
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
                Runtime.getRuntime().maxMemory() >> 20,
                loadAverage());
        long started = System.nanoTime();
        Path cache = dataDir().resolve("bench-search-vectors.bin");
        boolean embedded = !Files.exists(cache);
        SearchCorpus corpus = SearchCorpus.load(queries, 42, cache);
        say(
                "%s %,d distinct texts in %.1f s (%,d banking77, %,d CFPB); %,d held-out texts make the queries",
                embedded ? "embedded" : "read the vectors (embedded by an earlier run, " + cache.getFileName() + ") of",
                corpus.texts().size(),
                seconds(started),
                corpus.themes().stream().filter(t -> t != null).count(),
                corpus.themes().stream().filter(t -> t == null).count(),
                corpus.queries().size());

        String name = "bench-search-" + signals + "-" + System.currentTimeMillis();
        List<String> properties = new ArrayList<>(List.of(
                "--earshot.store.file=" + name + ".duckdb",
                "--earshot.search.index-dir=${earshot.data-dir}/" + name + "-index",
                "--earshot.search.rebuild-on-start=false"));
        if (http) {
            properties.addAll(List.of("--spring.main.web-application-type=servlet", "--server.port=0"));
        }
        Path dataDir;
        try (ConfigurableApplicationContext context = root.startContext(properties.toArray(String[]::new))) {
            dataDir = Path.of(context.getEnvironment().getRequiredProperty("earshot.data-dir"));
            run(context, corpus, dataDir.resolve(name + "-index"));
        }
        if (!keep) {
            delete(dataDir.resolve(name + ".duckdb"));
            delete(dataDir.resolve(name + ".duckdb.wal"));
            delete(dataDir.resolve(name + "-index"));
        }
        return 0;
    }

    /** The data directory, as the root command resolves it, without starting a context. */
    private Path dataDir() {
        Path root = spec.root().commandLine().getParseResult().matchedOptionValue("--data-dir", Path.of("./data"));
        Path own = spec.commandLine().getParseResult().matchedOptionValue("--data-dir", root);
        try {
            Files.createDirectories(own);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + own, e);
        }
        return own.toAbsolutePath().normalize();
    }

    private void run(ConfigurableApplicationContext context, SearchCorpus corpus, Path indexDir) throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        long started = System.nanoTime();
        fill(jdbc, corpus);
        say(
                "stored %,d signals with their vectors, sentiment, emotions and themes in %.1f s",
                signals, seconds(started));

        SearchIndex index = context.getBean(SearchIndex.class);
        long rebuilding = System.nanoTime();
        IndexStatus built = index.rebuild(status -> {
            if (status.building() && status.indexed() % 200_000 == 0 && status.indexed() > 0) {
                say("  indexed %,d of %,d (%.0f s)", status.indexed(), status.total(), seconds(rebuilding));
            }
        });
        double rebuild = seconds(rebuilding);
        try (var directory = FSDirectory.open(indexDir);
                DirectoryReader reader = DirectoryReader.open(directory)) {
            say(
                    "rebuilt the index (SearchIndex.rebuild) in %.1f s: %,d documents, %d segments, %,.0f MiB on disk",
                    rebuild, built.indexed(), reader.leaves().size(), size(indexDir) / (1024.0 * 1024));
            measure(context, index, new IndexSearcher(reader), corpus.queries());
        }
    }

    /** Signals with the corpus texts spread over them, plus each one's vector, sentiment and theme. */
    private void fill(JdbcTemplate jdbc, SearchCorpus corpus) {
        jdbc.execute("CREATE TABLE bench_text (n INTEGER, text VARCHAR, theme INTEGER, vector FLOAT[384],"
                + " sentiment VARCHAR, score DOUBLE, negative DOUBLE, neutral DOUBLE, positive DOUBLE)");
        Map<String, Integer> themes = new LinkedHashMap<>();
        corpus.themes().forEach(theme -> {
            if (theme != null) {
                themes.putIfAbsent(theme, themes.size() + 1);
            }
        });
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < corpus.texts().size(); i++) {
            SentimentScore sentiment = corpus.sentiments().get(i);
            rows.add(new Object[] {
                i,
                corpus.texts().get(i),
                corpus.themes().get(i) == null
                        ? null
                        : themes.get(corpus.themes().get(i)),
                literal(corpus.vectors().get(i)),
                sentiment.sentiment().label(),
                sentiment.score(),
                sentiment.negative(),
                sentiment.neutral(),
                sentiment.positive()
            });
        }
        jdbc.batchUpdate("INSERT INTO bench_text VALUES (?, ?, ?, CAST(? AS FLOAT[384]), ?, ?, ?, ?, ?)", rows);
        // each text's emotions, as the background job stores them from its vector (up to three per signal)
        jdbc.execute("CREATE TABLE bench_emotion (n INTEGER, emotion VARCHAR, probability DOUBLE)");
        EmotionClassifier emotions = EmotionClassifier.shipped();
        List<Object[]> felt = new ArrayList<>();
        for (int i = 0; i < corpus.texts().size(); i++) {
            for (EmotionScore emotion :
                    emotions.classifyEmbedding(corpus.vectors().get(i))) {
                felt.add(new Object[] {i, emotion.emotion(), emotion.probability()});
            }
        }
        jdbc.batchUpdate("INSERT INTO bench_emotion VALUES (?, ?, ?)", felt);
        themes.forEach((label, id) -> jdbc.update(
                "INSERT INTO theme (id, label, key_phrases, status, created_at, updated_at)"
                        + " VALUES (?, ?, ?, 'active', now(), now())",
                id,
                label.replace('_', ' '),
                label.replace('_', ' ')));
        jdbc.update("""
                INSERT INTO signal (id, source, external_id, customer_id, occurred_at, received_at, channel, region,
                                    segment, product, nps, text, provenance, import_id)
                SELECT uuid(), ['survey', 'survey', 'survey', 'chat', 'review'][1 + i % 5], 'b' || i, 'C' || (i % 200000),
                       TIMESTAMP '2026-11-30 12:00:00' - to_days(CAST(i % 730 AS INTEGER))
                           - to_seconds(CAST(hash(i) % 86400 AS BIGINT)),
                       TIMESTAMP '2026-12-01 00:00:00',
                       ['app', 'web', 'phone', 'branch'][1 + i % 4],
                       ['North', 'South', 'East', 'West', 'Central'][1 + (i // 7) % 5],
                       ['Retail', 'Business', 'Premium'][1 + (i // 3) % 3],
                       ['cards', 'loans', 'savings', 'mortgage'][1 + (i // 11) % 4],
                       CAST(hash(i * 7) % 11 AS TINYINT), t.text, 'bench-search', '00000000-0000-0000-0000-000000000000'
                FROM range(?) r(i) JOIN bench_text t ON t.n = CAST(hash(i) % ? AS INTEGER)""", signals, corpus.texts().size());
        jdbc.update(
                "INSERT INTO signal_embedding (signal_id, model, vector)"
                        + " SELECT s.id, ?, t.vector FROM signal s JOIN bench_text t ON t.text = s.text",
                Embedder.MODEL);
        jdbc.update(
                "INSERT INTO signal_sentiment (signal_id, model, sentiment, score, negative, neutral, positive)"
                        + " SELECT s.id, ?, t.sentiment, t.score, t.negative, t.neutral, t.positive"
                        + " FROM signal s JOIN bench_text t ON t.text = s.text",
                SignalSentiments.MODEL);
        jdbc.update(
                "INSERT INTO signal_emotion (signal_id, model, emotion, probability)"
                        + " SELECT s.id, ?, m.emotion, m.probability"
                        + " FROM signal s JOIN bench_text t ON t.text = s.text JOIN bench_emotion m ON m.n = t.n",
                SignalEmotions.MODEL);
        jdbc.update("INSERT INTO signal_theme (signal_id, theme_id, similarity)"
                + " SELECT s.id, t.theme, 0.8 FROM signal s JOIN bench_text t ON t.text = s.text"
                + " WHERE t.theme IS NOT NULL");
        jdbc.execute("DROP TABLE bench_text");
        jdbc.execute("DROP TABLE bench_emotion");
        jdbc.execute("CHECKPOINT");
    }

    private void measure(
            ConfigurableApplicationContext context, SearchIndex index, IndexSearcher raw, List<String> texts)
            throws Exception {
        QueryParser parser = new QueryParser(TEXT, new EnglishAnalyzer());
        parser.setDefaultOperator(QueryParser.Operator.AND);
        List<Query> words = new ArrayList<>();
        for (String text : texts) {
            words.add(parse(parser, text));
        }
        Http client = http ? Http.start(context) : null;
        int n = texts.size();
        Map<String, double[]> timed = new LinkedHashMap<>();
        for (String path : List.of(
                "full-text: Earshot SearchIndex.search",
                "full-text: Earshot GET /api/v1/search",
                "full-text: raw Lucene",
                "hybrid: Earshot SearchIndex.search",
                "hybrid: Earshot GET /api/v1/search",
                "hybrid: raw Lucene + query embedding",
                "hybrid: raw Lucene (query vector given)",
                "query embedding alone",
                "find similar: Earshot SearchIndex.similar",
                "find similar: raw Lucene (vector given)")) {
            timed.put(path, new double[n]);
        }
        // "find similar" from signals spread over the index: each one's id, and its vector for the raw side
        UUID[] similarTo = new UUID[n];
        float[][] similarVectors = new float[n][];
        for (int q = 0; q < n; q++) {
            int doc = (int) ((long) q * raw.getIndexReader().maxDoc() / n);
            similarTo[q] =
                    UUID.fromString(raw.storedFields().document(doc, Set.of(ID)).get(ID));
            similarVectors[q] = vectorOf(raw, doc);
        }
        long[] totals = new long[n];
        int differ = 0;
        for (int q = 0; q < n; q++) {
            long earshot = index.search(text(texts.get(q), SearchQuery.Mode.TEXT), DataScope.EVERYTHING)
                    .total();
            if (earshot != raw.count(words.get(q))) {
                differ++;
            }
        }
        say(
                "same query check: %d of %d full-text queries count different matches in Earshot and raw Lucene",
                differ, n);
        say("load average before the queries: %s; %d warm-up round(s), then one timed", loadAverage(), warmUp);
        for (int round = 0; round <= warmUp; round++) {
            boolean timing = round == warmUp;
            for (int q = 0; q < n; q++) {
                String text = texts.get(q);
                Query query = words.get(q);
                // alternate which runs first, so that neither side always finds the caches warmed by the other
                List<Runnable> steps = new ArrayList<>();
                int at = q;
                steps.add(() -> {
                    long t = System.nanoTime();
                    SearchResults results = index.search(text(text, SearchQuery.Mode.TEXT), DataScope.EVERYTHING);
                    record(timed, "full-text: Earshot SearchIndex.search", at, t, timing);
                    totals[at] = results.total();
                    t = System.nanoTime();
                    index.search(text(text, SearchQuery.Mode.HYBRID), DataScope.EVERYTHING);
                    record(timed, "hybrid: Earshot SearchIndex.search", at, t, timing);
                    t = System.nanoTime();
                    index.similar(similarTo[at], SearchQuery.of(null), DataScope.EVERYTHING);
                    record(timed, "find similar: Earshot SearchIndex.similar", at, t, timing);
                });
                steps.add(() -> {
                    try {
                        long t = System.nanoTime();
                        raw.search(query, PAGE);
                        record(timed, "full-text: raw Lucene", at, t, timing);
                        t = System.nanoTime();
                        float[] vector = Embedder.shared().embed(text);
                        double embedding = (System.nanoTime() - t) / 1e6;
                        long searching = System.nanoTime();
                        rawHybrid(raw, query, vector);
                        record(timed, "hybrid: raw Lucene (query vector given)", at, searching, timing);
                        t = System.nanoTime();
                        raw.search(new KnnFloatVectorQuery(VECTOR, similarVectors[at], NEIGHBOURS + 1), PAGE);
                        record(timed, "find similar: raw Lucene (vector given)", at, t, timing);
                        if (timing) {
                            timed.get("query embedding alone")[at] = embedding;
                            timed.get("hybrid: raw Lucene + query embedding")[at] =
                                    embedding + timed.get("hybrid: raw Lucene (query vector given)")[at];
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                if (client != null) {
                    steps.add(() -> {
                        long t = System.nanoTime();
                        client.search(text, "text");
                        record(timed, "full-text: Earshot GET /api/v1/search", at, t, timing);
                        t = System.nanoTime();
                        client.search(text, "hybrid");
                        record(timed, "hybrid: Earshot GET /api/v1/search", at, t, timing);
                    });
                }
                if (q % 2 == 1) {
                    java.util.Collections.reverse(steps);
                }
                steps.forEach(Runnable::run);
            }
        }
        String load = loadAverage();
        long[] sortedTotals = totals.clone();
        Arrays.sort(sortedTotals);
        say(
                "matches per full-text query: median %,d, p90 %,d, most %,d; %d of %d queries match nothing",
                sortedTotals[n / 2],
                sortedTotals[(int) (n * 0.9)],
                sortedTotals[n - 1],
                Arrays.stream(totals).filter(t -> t == 0).count(),
                n);
        say("load average after the queries: %s", load);
        print(timed, client != null);
    }

    private void print(Map<String, double[]> timed, boolean withHttp) {
        Map<String, SearchLatencies> latencies = new LinkedHashMap<>();
        timed.forEach((path, millis) -> {
            if (withHttp || !path.contains("GET")) {
                latencies.put(path, new SearchLatencies(path, millis));
            }
        });
        out.println();
        out.println("| path | queries | p50 | p95 | p99 |");
        out.println("| --- | ---: | ---: | ---: | ---: |");
        latencies.values().forEach(l -> out.println(l.row()));
        out.println();
        ratio(latencies, "full-text: Earshot SearchIndex.search", "full-text: raw Lucene");
        ratio(latencies, "hybrid: Earshot SearchIndex.search", "hybrid: raw Lucene + query embedding");
        ratio(latencies, "find similar: Earshot SearchIndex.similar", "find similar: raw Lucene (vector given)");
        if (withHttp) {
            ratio(latencies, "full-text: Earshot GET /api/v1/search", "full-text: raw Lucene");
            ratio(latencies, "hybrid: Earshot GET /api/v1/search", "hybrid: raw Lucene + query embedding");
        }
        target(latencies, "full-text: Earshot SearchIndex.search", 25);
        target(latencies, "hybrid: Earshot SearchIndex.search", 50);
        if (withHttp) {
            target(latencies, "full-text: Earshot GET /api/v1/search", 25);
            target(latencies, "hybrid: Earshot GET /api/v1/search", 50);
        }
        out.flush();
    }

    private void ratio(Map<String, SearchLatencies> latencies, String earshot, String raw) {
        SearchLatencies a = latencies.get(earshot), b = latencies.get(raw);
        say(
                "%s ÷ %s: p50 %.2f×, p95 %.2f×, p99 %.2f×",
                earshot, raw, a.p50() / b.p50(), a.p95() / b.p95(), a.p99() / b.p99());
    }

    private void target(Map<String, SearchLatencies> latencies, String path, double millis) {
        double p99 = latencies.get(path).p99();
        say("%s: p99 %.2f ms %s the target of %.0f ms", path, p99, p99 < millis ? "meets" : "MISSES", millis);
    }

    /** The vector indexed for document {@code doc}. */
    private static float[] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        KnnVectorValues.DocIndexIterator iterator = values.iterator();
        if (iterator.advance(doc - leaf.docBase) != doc - leaf.docBase) {
            throw new IllegalStateException("Benchmark document " + doc + " has no vector");
        }
        return values.vectorValue(iterator.index()).clone();
    }

    /** BM25 top 100 and the 100 nearest neighbours, fused by reciprocal rank, as Earshot's hybrid ranking does. */
    private static ScoreDoc[] rawHybrid(IndexSearcher searcher, Query words, float[] vector) throws IOException {
        ScoreDoc[] byWords = searcher.search(words, NEIGHBOURS).scoreDocs;
        ScoreDoc[] byMeaning =
                searcher.search(new KnnFloatVectorQuery(VECTOR, vector, NEIGHBOURS), NEIGHBOURS).scoreDocs;
        Map<Integer, Float> fused = new HashMap<>();
        for (ScoreDoc[] list : List.of(byWords, byMeaning)) {
            for (int rank = 0; rank < list.length; rank++) {
                fused.merge(list[rank].doc, 1f / (RRF_K + rank + 1), Float::sum);
            }
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed())
                .limit(PAGE)
                .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .toArray(ScoreDoc[]::new);
    }

    private static SearchQuery text(String text, SearchQuery.Mode mode) {
        return new SearchQuery(text, Map.of(), null, null, null, mode, 1);
    }

    private static Query parse(QueryParser parser, String text) {
        try {
            return parser.parse(text);
        } catch (ParseException e) {
            throw new IllegalStateException("A benchmark query cannot be read: " + text, e);
        }
    }

    private static void record(Map<String, double[]> timed, String path, int q, long started, boolean timing) {
        if (timing) {
            timed.get(path)[q] = (System.nanoTime() - started) / 1e6;
        }
    }

    /** A client of the started server's search API, with a read token of the company unit. */
    private record Http(HttpClient client, String base, String token) {

        static Http start(ConfigurableApplicationContext context) {
            Units units = context.getBean(Units.class);
            String company = units.all().stream()
                    .filter(BusinessUnit::isCompany)
                    .findFirst()
                    .orElseGet(() -> units.create("company", "Company", null))
                    .id();
            String token = context.getBean(ApiTokens.class)
                    .create("bench-search", Set.of(TokenScope.READ), Set.of(company))
                    .text();
            String port = context.getEnvironment().getRequiredProperty("local.server.port");
            return new Http(HttpClient.newHttpClient(), "http://localhost:" + port, token);
        }

        void search(String text, String mode) {
            try {
                HttpResponse<String> response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/v1/search?mode=" + mode + "&q="
                                        + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "GET /api/v1/search answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(file -> file.toFile().length())
                    .sum();
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void say(String format, Object... args) {
        out.printf(Locale.ROOT, format + "%n", args);
        out.flush();
    }
}
