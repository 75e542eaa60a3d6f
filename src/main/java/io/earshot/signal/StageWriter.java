package io.earshot.signal;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link SignalStage} chunk: UTF-8 straight into a byte buffer, as a {@code Writer} with a charset encoder
 * costs about as much as validating the row. Unpaired surrogates become {@code ?}, as {@code String.getBytes} does.
 */
final class StageWriter implements AutoCloseable {

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream out;
    private byte[] buffer = new byte[1 << 16];
    private int at;
    private long rowStart, written, longestRow;

    StageWriter(OutputStream out) {
        this.out = out;
    }

    void separator() throws IOException {
        room(1);
        buffer[at++] = ',';
    }

    /** Ends a row with {@code \n} and notes its length. */
    void endRow() throws IOException {
        room(1);
        buffer[at++] = '\n';
        long end = written + at;
        longestRow = Math.max(longestRow, end - rowStart);
        rowStart = end;
    }

    /** The longest row so far, in bytes with its newline. */
    long longestRow() {
        return longestRow;
    }

    void number(long value) throws IOException {
        room(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                ascii(Long.toString(value));
                return;
            }
            buffer[at++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = at + digits - 1; i >= at; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        at += digits;
    }

    void uuid(long high, long low) throws IOException {
        room(36);
        hex(high >>> 32, 8);
        buffer[at++] = '-';
        hex(high >>> 16, 4);
        buffer[at++] = '-';
        hex(high, 4);
        buffer[at++] = '-';
        hex(low >>> 48, 4);
        buffer[at++] = '-';
        hex(low, 12);
    }

    private void hex(long value, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            buffer[i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
        at += digits;
    }

    private void ascii(String value) throws IOException {
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[at++] = (byte) value.charAt(i);
        }
    }

    /** Writes {@code value} in double quotes, doubling the quotes inside. */
    void quoted(String value) throws IOException {
        int length = value.length();
        // at most 3 bytes per char (a quote takes 2, a surrogate pair 4 for 2 chars), plus the quotes
        room(3L * length + 2);
        byte[] b = buffer;
        int i = at;
        b[i++] = '"';
        for (int k = 0; k < length; k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                if (c == '"') {
                    b[i++] = '"';
                }
                b[i++] = (byte) c;
            } else if (c < 0x800) {
                b[i++] = (byte) (0xc0 | c >> 6);
                b[i++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                char next = k + 1 < length ? value.charAt(k + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(next)) {
                    int cp = Character.toCodePoint(c, next);
                    b[i++] = (byte) (0xf0 | cp >> 18);
                    b[i++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[i++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[i++] = (byte) (0x80 | cp & 0x3f);
                    k++;
                } else {
                    b[i++] = '?';
                }
            } else {
                b[i++] = (byte) (0xe0 | c >> 12);
                b[i++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[i++] = (byte) (0x80 | c & 0x3f);
            }
        }
        b[i++] = '"';
        at = i;
    }

    private void room(long bytes) throws IOException {
        if (at + bytes > buffer.length) {
            flush();
            if (bytes > buffer.length) {
                buffer = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(bytes, 2L * buffer.length))];
            }
        }
    }

    private void flush() throws IOException {
        out.write(buffer, 0, at);
        written += at;
        at = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
