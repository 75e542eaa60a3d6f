package io.earshot.text;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The stored themes of the signals and their discovery: clusters the cached vectors of the signals of the last days
 * ({@link ThemeDiscovery}), matches the clusters to the stored themes so that ids and analysts' edits survive
 * ({@link ThemeRecomputation}), and writes the result in one transaction. Discovery runs on one background thread, with
 * progress readable at any time; each run is recorded in {@code theme_run} before it starts, so a run cut short by a
 * stop is run again at the next start. Reads only the derived tables, so imports never wait for it.
 */
@Service
public class ThemeCatalogue {

    private static final Logger log = LoggerFactory.getLogger(ThemeCatalogue.class);

    /** The default selection: signals that occurred in the last 90 days. */
    public static final int DEFAULT_DAYS = 90;

    /** The most themes one may ask for. */
    public static final int MAX_K = 500;

    /** The longest selection, in days (ten years). */
    public static final int MAX_DAYS = 3_650;

    private static final int READ_CHUNK = 2_000;

    /**
     * The signals whose theme a recomputation changed (new, moved or no longer in a theme), by comparing the
     * assignments before and after inside the recomputation's transaction.
     */
    private static final String MOVED = """
            SELECT coalesce(now.signal_id, before.signal_id)
            FROM signal_theme now FULL JOIN previous_theme before ON now.signal_id = before.signal_id
            WHERE now.theme_id IS DISTINCT FROM before.theme_id""";

    /** Up to this many moved signals the index refreshes just them; beyond, it is rebuilt from the store. */
    static final int MOST_MOVED = 200_000;

