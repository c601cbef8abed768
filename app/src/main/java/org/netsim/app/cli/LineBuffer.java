package org.netsim.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.netsim.json.JsJson;

/**
 * Lines of output built as UTF-8 bytes in one reused buffer and written out in large blocks: to a byte stream as they
 * are, or (for a writer that is not the process's output, such as a test's) decoded once per block. What lets
 * {@code decode} print a million lines without a String or an encoder pass per line.
 */
final class LineBuffer {
    private static final int BLOCK = 1 << 16;

    private byte[] buf = new byte[BLOCK + 4096];
    private int len;
    private final OutputStream bytes;
    private final Writer chars;
    private final StringBuilder scratch = new StringBuilder(64);

    LineBuffer(OutputStream bytes) {
        this.bytes = bytes;
        this.chars = null;
    }

    LineBuffer(Writer chars) {
        this.bytes = null;
        this.chars = chars;
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    LineBuffer ascii(char c) {
        room(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Any text, encoded as UTF-8. */
    LineBuffer text(String s) {
        int n = s.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] b = s.substring(i).getBytes(StandardCharsets.UTF_8);
                room(b.length);
                System.arraycopy(b, 0, buf, len, b.length);
                len += b.length;
                return this;
            }
            buf[len++] = (byte) c;
        }
        return this;
    }

    LineBuffer number(long v) {
        if (v < 0) {
            ascii('-');
            v = -v;
        }
        room(20);
        int start = len;
        do {
            buf[len++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** {@code nanos} as seconds with 6 or 9 decimals, rounded half up as {@code %.6f} rounds. */
    LineBuffer seconds(long nanos, int digits) {
        long scale = digits == 9 ? 1 : 1000;
        long unit = 1_000_000_000L / scale;
        long v = nanos;
        if (v < 0) {
            ascii('-');
            v = -v;
        }
        long units = (v + scale / 2) / scale;
        number(units / unit).ascii('.');
        long frac = units % unit;
        room(digits);
        for (long d = unit / 10; d > 0; d /= 10) {
            buf[len++] = (byte) ('0' + frac / d % 10);
        }
        return this;
    }

    /** A JSON string literal, quotes included, as JSON.stringify writes it. */
    LineBuffer quoted(String s) {
        int slot = slot(s);
        if (quotedKeys[slot] != s) {
            scratch.setLength(0);
            JsJson.quote(s, scratch);
            quotedKeys[slot] = s;
            quotedBytes[slot] = scratch.toString().getBytes(StandardCharsets.UTF_8);
        }
        return bytes(quotedBytes[slot]);
    }

    /**
     * Text that recurs as the same String object (addresses of a connection, transport, type, namespace): encoded
     * once and then copied. Caches are by identity, so a different String with the same text is only encoded again.
     */
    LineBuffer recurring(String s) {
        int slot = slot(s);
        if (textKeys[slot] != s) {
            textKeys[slot] = s;
            textBytes[slot] = s.getBytes(StandardCharsets.UTF_8);
        }
        return bytes(textBytes[slot]);
    }

    LineBuffer bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    private static int slot(String s) {
        int h = System.identityHashCode(s);
        return (h ^ (h >>> 12)) & (CACHE - 1);
    }

    private static final int CACHE = 512;
    private final String[] quotedKeys = new String[CACHE];
    private final byte[][] quotedBytes = new byte[CACHE][];
    private final String[] textKeys = new String[CACHE];
    private final byte[][] textBytes = new byte[CACHE][];

    /** Room for {@code n} more bytes, written by the caller at {@link #position()} and then {@link #advance}d. */
    byte[] reserve(int n) {
        room(n);
        return buf;
    }

    int position() {
        return len;
    }

    void advance(int to) {
        len = to;
    }

    /** Ends the line; writes the block out once it is big enough. */
    void newline() throws IOException {
        ascii('\n');
        if (len >= BLOCK) {
            flush();
        }
    }

    void flush() throws IOException {
        if (len == 0) {
            return;
        }
        if (bytes != null) {
            bytes.write(buf, 0, len);
        } else {
            chars.write(new String(buf, 0, len, StandardCharsets.UTF_8));
        }
        len = 0;
        if (buf.length > 4 * BLOCK) {
            buf = new byte[BLOCK + 4096];
        }
    }
}
