package org.netsim.capture.reassembly;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import org.netsim.capture.reassembly.Connections.Connection;
import org.netsim.wire.ipv6.Ipv6Address;

/**
 * Puts the byte streams of the TCP connections in a capture back together, as a receiver would (RFC 9293 §3.4 and
 * §3.10.7.4): each direction's payload is delivered once, in sequence order, whatever order the segments were
 * captured in.
 *
 * <ul>
 *   <li>The stream starts after the SYN's sequence number (the SYN occupies one). A connection whose handshake is not in
 *       the capture starts at its first segment with data.</li>
 *   <li>A segment ahead of the next expected byte is held until the hole before it is filled.</li>
 *   <li>A retransmission of bytes already delivered is dropped; one that overlaps them partly delivers only its new
 *       tail. When a retransmission's bytes differ from the first copy, the first copy wins (as Linux's receiver
 *       keeps the bytes it already queued).</li>
 *   <li>Sequence numbers wrap at 2^32: a segment is placed by its signed 32-bit distance from the next expected
 *       byte, so a stream may cross the wrap any number of times.</li>
 *   <li>A hole that will never be filled (the capture missed a segment the receiver got) becomes a <em>gap</em> of a
 *       known number of bytes, reported before the bytes after it: what Wireshark marks "previous segment not
 *       captured". A hole is given up when the other end has acknowledged bytes beyond it and
 *       {@link Limits#ackGraceFrames} more frames have passed (the grace lets reordered captures catch up), when its
 *       held data exceeds {@link Limits#maxHeldBytes}, when it has been open for {@link Limits#maxHoldFrames} frames,
 *       on a RST, and at the end of the capture.</li>
 *   <li>FIN ends a direction once every byte before it has been delivered; RST ends both at once. A finished
 *       connection is forgotten after {@link Limits#recentlyClosed} later ones have finished, so memory stays bounded
 *       however long the capture; a new SYN on the same addresses and ports starts a new connection.</li>
 * </ul>
 *
 * <p>The listener gets the bytes of a segment as a range of the caller's buffer, valid only during the call. Not
 * thread-safe; feed frames in capture order.
 */
public final class TcpReassembler {
    /** What the reassembler delivers, per direction, in stream order. */
    public interface Listener {
        /** The next bytes of {@code flow}'s stream, completed by {@code frame}. */
        void data(TcpFlow flow, byte[] buf, int off, int len, long frame, long timeNanos);

        /**
         * {@code missing} bytes of {@code flow}'s stream were not captured; the next data (if any) follows them.
         * {@code frame} is the frame of the first segment after the gap (or the frame that ended the wait).
         */
        void gap(TcpFlow flow, long missing, long frame, long timeNanos);

        /** {@code flow}'s stream ended; no more calls for it. */
        void end(TcpFlow flow, TcpFlow.End how, long frame, long timeNanos);
    }

    /**
     * When holes are given up, and how many finished connections are remembered.
     *
     * @param maxHeldBytes   bytes held ahead of a hole, per direction, before the hole is declared a gap
     * @param ackGraceFrames frames to wait after the peer acknowledged bytes beyond a hole
     * @param maxHoldFrames  frames a hole may stay open at most
     * @param recentlyClosed finished connections kept to absorb late duplicates
     */
    public record Limits(int maxHeldBytes, int ackGraceFrames, int maxHoldFrames, int recentlyClosed) {
        public static final Limits DEFAULT = new Limits(8 << 20, 64, 50_000, 4096);
    }

    /** TCP flag bits as in the header's byte 13. */
    public static final int FIN = 0x01;
    public static final int SYN = 0x02;
    public static final int RST = 0x04;
    public static final int ACK = 0x10;

    private static final long MASK32 = 0xffff_ffffL;
    private static final int SWEEP_EVERY = 1024;

