package io.earshot.programme;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * An audio or video recording of a customer session, kept as a file under the data directory.
 *
 * @param fileName the name it was uploaded with
 * @param contentType its media type, one of {@link MediaKind}'s
 * @param bytes its size
 * @param sha256 the SHA-256 of its content, lower-case hex
 * @param transcriptLines how many lines its transcript has; 0 before one is imported
 */
public record Recording(
        UUID id,
        UUID sessionId,
        String fileName,
        String contentType,
        long bytes,
        String sha256,
        Instant uploadedAt,
        String uploadedBy,
        int transcriptLines) {

    public Recording {
        if (id == null || sessionId == null || uploadedAt == null) {
            throw new IllegalArgumentException("A recording needs an id, a session and an upload time");
        }
        if (fileName == null || fileName.isBlank() || contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("A recording needs a file name and a content type");
        }
        if (bytes < 0 || transcriptLines < 0) {
            throw new IllegalArgumentException("A recording's size and transcript lines cannot be negative");
        }
    }

    /** Whether it has a picture, so that the player shows a video rather than an audio player. */
    public boolean isVideo() {
        return contentType.startsWith("video/");
    }

    /** Its size for people, such as "34 KB" or "212.5 MB". */
    public String size() {
        return size(bytes);
    }

    /** {@code bytes} for people, in the binary units of Spring's {@code DataSize} (1 KB = 1,024 bytes). */
    static String size(long bytes) {
        if (bytes < 1_024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1_024 && unit < units.length - 1) {
            value /= 1_024;
            unit++;
        }
        String number = String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
        return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
    }
}