    private final JdbcTemplate jdbc;
    private final StoredThemes themes;
    private final ThemeAssignment assignment;
    private final SignalEmbeddings embeddings;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final boolean backfill;
    private final boolean resumeOnStart;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "theme-discovery");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });
    private volatile ThemeProgress progress;
    private volatile Integer queued;

    ThemeCatalogue(
            JdbcTemplate jdbc,
            StoredThemes themes,
            ThemeAssignment assignment,
            SignalEmbeddings embeddings,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${earshot.text.embeddings.backfill:true}") boolean backfill,
            @Value("${earshot.text.themes.resume-on-start:true}") boolean resumeOnStart) {
        this.jdbc = jdbc;
        this.themes = themes;
        this.assignment = assignment;
        this.embeddings = embeddings;
        this.events = events;
        this.clock = clock;
        this.backfill = backfill;
        this.resumeOnStart = resumeOnStart;
    }

    /**
     * Asks for a discovery in the background; returns its run id, or the id of the run already queued or running.
     *
     * @param k the number of themes, or 0 to choose it
     * @param days the selection: signals that occurred in the last this many days
     * @param actor who asks, for the record
     */
    public synchronized int discover(int k, int days, String actor) {
        check(k, days);
        if (queued != null) {
            return queued;
        }
        int run = start(k, days, actor);
        queued = run;
        worker.execute(() -> runQuietly(run));
        return run;
    }

    /** Runs a discovery on the calling thread (the command line), telling {@code listener} how far it is. */
    public ThemeRun discoverNow(int k, int days, String actor, Consumer<ThemeProgress> listener) {
        check(k, days);
        int run = start(k, days, actor);
        execute(run, listener);
        return run(run).orElseThrow();
    }

    /** The discovery running now, if any. */
    public Optional<ThemeProgress> progress() {
        return Optional.ofNullable(progress);
    }

    /** Whether a discovery is queued or running in this process. */
    public boolean busy() {
        return queued != null;
    }

    /** The latest run, whatever its status. */
    public Optional<ThemeRun> lastRun() {
        return jdbc.query(RUN_COLUMNS + " ORDER BY id DESC LIMIT 1", ThemeCatalogue::run).stream()
                .findFirst();
    }

    Optional<ThemeRun> run(int id) {
        return jdbc.query(RUN_COLUMNS + " WHERE id = ?", ThemeCatalogue::run, id).stream()
                .findFirst();
    }

    /**
     * At start: runs again a discovery a stop cut short; and when the embedding runs in the background (the demo, a
     * server), discovers themes for a store whose texts are all embedded but has none yet.
     */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        if (resumeOnStart && resumeInterrupted().isPresent()) {
            return;
        }
        discoverIfNone();
    }

    /** After each embedded batch: themes for a store that has none, once its texts are all embedded. */
    @EventListener
    void afterEmbedding(TextsEmbedded embedded) {
        discoverIfNone();
    }

    private void discoverIfNone() {
        if (backfill && queued == null && themes.isEmpty()) {
            EmbeddingProgress embedding = embeddings.progress();
            if (embedding.embedded() > 0 && embedding.missing() == 0) {
                log.info("The store has embedded texts but no themes: discovering them in the background");
                discover(0, DEFAULT_DAYS, "system");
            }
        }
    }

    /**
     * Runs again, in the background, the latest discovery left {@code running} by a stop; older ones are marked
     * failed. Returns the run id, if there was one.
     */
    public synchronized Optional<Integer> resumeInterrupted() {
        if (queued != null) {
            return Optional.empty();
        }
        List<ThemeRun> interrupted =
                jdbc.query(RUN_COLUMNS + " WHERE status = 'running' ORDER BY id DESC", ThemeCatalogue::run);
        if (interrupted.isEmpty()) {
            return Optional.empty();
        }
        int run = interrupted.getFirst().id();
        for (ThemeRun older : interrupted.subList(1, interrupted.size())) {
            finish(older.id(), "failed", null, null, "interrupted by a stop; run " + run + " replaces it");
        }
        log.info("Theme discovery run {} was interrupted by a stop: running it again", run);
        queued = run;
        worker.execute(() -> runQuietly(run));
        return Optional.of(run);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        worker.shutdownNow();
    }

    private void runQuietly(int run) {
        try {
            execute(run, p -> {});
        } catch (RuntimeException e) {
            log.warn("Theme discovery run {} failed: {}", run, e.toString(), e);
        } finally {
            synchronized (this) {
                if (queued != null && queued == run) {
                    queued = null;
                }
            }
        }
    }

    private synchronized int start(int k, int days, String actor) {
        Integer max = jdbc.queryForObject("SELECT max(id) FROM theme_run", Integer.class);
        int run = max == null ? 1 : max + 1;
        jdbc.update(
                "INSERT INTO theme_run (id, status, k, days, requested_by, requested_at)"
                        + " VALUES (?, 'running', ?, ?, ?, ?)",
                run,
                k,
                days,
                actor,
                StoredThemes.timestamp(clock.instant()));
        return run;
    }

    private void execute(int run, Consumer<ThemeProgress> listener) {
        ThemeRun request = run(run).orElseThrow();
        try {
            LocalDateTime since = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                    .minusDays(request.days())
                    .truncatedTo(ChronoUnit.SECONDS);
            record Selected(UUID id, String text) {}
            // in the order of the texts, not of the random ids: the same texts give the same themes on every store
            List<Selected> selected = jdbc.query(
                    """
                    SELECT s.id, s.text FROM signal s
                    WHERE s.text IS NOT NULL AND s.occurred_at >= ?
                      AND EXISTS (SELECT 1 FROM signal_embedding e WHERE e.signal_id = s.id AND e.model = ?)
                    ORDER BY s.text, s.occurred_at, s.id""", (r, i) -> new Selected(r.getObject(1, UUID.class), r.getString(2)), since, Embedder.MODEL);
            List<UUID> ids = new ArrayList<>(selected.size());
            List<String> texts = new ArrayList<>(selected.size());
            List<float[]> vectors = new ArrayList<>(selected.size());
            report(new ThemeProgress(run, ThemeProgress.Phase.READING, 0, selected.size()), listener);
            for (int from = 0; from < selected.size(); from += READ_CHUNK) {
                List<Selected> chunk = selected.subList(from, Math.min(selected.size(), from + READ_CHUNK));
                Map<UUID, float[]> read =
                        embeddings.vectors(chunk.stream().map(Selected::id).toList());
                for (Selected signal : chunk) {
                    float[] vector = read.get(signal.id());
                    if (vector != null) {
                        ids.add(signal.id());
                        texts.add(signal.text());
                        vectors.add(vector);
                    }
                }
                report(
                        new ThemeProgress(run, ThemeProgress.Phase.READING, from + chunk.size(), selected.size()),
                        listener);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            report(new ThemeProgress(run, ThemeProgress.Phase.CLUSTERING, ids.size(), ids.size()), listener);
            Themes found = ThemeDiscovery.discover(texts, vectors, request.k());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            report(new ThemeProgress(run, ThemeProgress.Phase.WRITING, ids.size(), ids.size()), listener);
            List<UUID> moved = new ArrayList<>();
            ThemeRecomputation.Outcome outcome = themes.change(() -> {
                Instant now = clock.instant();
                ThemeRecomputation.Outcome result =
                        ThemeRecomputation.of(ids, texts, vectors, found, themes.all(), themes.nextId(), now);
                result.themes().forEach(themes::save);
                jdbc.execute(
                        "CREATE OR REPLACE TEMP TABLE previous_theme AS SELECT signal_id, theme_id FROM signal_theme");
                jdbc.update("DELETE FROM signal_theme");
                themes.assign(result.assignments());
                assignment.assignNearest("s.occurred_at < ?", List.of(since));
                moved.addAll(jdbc.queryForList(MOVED, UUID.class));
                jdbc.execute("DROP TABLE previous_theme");
                finish(run, "done", ids.size(), found.k(), null);
                return result;
            });
            log.info(
                    "Themes of {} signals: {} clusters, {} kept their theme, {} new, {} retired",
                    ids.size(),
                    found.k(),
                    outcome.kept(),
                    outcome.created(),
                    outcome.retired());
            // the index re-reads the signals whose theme changed; past a share of them, reading all is cheaper
            if (moved.size() > MOST_MOVED) {
                events.publishEvent(ThemesChanged.all());
            } else if (!moved.isEmpty()) {
                events.publishEvent(ThemesChanged.of(moved));
            }
        } catch (RuntimeException e) {
            finish(run, "failed", null, null, e.getMessage());
            throw e;
        } finally {
            progress = null;
        }
    }

    private void report(ThemeProgress now, Consumer<ThemeProgress> listener) {
        progress = now;
        listener.accept(now);
    }

    private void finish(int run, String status, Integer signals, Integer found, String detail) {
        jdbc.update(
                "UPDATE theme_run SET status = ?, finished_at = ?, signals = ?, themes = ?, detail = ? WHERE id = ?",
                status,
                StoredThemes.timestamp(clock.instant()),
                signals,
                found,
                detail,
                run);
    }

    private static void check(int k, int days) {
        if (k < 0 || k == 1 || k > MAX_K) {
            throw new IllegalArgumentException(
                    "The number of themes must be between 2 and " + MAX_K + " (or empty to choose it), not " + k);
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(
                    "The number of days must be between 1 and " + MAX_DAYS + ", not " + days);
        }
    }

    private static final String RUN_COLUMNS =
            "SELECT id, status, k, days, requested_by, requested_at, finished_at, signals, themes, detail FROM theme_run";

    private static ThemeRun run(ResultSet r, int row) throws SQLException {
        return new ThemeRun(
                r.getInt(1),
                r.getString(2),
                r.getInt(3),
                r.getInt(4),
                r.getString(5),
                r.getTimestamp(6).toLocalDateTime().toInstant(ZoneOffset.UTC),
                r.getTimestamp(7) == null
                        ? null
                        : r.getTimestamp(7).toLocalDateTime().toInstant(ZoneOffset.UTC),
                (Integer) r.getObject(8),
                (Integer) r.getObject(9),
                r.getString(10));
    }
}