    private final Listener listener;
    private final Limits limits;
    private final Connections connections;
    private final LinkedHashSet<TcpFlow> holes = new LinkedHashSet<>();
    private long lastSweep;
    private long duplicateSegments;
    private long overlappingSegments;
    private long outOfOrderSegments;
    private long gapBytes;

    public TcpReassembler(Listener listener) {
        this(listener, Limits.DEFAULT);
    }

    public TcpReassembler(Listener listener, Limits limits) {
        this.listener = listener;
        this.limits = limits;
        this.connections = new Connections(limits.recentlyClosed());
    }

    /**
     * Takes one captured segment: addresses and ports, sequence and acknowledgement numbers, the flag byte and the
     * payload {@code buf[off, off+len)}.
     */
    public void segment(long frame, long timeNanos, int srcIp, int srcPort, int dstIp, int dstPort, long seq,
                        long ack, int flags, byte[] buf, int off, int len) {
        Connection c = admit(connections.get(srcIp, srcPort, dstIp, dstPort), flags, len);
        if (c == DROP) {
            return;
        }
        if (c == null) {
            c = connections.open(srcIp, srcPort, dstIp, dstPort);
        }
        segment(c, c.a.sourceIp() == srcIp && c.a.sourcePort() == srcPort ? c.a : c.b, frame, timeNanos, seq, ack,
                flags, buf, off, len);
    }

    /** The same for a segment carried by IPv6: the connection is known by both 128-bit addresses and the ports. */
    public void segment(long frame, long timeNanos, Ipv6Address srcIp, int srcPort, Ipv6Address dstIp, int dstPort,
                        long seq, long ack, int flags, byte[] buf, int off, int len) {
        Connection c = admit(connections.get(srcIp, srcPort, dstIp, dstPort), flags, len);
        if (c == DROP) {
            return;
        }
        if (c == null) {
            c = connections.open(srcIp, srcPort, dstIp, dstPort);
        }
        segment(c, c.a.sourceIpv6().equals(srcIp) && c.a.sourcePort() == srcPort ? c.a : c.b, frame, timeNanos, seq,
                ack, flags, buf, off, len);
    }

    /** {@link #admit}'s answer for a segment that belongs to no connection. */
    private static final Connection DROP = new Connection(0, 0, 0, 0, 0);

    /**
     * What to do with a segment whose endpoints' connection is {@code c}: the connection itself, {@code null} to open
     * a new one, or {@link #DROP}. On a finished connection only a SYN without ACK starts a new one; anything else is a
     * late duplicate or the last ACK of the finished one. A segment of an unknown connection opens one unless it is a
     * RST or carries neither SYN, data nor FIN.
     */
    private Connection admit(Connection c, int flags, int len) {
        if (c != null && c.closed) {
            if ((flags & SYN) == 0 || (flags & ACK) != 0) {
                duplicateSegments += len > 0 ? 1 : 0;
                return DROP;
            }
            connections.forget(c);
            c = null;
        }
        return c == null && !mayOpen(flags, len) ? DROP : c;
    }

    /** Whether a segment of an unknown connection opens one: not a RST, and a SYN, data or a FIN. */
    private static boolean mayOpen(int flags, int len) {
        return (flags & RST) == 0 && ((flags & SYN) != 0 || len > 0 || (flags & FIN) != 0);
    }

