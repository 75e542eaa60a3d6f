package io.earshot.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and validates rows on a thread of its own, which writes accepted rows to the {@link SignalStage}'s chunk files
 * and hands over finished chunks and rejected rows through a small bounded queue; the import's thread loads a chunk
 * into the store while this thread writes the next one (two cores, twice the work). At most {@value #BATCHES} hand-offs
 * wait, each a chunk file or at most {@value #BATCH} rejected rows, whatever the size of the file.
 *
 * <p>Batches of rejections are small on purpose: rows waiting in the queue survive young collections, and copying them
 * is most of a pause, which stops the import's thread too.
 */
final class RowPipeline implements AutoCloseable {

    static final int BATCH = 512;
    static final int BATCHES = 4;
    private static final int PROGRESS_EVERY = 1 << 13;
    private static final Handoff END = new Handoff(List.of(), null);

    /**
     * What the reader hands to the import's thread: rejected rows for the quarantine, and maybe a finished chunk.
     *
     * @param chunk a finished chunk file to load, or {@code null}
     */
    record Handoff(List<RowResult.Rejected> rejected, SignalStage.Chunk chunk) {}

    private final RowSource source;
    private final RowValidator validator;
    private final Utf8Reader text;
    private final long size;
    private final ImportProgress progress;
    private final SignalStage stage;
    private final BlockingQueue<Handoff> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private volatile long rows;

    RowPipeline(
            RowSource source,
            RowValidator validator,
            SignalStage stage,
            Utf8Reader text,
            long size,
            ImportProgress progress) {
        this.source = source;
        this.stage = stage;
        this.validator = validator;
        this.text = text;
        this.size = size;
        this.progress = progress;
        this.reader = Thread.ofPlatform().name("import-reader").daemon().unstarted(this::read);
        reader.start();
    }

    private void read() {
        long count = 0;
        try {
            List<RowResult.Rejected> batch = new ArrayList<>();
            for (SourceRow row = source.next(); row != null && !cancelled; row = source.next()) {
                switch (validator.validate(row)) {
                    case RowResult.Accepted accepted -> {
                        if (stage.append(accepted)) {
                            hand(new Handoff(batch, stage.finishChunk()));
                            batch = new ArrayList<>();
                        }
                    }
                    case RowResult.Rejected rejected -> {
                        batch.add(rejected);
                        if (batch.size() == BATCH) {
                            hand(new Handoff(batch, null));
                            batch = new ArrayList<>();
                        }
                    }
                }
                if (++count % PROGRESS_EVERY == 0) {
                    rows = count;
                    progress.update(text.bytesRead(), size, count);
                }
            }
            rows = count;
            SignalStage.Chunk last = cancelled ? null : stage.finishChunk();
            if (!batch.isEmpty() || last != null) {
                hand(new Handoff(batch, last));
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            rows = count;
            try {
                hand(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void hand(Handoff handoff) throws InterruptedException {
        while (!cancelled && !queue.offer(handoff, 100, TimeUnit.MILLISECONDS)) {
            // the store is busy; wait, unless the import was given up
        }
    }

    /** The next hand-off in file order, or {@code null} at the end; rethrows what stopped the reader. */
    Handoff next() throws IOException {
        Handoff batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The import was interrupted", e);
        }
        if (batch == END) {
            rethrow();
            return null;
        }
        return batch;
    }

    private void rethrow() throws IOException {
        switch (failure) {
            case null -> {}
            case IOException e -> throw e;
            case UncheckedIOException e -> throw e.getCause();
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IllegalStateException(failure);
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        cancelled = true;
        queue.clear();
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
