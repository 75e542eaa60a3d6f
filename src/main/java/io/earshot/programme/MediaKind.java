package io.earshot.programme;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The kinds of recording Earshot keeps, each told by its file name's extension and by its first bytes (its "magic"),
 * which must agree: a renamed picture or program is not a recording.
 */
public enum MediaKind {
    MP4("mp4", "video/mp4"),
    M4A("m4a", "audio/mp4"),
    WEBM("webm", "video/webm"),
    MP3("mp3", "audio/mpeg"),
    WAV("wav", "audio/wav");

    /** How many of a file's first bytes {@link #matches} and {@link #describe} look at. */
    static final int HEAD = 12;

    private final String extension;
    private final String contentType;

    MediaKind(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** The accepted extensions, for messages: "mp4, m4a, webm, mp3, wav". */
    static String accepted() {
        return Arrays.stream(values()).map(MediaKind::extension).collect(Collectors.joining(", "));
    }

    /** The kind whose extension ends {@code fileName}, ignoring case. */
    static Optional<MediaKind> ofName(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> name.endsWith("." + kind.extension))
                .findFirst();
    }

    /** Whether a file starting with {@code head} (its first bytes, fewer when the file is shorter) is of this kind. */
    boolean matches(byte[] head) {
        return switch (this) {
            case MP4, M4A -> at(head, 4, "ftyp");
            case WEBM -> startsWith(head, 0x1A, 0x45, 0xDF, 0xA3);
            case MP3 ->
                at(head, 0, "ID3") || (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0);
            case WAV -> at(head, 0, "RIFF") && at(head, 8, "WAVE");
        };
    }

    /** What a file starting with {@code head} looks like, for a message that says what was found instead. */
    static String describe(byte[] head) {
        if (head.length == 0) {
            return "an empty file";
        }
        for (MediaKind kind : values()) {
            if (kind != M4A && kind.matches(head)) {
                return kind == MP4 ? "MPEG-4 (mp4 or m4a) content" : kind.extension + " content";
            }
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG picture";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG picture";
        }
        if (at(head, 0, "%PDF")) {
            return "a PDF document";
        }
        if (at(head, 0, "PK")) {
            return "a ZIP archive (or an Office document)";
        }
        if (at(head, 0, "MZ")) {
            return "a Windows program";
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F')) {
            return "a Linux program";
        }
        if (looksLikeText(head)) {
            return "text";
        }
        return "bytes " + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(head, 0, Math.min(head.length, 8));
    }

    private static boolean looksLikeText(byte[] head) {
        for (byte b : head) {
            int c = b & 0xFF;
            if (c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(byte[] head, int offset, String ascii) {
        byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
