package org.netsim.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Segments that arrived after a hole (RFC 9293 §3.10.7.4: a segment beyond RCV.NXT but inside the window "should" be
 * held), as Linux keeps them in its out-of-order queue: when the missing bytes arrive, what was held and now follows
 * on is taken in and acknowledged in one cumulative ACK. Sequence numbers wrap (RFC 9293 §3.4).
 */
final class OutOfOrderQueue {
    /** One held piece: its first sequence number and bytes, and whether the peer's FIN follows them. */
    record Held(long seq, byte[] data, boolean fin) {
        long end() {
            return (seq + data.length) & 0xffffffffL;
        }
    }

    private final List<Held> held = new ArrayList<>();
    private long bytes;

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Bytes held (they take room in the receive buffer). */
    long bytes() {
        return bytes;
    }

    /** Keeps {@code packet[off, off+len)} from {@code seq} on; a piece already held is not kept twice. */
    void hold(long seq, byte[] packet, int off, int len, boolean fin) {
        for (Held h : held) {
            if (h.seq() == seq && h.data().length >= len) {
                return;
            }
        }
        held.add(new Held(seq, Arrays.copyOfRange(packet, off, off + len), fin));
        bytes += len;
    }

    /**
     * The held piece that continues the stream at {@code rcvNxt} (it starts at or before it and ends after it, or
     * carries a FIN there; of several, the one reaching furthest), removed from the queue with every other piece that
     * starts at or before {@code rcvNxt}, which it covers. {@code null} if none.
     */
    Held next(long rcvNxt) {
        Held found = null;
        for (int i = 0; i < held.size(); i++) {
            Held h = held.get(i);
            boolean startsInTime = !TcpConnection.after(h.seq(), rcvNxt);
            boolean reachesPast = TcpConnection.after(h.end(), rcvNxt) || h.fin() && h.end() == rcvNxt;
            if (startsInTime) {
                held.remove(i--);
                bytes -= h.data().length;
                if (reachesPast && (found == null || TcpConnection.after(h.end(), found.end())
                        || h.end() == found.end() && h.fin())) {
                    found = h;
                }
            }
        }
        return found;
    }
}
