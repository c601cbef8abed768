package org.netsim.capture.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A window over a stream, read in large chunks into one reusable buffer: the parsers look at the next record in place
 * and copy out only the frame bytes. The buffer grows only when one record is larger than it, and never past what a
 * parser's length limit allows.
 */
final class ByteInput implements AutoCloseable {
    private static final int CHUNK = 1 << 18;

    private final InputStream in;
    private byte[] buf = new byte[CHUNK];
    private int pos;
    private int lim;
    /** The file offset of {@code buf[0]}. */
    private long base;
    private boolean eof;
    private boolean bigEndian;

    ByteInput(InputStream in) {
        this.in = in;
    }

    void bigEndian(boolean b) {
        bigEndian = b;
    }

    /** The file offset of the next unread byte. */
    long position() {
        return base + pos;
    }

    /**
     * Makes the next {@code n} bytes readable at offsets {@code 0..n-1}; returns how many are there: {@code n}, or less
     * only at the end of the file.
     */
    int require(int n) {
        if (lim - pos >= n) {
            return n;
        }
        if (!eof) {
            fill(n);
        }
        return Math.min(n, lim - pos);
    }

    private void fill(int n) {
        if (n > buf.length) {
            byte[] bigger = new byte[Math.max(n, buf.length * 2)];
            System.arraycopy(buf, pos, bigger, 0, lim - pos);
            buf = bigger;
        } else if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
        }
        base += pos;
        lim -= pos;
        pos = 0;
        try {
            while (lim < n) {
                int r = in.read(buf, lim, buf.length - lim);
                if (r < 0) {
                    eof = true;
                    return;
                }
                lim += r;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves past {@code n} bytes made readable by {@link #require}. */
    void advance(int n) {
        pos += n;
    }

    int u8(int at) {
        return buf[pos + at] & 0xff;
    }

    int u16(int at) {
        int a = buf[pos + at] & 0xff;
        int b = buf[pos + at + 1] & 0xff;
        return bigEndian ? (a << 8) | b : (b << 8) | a;
    }

    long u32(int at) {
        int i = pos + at;
        long a = buf[i] & 0xff;
        long b = buf[i + 1] & 0xff;
        long c = buf[i + 2] & 0xff;
        long d = buf[i + 3] & 0xff;
        return bigEndian ? (a << 24) | (b << 16) | (c << 8) | d : (d << 24) | (c << 16) | (b << 8) | a;
    }

    long u64(int at) {
        long first = u32(at);
        long second = u32(at + 4);
        return bigEndian ? (first << 32) | second : (second << 32) | first;
    }

    /** The four bytes at {@code at} in file order as one big-endian number, whatever the current byte order. */
    long u32InFileOrder(int at) {
        int i = pos + at;
        return ((buf[i] & 0xffL) << 24) | ((buf[i + 1] & 0xff) << 16) | ((buf[i + 2] & 0xff) << 8)
                | (buf[i + 3] & 0xff);
    }

    /** The buffer holding the bytes made readable by {@link #require}: offset {@code at} is {@code array()[index(at)]}. */
    byte[] array() {
        return buf;
    }

    int index(int at) {
        return pos + at;
    }

    byte[] copy(int at, int length) {
        return Arrays.copyOfRange(buf, pos + at, pos + at + length);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
