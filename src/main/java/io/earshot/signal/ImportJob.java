package io.earshot.signal;

import java.util.UUID;

/**
 * An import started from the Imports page, running in the background: its progress, then its report or error. Its getters are public
 * for the page templates.
 */
final class ImportJob implements ImportProgress {

    private final UUID id = UUID.randomUUID();
    private final String fileName;
    private volatile long bytesRead;
    private volatile long totalBytes;
    private volatile long rows;
    private volatile ImportReport report;
    private volatile String error;

    ImportJob(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public void update(long bytesRead, long totalBytes, long rows) {
        this.bytesRead = bytesRead;
        this.totalBytes = totalBytes;
        this.rows = rows;
    }

    void finish(ImportReport report) {
        this.report = report;
    }

    void fail(String error) {
        this.error = error;
    }

    public UUID id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public long rows() {
        return rows;
    }

    public int percent() {
        if (done()) {
            return 100;
        }
        return totalBytes <= 0 ? 0 : (int) Math.min(99, 100 * bytesRead / totalBytes);
    }

    public boolean done() {
        return report != null || error != null;
    }

    public ImportReport report() {
        return report;
    }

    public String error() {
        return error;
    }
}