    private void segment(Connection c, TcpFlow f, long frame, long timeNanos, long seq, long ack, int flags,
                         byte[] buf, int off, int len) {
        boolean syn = (flags & SYN) != 0;
        boolean fin = (flags & FIN) != 0;
        boolean hasAck = (flags & ACK) != 0;
        if ((flags & RST) != 0) {
            reset(c, frame, timeNanos);
            return;
        }
        long dataSeq = seq;
        if (syn) {
            c.handshakeSeen = true;
            if (!hasAck && !f.reverse.initiator) {
                f.initiator = true;
            }
            if (!f.synced) {
                f.synced = true;
                f.next = (seq + 1) & MASK32;
            }
            dataSeq = (seq + 1) & MASK32;
        }
        if (hasAck) {
            acknowledged(f.reverse, ack, frame);
        }
        if (len > 0) {
            if (!f.synced) {
                f.synced = true;
                f.next = dataSeq;
            }
            payload(f, dataSeq, buf, off, len, frame, timeNanos);
        }
        if (fin && f.synced && f.finAbs < 0) {
            f.finAbs = f.nextAbs + (int) (((dataSeq + len) & MASK32) - f.next);
        }
        check(f, frame, timeNanos);
        check(f.reverse, frame, timeNanos);
        if (frame - lastSweep >= SWEEP_EVERY) {
            lastSweep = frame;
            sweep(frame, timeNanos);
        }
    }

    private void payload(TcpFlow f, long seq, byte[] buf, int off, int len, long frame, long time) {
        if (f.ended) {
            duplicateSegments++;
            return;
        }
        int diff = (int) (seq - f.next);
        if (diff <= 0) {
            long skip = -(long) diff;
            if (skip >= len) {
                duplicateSegments++;
                return;
            }
            if (skip > 0) {
                overlappingSegments++;
            }
            deliver(f, buf, off + (int) skip, len - (int) skip, frame, time);
            drain(f);
        } else {
            outOfOrderSegments++;
            hold(f, f.nextAbs + diff, buf, off, len, frame, time);
        }
    }

    private void deliver(TcpFlow f, byte[] buf, int off, int len, long frame, long time) {
        f.next = (f.next + len) & MASK32;
        f.nextAbs += len;
        listener.data(f, buf, off, len, frame, time);
    }

    /** Delivers held segments that now join the stream. */
    private void drain(TcpFlow f) {
        while (!f.held.isEmpty()) {
            TcpFlow.Held h = f.held.get(0);
            if (h.abs > f.nextAbs) {
                break;
            }
            f.held.remove(0);
            f.heldBytes -= h.data.length;
            long skip = f.nextAbs - h.abs;
            if (skip < h.data.length) {
                deliver(f, h.data, (int) skip, h.data.length - (int) skip, h.frame, h.time);
            } else {
                duplicateSegments++;
            }
        }
        if (f.held.isEmpty()) {
            holes.remove(f);
            f.ackOverHoleFrame = -1;
        }
    }

