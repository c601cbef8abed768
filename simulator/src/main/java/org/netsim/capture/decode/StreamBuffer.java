package org.netsim.capture.decode;

/**
 * The bytes of one direction's stream that are not decoded yet, with the frame each part arrived in (so a message
 * can say in which frame it began). Grows for a large message and shrinks back after it.
 */
final class StreamBuffer {
    private static final int INITIAL = 2048;
    private static final int SHRINK_ABOVE = 1 << 20;

    byte[] buf = new byte[INITIAL];
    int start;
    int end;
    /** Stream position of {@code buf[start]}. */
    private long position;
    // ring of (stream position where a segment's bytes begin, its frame)
    private long[] chunkAt = new long[8];
    private long[] chunkFrame = new long[8];
    private int head;
    private int count;

    int available() {
        return end - start;
    }

    void append(byte[] src, int off, int len, long frame) {
        if (end + len > buf.length) {
            int live = end - start;
            if (live + len <= buf.length && start > 0) {
                System.arraycopy(buf, start, buf, 0, live);
            } else {
                byte[] bigger = new byte[Math.max(buf.length * 2, live + len)];
                System.arraycopy(buf, start, bigger, 0, live);
                buf = bigger;
            }
            start = 0;
            end = live;
        }
        if (count == chunkAt.length) {
            long[] a = new long[count * 2];
            long[] f = new long[count * 2];
            for (int i = 0; i < count; i++) {
                a[i] = chunkAt[(head + i) % count];
                f[i] = chunkFrame[(head + i) % count];
            }
            chunkAt = a;
            chunkFrame = f;
            head = 0;
        }
        int slot = (head + count) % chunkAt.length;
        chunkAt[slot] = position + (end - start);
        chunkFrame[slot] = frame;
        count++;
        System.arraycopy(src, off, buf, end, len);
        end += len;
    }

    /** The frame in which the byte at {@code buf[start]} arrived. */
    long firstFrame() {
        return count == 0 ? 0 : chunkFrame[head];
    }

    void consume(int n) {
        start += n;
        position += n;
        if (start == end) {
            start = 0;
            end = 0;
            count = 0;
            head = 0;
            if (buf.length > SHRINK_ABOVE) {
                buf = new byte[INITIAL];
            }
            return;
        }
        // drop the segments that lie wholly before the new start
        while (count > 1 && chunkAt[(head + 1) % chunkAt.length] <= position) {
            head = (head + 1) % chunkAt.length;
            count--;
        }
    }

    void clear() {
        consume(end - start);
    }
}
