package io.earshot.text;

import io.earshot.signal.CustomerErased;
import io.earshot.signal.SignalsDeleted;
import io.earshot.signal.SignalsIngested;
import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The embedding of every stored signal text, computed once and kept in {@code signal_embedding}, with the sentiment
 * ({@link SignalSentiments}) and emotions ({@link SignalEmotions}) read from it. A text is embedded once however many
 * signals say it word for word: a signal whose text another signal already has copies that signal's vector, sentiment
 * and emotions, and the texts left in a batch are embedded once each. A background job embeds what has none yet: at
 * start, and after each import. It works in batches read again from the store each time, so a restart resumes where it
 * stopped, and it writes to its own table, so imports never wait for it. Switched off
 * with {@code earshot.text.embeddings.backfill=false} (the tests do, except their own).
 */
@Service
public class SignalEmbeddings {

    private static final Logger log = LoggerFactory.getLogger(SignalEmbeddings.class);

    /** Texts embedded per batch: small enough that progress moves and a stop loses little. */
    static final int BATCH = 256;

    private final JdbcTemplate jdbc;
    private final SignalSentiments sentiments;
    private final SignalEmotions emotions;
    private final ApplicationEventPublisher events;
    private final Function<String, float[]> model;
    private final boolean backfill;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "embedding-backfill");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private final java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(
            Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean running;

    /**
     * The last counts of {@link #progress()} and when they were taken: pages and every search response show them, and
     * counting both tables on each request cost more than the search itself on a large store. Dropped whenever this
     * class learns of a change (a batch embedded, an import, a deletion); other writers are seen within {@link
     * #COUNTS_KEPT}.
     */
    private final java.util.concurrent.atomic.AtomicReference<Counted> counted =
            new java.util.concurrent.atomic.AtomicReference<>();

    /** Whether a background count is under way. */
    private final AtomicBoolean recounting = new AtomicBoolean();

    private record Counted(long embedded, long total, long at) {}

    static final long COUNTS_KEPT = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    @Autowired
    SignalEmbeddings(
            JdbcTemplate jdbc,
            SignalSentiments sentiments,
            SignalEmotions emotions,
            ApplicationEventPublisher events,
            @Value("${earshot.text.embeddings.backfill:true}") boolean backfill) {
        this(
                jdbc,
                sentiments,
                emotions,
                events,
                backfill,
                text -> Embedder.shared().embed(text));
    }

    /** A backfill that embeds with {@code model} (the tests count its calls). */
    SignalEmbeddings(
            JdbcTemplate jdbc,
            SignalSentiments sentiments,
            SignalEmotions emotions,
            ApplicationEventPublisher events,
            boolean backfill,
            Function<String, float[]> model) {
        this.jdbc = jdbc;
        this.sentiments = sentiments;
        this.emotions = emotions;
        this.events = events;
        this.backfill = backfill;
        this.model = model;
    }

    /** The vectors of the given signals that have one. */
    public Map<UUID, float[]> vectors(Collection<UUID> signalIds) {
        Map<UUID, float[]> vectors = new HashMap<>();
        ModelRows.read(jdbc, "SELECT signal_id, vector FROM signal_embedding", signalIds, Embedder.MODEL, r -> {
            vectors.put(r.getObject(1, UUID.class), floats(r.getArray(2)));
        });
        return vectors;
    }

    /**
     * How far the embedding has come: counts taken after the last change this class learned of, at most {@link
     * #COUNTS_KEPT} old when read; older counts are served while a background thread counts again, so that no
     * request waits for two counts over the whole store.
     */
    public EmbeddingProgress progress() {
        Counted last = counted.get();
        if (last == null) {
            last = count();
            counted.set(last);
        } else if (System.nanoTime() - last.at() > COUNTS_KEPT && recounting.compareAndSet(false, true)) {
            Counted seen = last;
            Thread.ofVirtual().name("embedding-progress").start(() -> {
                try {
                    // a change learned of meanwhile dropped the counts: the next request counts afresh
                    counted.compareAndSet(seen, count());
                } catch (RuntimeException e) {
                    log.debug("Counting the embedded texts failed: {}", e.toString());
                } finally {
                    recounting.set(false);
                }
            });
        }
        return new EmbeddingProgress(last.embedded(), last.total(), running);
    }

    private Counted count() {
        return jdbc.queryForObject(
                "SELECT (SELECT count(*) FROM signal_embedding WHERE model = ?),"
                        + " (SELECT count(*) FROM signal WHERE text IS NOT NULL)",
                (r, i) -> new Counted(r.getLong(1), r.getLong(2), System.nanoTime()),
                Embedder.MODEL);
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        request();
    }

    @EventListener
    void afterImport(SignalsIngested ingested) {
        counted.set(null);
        request();
    }

    /**
     * Drops the vectors of signals that are gone (retention, erasure): derived records must not outlive their signal.
     * The events carry no ids, so an anti-join finds them.
     */
    @EventListener({SignalsDeleted.class, CustomerErased.class})
    public long dropOrphans() {
        counted.set(null);
        return sentiments.dropOrphans()
                + emotions.dropOrphans()
                + jdbc.update(
                        "DELETE FROM signal_embedding WHERE NOT EXISTS (SELECT 1 FROM signal s WHERE s.id = signal_id)");
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        worker.shutdownNow();
        pool.shutdownNow();
    }

    /** Asks the background job to embed what has no vector yet; a request while one is queued adds nothing. */
    public void request() {
        if (backfill && queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    embedMissing();
                } catch (RuntimeException e) {
                    log.warn("Embedding the stored texts stopped: {}", e.toString(), e);
                }
            });
        }
    }

    /**
     * Embeds every stored text without a vector of the current model, batch by batch; returns how many signals got a
     * vector (copied from an identical text or computed). Each batch first copies from signals with the identical text
     * already embedded, then embeds each distinct text left once, and publishes {@link TextsEmbedded} with every signal
     * of the batch.
     */
    public long embedMissing() {
        running = true;
        counted.set(null);
        long done = 0;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                record Missing(UUID id, String text) {}
                List<Missing> batch = jdbc.query(
                        """
                        SELECT s.id, s.text FROM signal s
                        WHERE s.text IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id AND e.model = ?)
                        ORDER BY s.id LIMIT ?""", (r, i) -> new Missing(r.getObject(1, UUID.class), r.getString(2)), Embedder.MODEL, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                List<UUID> ids = batch.stream().map(Missing::id).toList();
                Set<UUID> copied = copyFromIdenticalTexts(ids);
                Map<String, List<UUID>> byText = new LinkedHashMap<>();
                for (Missing missing : batch) {
                    if (!copied.contains(missing.id())) {
                        byText.computeIfAbsent(missing.text(), text -> new ArrayList<>())
                                .add(missing.id());
                    }
                }
                List<String> texts = List.copyOf(byText.keySet());
                List<List<UUID>> groups = List.copyOf(byText.values());
                List<float[]> vectors = embed(texts);
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (int i = 0; i < groups.size(); i++) {
                    String vector = literal(vectors.get(i));
                    for (UUID id : groups.get(i)) {
                        rows.add(new Object[] {id, Embedder.MODEL, vector});
                    }
                }
                jdbc.batchUpdate(
                        "INSERT INTO signal_embedding (signal_id, model, vector) VALUES (?, ?, CAST(? AS FLOAT[384]))",
                        rows);
                sentiments.write(groups, texts, vectors);
                emotions.write(groups, vectors);
                counted.set(null);
                events.publishEvent(new TextsEmbedded(ids));
                done += batch.size();
            }
            // the index keeps sentiment and emotions with each signal: it indexes again those filled in here
            done += sentiments.fillMissing(BATCH, ids -> events.publishEvent(new TextsAnalysed(ids)));
            emotions.fillMissing(BATCH, ids -> events.publishEvent(new TextsAnalysed(ids)));
        } finally {
            running = false;
        }
        if (done > 0) {
            log.info("Embedded {} signal texts", done);
        }
        return done;
    }

    /**
     * Gives the signals whose text an embedded signal already has that signal's vector, sentiment and emotions; returns
     * those that got a vector.
     */
    private Set<UUID> copyFromIdenticalTexts(List<UUID> ids) {
        if (IdenticalTexts.copy(jdbc, "signal_embedding", "vector", Embedder.MODEL, ids) == 0) {
            return Set.of();
        }
        Set<UUID> copied = new HashSet<>(ModelRows.ids(jdbc, "signal_embedding", ids, Embedder.MODEL));
        List<UUID> those = List.copyOf(copied);
        sentiments.copyFromIdenticalTexts(those);
        emotions.copyFromIdenticalTexts(those);
        return copied;
    }

    /**
     * Embeds on all cores but one (at least one), so that pages and imports stay quick while a large store is
     * embedded in the background.
     */
    private List<float[]> embed(List<String> texts) {
        try {
            return pool.submit(() -> texts.parallelStream().map(model).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Embedding failed: " + e.getCause(), e.getCause());
        }
    }

    private static String literal(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }

    private static float[] floats(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        return vector;
    }
}
