package org.netsim.compare;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One direction of a TCP connection put back in order from a few frames, for {@link CarriedMessage}: each frame's new
 * bytes appended once (a retransmission adds nothing), with where in the stream each frame's bytes lie. A segment
 * past a hole ends the stream: what follows a missing segment cannot be placed.
 */
final class FlowBytes {
    /** Where one frame's new bytes lie in {@link #data()}. */
    record Chunk(long frame, int from, int to) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<Chunk> chunks = new ArrayList<>();
    private long base = -1;
    private boolean gap;
    private byte[] data;

    /** Adds a segment's payload {@code b[from, to)} starting at sequence number {@code seq}; whether it added any. */
    boolean add(long frame, long seq, byte[] b, int from, int to) {
        if (gap) {
            return false;
        }
        if (base < 0) {
            base = seq;
        }
        long rel = (seq - base) & 0xffff_ffffL;
        int have = out.size();
        if (rel > have && rel < 1L << 31) {
            gap = true;
            return false;
        }
        if (rel >= 1L << 31 || rel + (to - from) <= have) {
            // before the stream's start or all of it already there: a retransmission
            return false;
        }
        int skip = (int) (have - rel);
        out.write(b, from + skip, to - from - skip);
        chunks.add(new Chunk(frame, have, out.size()));
        data = null;
        return true;
    }

    byte[] data() {
        if (data == null) {
            data = out.toByteArray();
        }
        return data;
    }

    List<Chunk> chunks() {
        return chunks;
    }

    /** Whether a hole stopped the stream. */
    boolean gap() {
        return gap;
    }

    /** The chunk of {@code frame}, or {@code null}. */
    Chunk chunkOf(long frame) {
        for (Chunk c : chunks) {
            if (c.frame() == frame) {
                return c;
            }
        }
        return null;
    }

    /** Whether {@code frame}'s bytes overlap {@code [from, to)} of the stream. */
    boolean overlaps(long frame, int from, int to) {
        Chunk c = chunkOf(frame);
        return c != null && c.from() < to && c.to() > from;
    }
}
