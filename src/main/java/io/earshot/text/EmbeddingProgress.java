package io.earshot.text;

/**
 * How far the embedding of stored signal texts has come.
 *
 * @param embedded texts with a vector of the current model
 * @param total texts stored
 * @param running whether the background job is working now
 */
public record EmbeddingProgress(long embedded, long total, boolean running) {

    public long missing() {
        return Math.max(0, total - embedded);
    }

    /** Percent done, 100 when there is nothing to do. */
    public int percent() {
        return total == 0 ? 100 : (int) Math.min(100, embedded * 100 / total);
    }
}
