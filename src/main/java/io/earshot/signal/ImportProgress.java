package io.earshot.signal;

/** Receives progress while an import runs, for progress bars on pages and in the terminal. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (bytesRead, totalBytes, rows) -> {};

    /**
     * Called now and then while reading.
     *
     * @param bytesRead bytes of the file read so far
     * @param totalBytes the file's size
     * @param rows rows read so far
     */
    void update(long bytesRead, long totalBytes, long rows);
}
