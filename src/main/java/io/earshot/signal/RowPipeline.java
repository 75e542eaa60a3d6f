package io.earshot.signal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and validates rows on a thread of its own and hands them over in batches through a small bounded queue, so
 * parsing and validation overlap with appending to the store on the import's thread (two cores, twice the work). At
 * most {@value #BATCHES} batches of {@value #BATCH} rows wait in memory, whatever the size of the file.
 *
 * <p>The batches are small on purpose: rows waiting in the queue survive young collections, and copying them is most of
 * a pause, which stops the import's thread too. With 16,384 rows in flight a young pause took about 12 ms (and left 60
 * MB live); with 2,048 it takes about 3 ms, and the import of a million rows got about 0.2 s faster. Hand-offs stay rare
 * enough (one per {@value #BATCH} rows) not to matter.
 */
final class RowPipeline implements AutoCloseable {

    static final int BATCH = 512;
    static final int BATCHES = 4;
    private static final int PROGRESS_EVERY = 1 << 13;
    private static final List<RowResult> END = List.of();

    private final RowSource source;
    private final RowValidator validator;
    private final Utf8Reader text;
    private final long size;
    private final ImportProgress progress;
    private final BlockingQueue<List<RowResult>> queue = new ArrayBlockingQueue<>(BATCHES);
    private final Thread reader;
    private volatile boolean cancelled;
    private volatile Throwable failure;
    private volatile long rows;

    RowPipeline(RowSource source, RowValidator validator, Utf8Reader text, long size, ImportProgress progress) {
        this.source = source;
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
            List<RowResult> batch = new ArrayList<>(BATCH);
            for (SourceRow row = source.next(); row != null && !cancelled; row = source.next()) {
                batch.add(validator.validate(row));
                if (batch.size() == BATCH) {
                    hand(batch);
                    batch = new ArrayList<>(BATCH);
                }
                if (++count % PROGRESS_EVERY == 0) {
                    rows = count;
                    progress.update(text.bytesRead(), size, count);
                }
            }
            rows = count;
            if (!batch.isEmpty()) {
                hand(batch);
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

    private void hand(List<RowResult> batch) throws InterruptedException {
        while (!cancelled && !queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
            // the store is busy; wait, unless the import was given up
        }
    }

    /** The next batch of results in file order, or an empty list at the end; rethrows what stopped the reader. */
    List<RowResult> next() throws IOException {
        List<RowResult> batch;
        try {
            batch = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("The import was interrupted", e);
        }
        if (batch == END) {
            rethrow();
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
