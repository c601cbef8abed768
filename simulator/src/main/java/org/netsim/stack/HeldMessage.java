package org.netsim.stack;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.DataSource;

/** A message whose first bytes have arrived but not its last: its bytes so far, and the frames they came in. */
final class HeldMessage {
    final SegmentStream.Kind kind;
    /** What it is, in words: "WebSocket frame", "HTTP request". */
    final String what;
    /** The sequence number of its first byte. */
    final long startSeq;
    byte[] buf;
    int size;
    /** For a message too large to hold: the bytes counted, not kept. */
    long counted;
    /** Its whole length, once its first bytes say it; -1 before. */
    long total = -1;
    boolean tooLarge;
    /** For an HTTP head not yet ended: where the search for its blank line resumes. */
    int headScan;
    final List<DataSource.Piece> pieces = new ArrayList<>(4);
    /** Where the frames ahead say it completes; looked for once, when its length is first known. */
    SegmentLookahead.Prediction prediction;

    HeldMessage(SegmentStream.Kind kind, String what, long startSeq) {
        this.kind = kind;
        this.what = what;
        this.startSeq = startSeq;
    }

    /** The bytes that have arrived. */
    long got() {
        return tooLarge ? counted : size;
    }

    String firstFrame() {
        return pieces.isEmpty() ? "?" : pieces.get(0).frame();
    }

    void append(byte[] b, int off, int n) {
        if (tooLarge) {
            counted += n;
            return;
        }
        if (buf == null || size + n > buf.length) {
            long want = Math.max(total > 0 ? total : 0, Math.max(size + (long) n, (buf == null ? 0 : buf.length)
                    * 2L));
            buf = Arrays.copyOf(buf == null ? new byte[0] : buf,
                    (int) Math.min(want, SegmentStream.MAX_HELD + (long) n));
        }
        System.arraycopy(b, off, buf, size, n);
        size += n;
    }

    /** From now on its bytes are counted, not kept. */
    void tooLarge() {
        tooLarge = true;
        counted = size;
        buf = null;
        size = 0;
    }

    /** The whole message, once {@link #got()} has reached {@link #total}. */
    byte[] bytes() {
        byte[] msg = size == buf.length ? buf : Arrays.copyOf(buf, size);
        buf = null;
        return msg;
    }
}
