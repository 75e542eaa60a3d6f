package io.earshot.signal;

/**
 * An import that cannot run at all: a missing file, a bad mapping file, a body that is not JSON. The message says what
 * was wrong, where and what would be accepted; {@link #line()} and {@link #column()} locate malformed input (0 when
 * unknown). Rows that are merely invalid never raise this: they are quarantined and counted in the report.
 */
public class ImportException extends RuntimeException {

    private final long line;
    private final long column;

    public ImportException(String message) {
        this(message, 0, 0, null);
    }

    public ImportException(String message, long line, long column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** The line of malformed input, or 0. */
    public long line() {
        return line;
    }

    /** The column of malformed input, or 0. */
    public long column() {
        return column;
    }
}
