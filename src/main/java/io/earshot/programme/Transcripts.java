package io.earshot.programme;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads the transcript of a recorded customer session from a WebVTT, SRT or timestamped plain-text file.
 *
 * <p>The format is told from the content: a {@code WEBVTT} first line is WebVTT; a number over a line holding
 * {@code -->} is SRT. Otherwise the file name decides ({@code .vtt}, {@code .srt}), then a first line holding
 * {@code -->} (SRT when its times have a comma, else WebVTT); anything else is read as timestamped text. Blank lines
 * before the first line are ignored, as is a byte order mark. The file must be UTF-8, at most {@value #MAX_BYTES}
 * bytes, and its cues in time order (each starting at or after the one before; overlaps are fine); the first fault
 * found is returned with its line, and nothing of a malformed file is kept.
 */
public final class Transcripts {

    /** The largest file read: 5 MiB, some 50 hours of speech. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private Transcripts() {}

    /**
     * Reads a transcript file.
     *
     * @param fileName the file's name as uploaded, used only when the content does not show its format; may be null
     * @param content the whole file
     */
    public static TranscriptParse parse(String fileName, byte[] content) {
        if (content.length > MAX_BYTES) {
            return tooLarge();
        }
        return switch (decode(content)) {
            case Decoded.Text text -> parseText(fileName, text.text());
            case Decoded.Invalid invalid -> invalid.malformed();
        };
    }

    /**
     * Reads a transcript file from a stream, reading at most one byte more than {@link #MAX_BYTES}. The stream is not
     * closed.
     *
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static TranscriptParse parse(String fileName, InputStream content) {
        try {
            byte[] bytes = content.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? tooLarge() : parse(fileName, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + fileName, e);
        }
    }

    private static TranscriptParse tooLarge() {
        return new TranscriptParse.Malformed(0, "a file of at most 5 MB", "a larger file");
    }

    private static TranscriptParse parseText(String fileName, String text) {
        SourceLines source = SourceLines.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        int first = source.nextNonBlank(1);
        if (!source.exists(first)) {
            return new TranscriptParse.Malformed(0, "a WebVTT, SRT or timestamped transcript", "an empty file");
        }
        return switch (format(fileName, source, first)) {
            case WEBVTT -> WebVtt.parse(source);
            case SRT -> SubRip.parse(source);
            case TIMESTAMPED_TEXT -> TimestampedText.parse(source);
        };
    }

    private static TranscriptFormat format(String fileName, SourceLines source, int first) {
        String line = source.at(first);
        if (WebVtt.HEADER.matcher(line).matches()) {
            return TranscriptFormat.WEBVTT;
        }
        if (SubRip.NUMBER.matcher(line).matches() && source.at(first + 1).contains("-->")) {
            return TranscriptFormat.SRT;
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".vtt")) {
            return TranscriptFormat.WEBVTT;
        }
        if (name.endsWith(".srt")) {
            return TranscriptFormat.SRT;
        }
        if (line.contains("-->")) {
            return line.contains(",") ? TranscriptFormat.SRT : TranscriptFormat.WEBVTT;
        }
        return TranscriptFormat.TIMESTAMPED_TEXT;
    }

    private sealed interface Decoded {
        record Text(String text) implements Decoded {}

        record Invalid(TranscriptParse.Malformed malformed) implements Decoded {}
    }

    /** Strict UTF-8: the first byte that is not UTF-8 is reported with its line. */
    private static Decoded decode(byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            return new Decoded.Invalid(new TranscriptParse.Malformed(
                    lineOf(content, at),
                    "UTF-8 text (save the file as UTF-8)",
                    "the byte 0x%02X".formatted(content[at] & 0xFF)));
        }
        decoder.flush(out);
        return new Decoded.Text(out.flip().toString());
    }

    private static int lineOf(byte[] content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content[i] == '\n' || (content[i] == '\r' && (i + 1 >= content.length || content[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
