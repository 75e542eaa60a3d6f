package io.earshot.signal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Reads the rows of an import file one at a time, in file order, in constant memory. */
interface RowSource extends Closeable {

    /** The next row, or {@code null} at the end of the file. */
    SourceRow next() throws IOException;

    /** The file's column headers (for JSON, the keys seen so far). */
    List<String> headers();

    /** The header (or key) a field was read from, for messages. */
    String headerOf(ImportField field);

    /** Whether the row external ids come from the file; otherwise they are content hashes. */
    boolean hasExternalIds();

    /** Whether the file had no content at all (not even a header). */
    boolean empty();
}
