package io.earshot.signal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;

/**
 * Decodes a UTF-8 file (with or without BOM) for the parsers while noting the physical line of every malformed byte
 * sequence, so that exactly the rows touching one are rejected and the rest import. Malformed bytes become U+FFFD; a
 * U+FFFD that was really in the file is valid and is not reported. Also counts the bytes read (for progress) and
 * hashes them (the import record keeps the file's SHA-256). Lines end at LF, CR or CRLF, as they do for the parsers.
 */
final class Utf8Reader extends Reader {

    private final InputStream in;
    private final MessageDigest sha256;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    /** Lines holding malformed bytes, ascending; only lines read ahead of the parser, so it stays small. */
    private final ArrayDeque<Long> malformedLines = new ArrayDeque<>();

    private long bytesRead;
    private long line = 1;
    private boolean lastWasCr;
    private boolean eof;
    private boolean started;

    Utf8Reader(InputStream in) {
        this.in = in;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!started) {
            skipBom();
        }
        CharBuffer out = CharBuffer.wrap(chars, offset, length);
        while (out.position() == offset) {
            int before = out.position();
            CoderResult result = decoder.decode(bytes, out, eof);
            countLines(chars, before, out.position());
            if (result.isError()) {
                if (!out.hasRemaining()) {
                    break;
                }
                malformedLines.add(line);
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
                lastWasCr = false;
            } else if (result.isUnderflow()) {
                if (eof) {
                    decoder.flush(out);
                    return out.position() == offset ? -1 : out.position() - offset;
                }
                fill();
            } else {
                break;
            }
        }
        return out.position() - offset;
    }

    private void skipBom() throws IOException {
        started = true;
        while (!eof && bytes.remaining() < 3) {
            fill();
        }
        if (bytes.remaining() >= 3
                && bytes.get(bytes.position()) == (byte) 0xEF
                && bytes.get(bytes.position() + 1) == (byte) 0xBB
                && bytes.get(bytes.position() + 2) == (byte) 0xBF) {
            bytes.position(bytes.position() + 3);
        }
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            sha256.update(bytes.array(), bytes.position(), n);
            bytesRead += n;
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void countLines(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (!lastWasCr) {
                    line++;
                }
                lastWasCr = false;
            } else if (c == '\r') {
                line++;
                lastWasCr = true;
            } else {
                lastWasCr = false;
            }
        }
    }

    /**
     * Whether any of the physical lines {@code first} to {@code last} held malformed UTF-8. Rows must be asked in file
     * order: the lines before {@code first} are forgotten.
     */
    boolean malformedBetween(long first, long last) {
        boolean malformed = false;
        while (!malformedLines.isEmpty() && malformedLines.peekFirst() <= last) {
            malformed |= malformedLines.pollFirst() >= first;
        }
        return malformed;
    }

    /** Whether a malformed sequence may lie on line {@code first} or later; cheap, for the common clean case. */
    boolean anyMalformedFrom(long first) {
        while (!malformedLines.isEmpty() && malformedLines.peekFirst() < first) {
            malformedLines.pollFirst();
        }
        return !malformedLines.isEmpty();
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The SHA-256 of all bytes read so far, in hex; call once, at the end. */
    String sha256() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