    private void hold(TcpFlow f, long abs, byte[] buf, int off, int len, long frame, long time) {
        int i = f.held.size();
        while (i > 0 && f.held.get(i - 1).abs > abs) {
            i--;
        }
        if (i > 0 && f.held.get(i - 1).abs == abs && f.held.get(i - 1).data.length >= len) {
            duplicateSegments++;
            return;
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        if (f.held.isEmpty()) {
            f.holeSinceFrame = frame;
            holes.add(f);
            if (f.ackedAbs > f.nextAbs) {
                f.ackOverHoleFrame = frame;
            }
        }
        f.held.add(i, new TcpFlow.Held(abs, copy, frame, time));
        f.heldBytes += len;
    }

    /** The other end acknowledged {@code ack} of {@code f}'s stream. */
    private static void acknowledged(TcpFlow f, long ack, long frame) {
        if (!f.synced) {
            return;
        }
        long abs = f.nextAbs + (int) (ack - f.next);
        if (abs > f.ackedAbs) {
            f.ackedAbs = abs;
        }
        if (abs > f.nextAbs && f.ackOverHoleFrame < 0) {
            f.ackOverHoleFrame = frame;
        }
    }

    /** Gives up the holes of {@code f} that will not be filled, and ends it once its FIN is reached. */
    private void check(TcpFlow f, long frame, long time) {
        while (!f.held.isEmpty()) {
            boolean acked = f.ackOverHoleFrame >= 0 && frame - f.ackOverHoleFrame >= limits.ackGraceFrames();
            boolean full = f.heldBytes > limits.maxHeldBytes();
            boolean old = frame - f.holeSinceFrame >= limits.maxHoldFrames();
            if (!acked && !full && !old) {
                break;
            }
            skipHole(f);
            if (!f.held.isEmpty()) {
                f.holeSinceFrame = frame;
                f.ackOverHoleFrame = f.ackedAbs > f.nextAbs ? frame : -1;
            }
        }
        if (!f.ended && f.finAbs >= 0 && f.nextAbs >= f.finAbs && f.held.isEmpty()) {
            end(f, TcpFlow.End.FIN, frame, time);
        }
    }

    /** Declares the hole before the first held segment a gap and delivers what follows it. */
    private void skipHole(TcpFlow f) {
        TcpFlow.Held h = f.held.get(0);
        long missing = h.abs - f.nextAbs;
        gap(f, missing, h.frame, h.time);
        drain(f);
    }

    private void gap(TcpFlow f, long missing, long frame, long time) {
        f.next = (f.next + missing) & MASK32;
        f.nextAbs += missing;
        gapBytes += missing;
        listener.gap(f, missing, frame, time);
    }

    private void sweep(long frame, long time) {
        if (holes.isEmpty()) {
            return;
        }
        for (TcpFlow f : new ArrayList<>(holes)) {
            check(f, frame, time);
        }
    }

    /** Everything held is flushed, with gaps where bytes are missing, and the flow ends. */
    private void flushAndEnd(TcpFlow f, TcpFlow.End how, long frame, long time) {
        if (f.ended) {
            return;
        }
        while (!f.held.isEmpty()) {
            skipHole(f);
        }
        // bytes the peer acknowledged, or that lie before the FIN, but never seen: a gap at the end of the stream
        long known = Math.max(f.ackedAbs, f.finAbs);
        if (f.finAbs < 0 && known == f.nextAbs + 1) {
            // most likely the peer acknowledging a FIN the capture missed: a FIN is not a byte of the stream
            known = f.nextAbs;
        } else if (f.finAbs >= 0) {
            known = f.finAbs;
        }
        if (f.synced && known > f.nextAbs) {
            gap(f, known - f.nextAbs, frame, time);
        }
        end(f, how, frame, time);
    }

    private void end(TcpFlow f, TcpFlow.End how, long frame, long time) {
        f.ended = true;
        holes.remove(f);
        listener.end(f, how, frame, time);
        if (f.reverse.ended) {
            connections.finished(f.connection);
        }
    }

    private void reset(Connection c, long frame, long time) {
        flushAndEnd(c.a, TcpFlow.End.RESET, frame, time);
        flushAndEnd(c.b, TcpFlow.End.RESET, frame, time);
    }

    /** The capture ended: every connection still open is flushed (held data after gaps) and ended. */
    public void finish(long frame, long timeNanos) {
        for (Connection c : connections.all()) {
            if (!c.closed) {
                flushAndEnd(c.a, TcpFlow.End.CAPTURE_END, frame, timeNanos);
                flushAndEnd(c.b, TcpFlow.End.CAPTURE_END, frame, timeNanos);
            }
        }
    }

    /** Segments whose bytes had all been delivered already (retransmissions, duplicates). */
    public long duplicateSegments() {
        return duplicateSegments;
    }

    /** Segments that repeated some delivered bytes and brought some new ones. */
    public long overlappingSegments() {
        return overlappingSegments;
    }

    /** Segments that arrived ahead of a hole. */
    public long outOfOrderSegments() {
        return outOfOrderSegments;
    }

    /** Bytes declared lost (not captured). */
    public long gapBytes() {
        return gapBytes;
    }

    /** Connections seen so far. */
    public long connections() {
        return connections.opened();
    }

    /** Connections held in memory now (open ones and recently finished ones). */
    public int connectionsHeld() {
        return connections.size();
    }
}
