package io.earshot.signal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A file to import into the signal store.
 *
 * @param file the file on disk (CSV or JSON Lines, UTF-8 with or without BOM)
 * @param fileName the name to record, e.g. the name the user uploaded
 * @param source the source every row comes from, e.g. {@code survey}
 * @param mapping a column mapping file, or {@code null} for automatic mapping of common headers
 * @param zone the time zone of dates that carry none
 * @param importedBy who started the import, or {@code null}
 */
public record ImportRequest(Path file, String fileName, String source, Path mapping, ZoneId zone, String importedBy) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        if (fileName == null || fileName.isBlank()) {
            fileName = file.getFileName().toString();
        }
        if (source == null || !source.matches("[a-z][a-z0-9_\\-]{0,39}")) {
            throw new IllegalArgumentException(
                    "The source must be a lower-case name such as survey, review, ticket or chat, not '" + source
                            + "'");
        }
        zone = zone == null ? ZoneId.of("UTC") : zone;
    }
}
