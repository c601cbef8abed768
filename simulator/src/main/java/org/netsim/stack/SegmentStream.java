package org.netsim.stack;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.http.HttpFraming;

/**
 * One direction of a TCP connection as {@link StackDissector} follows it frame by frame: where the byte stream has got
 * to, and a message (a WebSocket frame, an HTTP message) whose first bytes arrived but not its last. Its bytes are
 * held; the earlier segments show a "TCP segment of a reassembled PDU" field, and the segment that completes it
 * carries the whole message as a {@link DataSource} ("Reassembled TCP"), decoded by the protocol above as usual, with
 * a field listing the frames it was joined from: what Wireshark shows ({@link ReassemblyPdus} builds those PDUs).
 *
 * <p>Only segments in sequence order are joined. A segment that starts past the next sequence number expected (bytes
 * lost, or missed by the capture) says so and is not joined to what came before: a message held then stays
 * incomplete, and when its length was known the bytes up to its end are shown as its (not decoded) and decoding
 * resumes exactly where the next message starts; otherwise the segment is decoded on its own. Bytes seen before (a
 * retransmission) are not joined again: those of a message held or recently read here say whose they are; a
 * retransmission of whole messages, or of bytes no message here has, is decoded again on its own.
 */
final class SegmentStream {
    private static final long MASK = 0xffff_ffffL;
    /** The largest message held: past it, its segments are counted and named, not joined. */
    static final int MAX_HELD = 16 << 20;
    /** An HTTP head longer than this without its blank line is decoded as it is (and shown cut short). */
    private static final int MAX_HEAD = 64 << 10;
    /** Messages remembered, for retransmissions of their bytes. */
    private static final int RECENT = 8;

    /** The kind of message held. */
    enum Kind { WEBSOCKET, HTTP }

    /** The protocol above TCP, as the dissector reads it on this connection. */
    interface Upper {
        /** The PDUs of {@code buf[off, off+len)}, bytes that start at a message boundary. */
        List<Pdu> dissect(byte[] buf, int off, int len);

        /** If the last of {@code pdus} is a message that continues past {@code end}, its kind; else {@code null}. */
        Kind cutOff(List<Pdu> pdus, byte[] buf, int end);

        /** The PDUs of one whole message, {@code msg} from its first byte to its last. */
        List<Pdu> whole(Kind kind, byte[] msg);
    }

    /**
     * A message read here, whole in one segment, reassembled, or left incomplete by a gap: its sequence numbers, for
     * retransmissions of its bytes. What became of it is said only if one comes ({@link #where}): kept as the frame's
     * number, since every message of every segment is remembered.
     */
    private record Done(long startSeq, long endSeq, String what, String verb, int frame) {
        /** "read in frame 9", "reassembled in frame 12". */
        String where(FrameContext ctx) {
            return verb + ctx.name(frame);
        }
    }

    /** A message a gap left incomplete, whose length is known: its bytes up to {@code endSeq} are skipped. */
    private record Skip(long startSeq, long endSeq, String what, String since) {
    }

    /** The endpoints of this direction, for looking ahead; set by the dissector on the first segment. */
    SegmentLookahead.Way way;
    /** The next sequence number expected, or -1 before the first byte. */
    private long nextSeq = -1;
    private HeldMessage held;
    private Skip skip;
    private final Done[] recent = new Done[RECENT];
    private int recentCount;

    /**
     * The PDUs of one segment's payload {@code buf[off, off+len)}, sequence number {@code seq}, frame {@code frame}
     * of {@code ctx}.
     */
    List<Pdu> segment(Upper up, FrameContext ctx, int frame, long seq, byte[] buf, int off, int len) {
        List<Pdu> out = new ArrayList<>(2);
        int end = off + len;
        if (nextSeq < 0) {
            nextSeq = seq;
        }
        int diff = (int) (seq - nextSeq);
        int at = off;
        if (diff > 0) {
            gap(ctx, frame, seq, diff, off, out);
        } else if (diff < 0) {
            int old = (int) Math.min(len, -(long) diff);
            Done d = old == len ? whole(seq, len) : null;
            String whose = d != null ? null : whose(ctx, seq, old);
            if (old == len && whose == null) {
                // whole messages sent again, or bytes of none read here: decoded again on their own, as on their first
                // passage; nothing held or expected changes
                out.add(ReassemblyPdus.note(off, Reassembly.Role.RETRANSMITTED, "[Retransmission]", "a "
                        + "retransmission: sequence numbers " + seq + " to " + ((seq + len - 1) & MASK) + " were seen "
                        + "before (the next expected is " + nextSeq + ")" + (d == null ? "" : ", the " + d.what() + " "
                        + d.where(ctx)) + "; decoded again on their own"));
                out.addAll(up.dissect(buf, off, len));
                return out;
            }
            out.add(ReassemblyPdus.retransmitted(buf, off, old, seq, whose));
            at += old;
            seq = (seq + old) & MASK;
            if (at == end) {
                return out;
            }
        }
        nextSeq = (seq + (end - at)) & MASK;
        if (skip != null) {
            at = skipped(buf, at, end, seq, out);
            seq = (nextSeq - (end - at)) & MASK;
        }
        if (held != null && at < end) {
            at = continueHeld(up, ctx, frame, buf, at, end, out);
            seq = (nextSeq - (end - at)) & MASK;
        }
        if (at < end) {
            fresh(up, ctx, frame, seq, buf, at, end, out);
        }
        return out;
    }

    /** A segment {@code diff} bytes past the next one expected: what was held cannot be completed. */
    private void gap(FrameContext ctx, int frame, long seq, int diff, int at, List<Pdu> out) {
        String lost = "";
        HeldMessage h = held;
        if (h != null) {
            lost = "; the " + h.what + " held since " + h.firstFrame() + " stays incomplete";
            if (h.total >= 0) {
                long endSeq = (h.startSeq + h.total) & MASK;
                skip = new Skip(h.startSeq, endSeq, h.what, h.firstFrame());
                remember(new Done(h.startSeq, endSeq, h.what, "begun in " + h.firstFrame()
                        + " and left incomplete by a gap before ", frame));
                lost += ", and decoding resumes where the next message starts, at sequence number " + endSeq;
            }
            held = null;
        }
        out.add(ReassemblyPdus.note(at, Reassembly.Role.NOT_REASSEMBLED, "[Not joined: "
                + ReassemblyPdus.bytes(diff) + " missing before it]", "not joined to the segments before: its "
                + "sequence number " + seq + " is " + ReassemblyPdus.bytes(diff) + " past the next one expected ("
                + nextSeq + "), so bytes are missing (lost, or not captured); segments are joined only in sequence "
                + "order, never across a gap" + lost));
    }

    /** The bytes of a message a gap left incomplete, up to its end; returns where the rest of the segment starts. */
    private int skipped(byte[] buf, int at, int end, long seq, List<Pdu> out) {
        Skip s = skip;
        long left = (int) (s.endSeq() - seq);
        if (left <= 0) {
            // its end lay in the bytes that are missing: where the next message starts is not known
            skip = null;
            return at;
        }
        int n = (int) Math.min(left, end - at);
        out.add(ReassemblyPdus.incomplete(s.what(), (s.endSeq() - s.startSeq()) & MASK, s.since(), buf, at, n,
                (seq - s.startSeq()) & MASK));
        if (n == left) {
            skip = null;
        }
        return at + n;
    }

    /** Bytes at a message boundary: decoded as they are; a message cut off at the end is held from its start. */
    private void fresh(Upper up, FrameContext ctx, int frame, long seq, byte[] buf, int at, int end, List<Pdu> out) {
        List<Pdu> pdus = up.dissect(buf, at, end - at);
        Kind kind = pdus.isEmpty() ? null : up.cutOff(pdus, buf, end);
        int whole = kind == null ? pdus.size() : pdus.size() - 1;
        for (int i = 0; i < whole; i++) {
            Pdu p = pdus.get(i);
            out.add(p);
            if (p.protocol() == Protocol.WEBSOCKET || p.protocol() == Protocol.HTTP) {
                long from = (seq + (p.offset() - at)) & MASK;
                remember(new Done(from, (from + p.length()) & MASK, p.protocol() == Protocol.HTTP ? "HTTP message"
                        : "WebSocket frame", "read in ", frame));
            }
        }
        if (kind == null) {
            return;
        }
        Pdu last = pdus.get(pdus.size() - 1);
        int from = last.offset();
        HeldMessage h = new HeldMessage(kind, what(kind, buf, from, end), (seq + (from - at)) & MASK);
        h.append(buf, from, end - from);
        h.total = total(h);
        if (h.total >= 0 && h.total <= h.got()) {
            // its first bytes say it ends here after all (they break its protocol): shown as decoded
            out.add(last);
            return;
        }
        if (h.total > MAX_HELD) {
            h.tooLarge();
        }
        held = h;
        h.pieces.add(new DataSource.Piece(ctx.name(frame), 0, end - from));
        predict(h, ctx, frame);
        out.add(ReassemblyPdus.segment(h, ctx, buf, from, end - from, 0));
    }

    /** The held message goes on in {@code buf[at, end)}; returns where its bytes end in the segment. */
    private int continueHeld(Upper up, FrameContext ctx, int frame, byte[] buf, int at, int end, List<Pdu> out) {
        HeldMessage h = held;
        long before = h.got();
        int n = end - at;
        if (h.total >= 0) {
            n = (int) Math.min(n, h.total - before);
        }
        h.append(buf, at, n);
        if (h.total < 0) {
            h.total = total(h);
            if (h.total >= 0 && h.total < h.got()) {
                // the message ends inside this segment: the bytes past it start the next one
                int extra = (int) (h.got() - h.total);
                h.size -= extra;
                n -= extra;
            }
            if (h.total > MAX_HELD) {
                h.tooLarge();
            }
        }
        h.pieces.add(new DataSource.Piece(ctx.name(frame), (int) Math.min(before, Integer.MAX_VALUE), n));
        if (h.total >= 0 && h.got() >= h.total) {
            held = null;
            if (h.tooLarge) {
                out.add(ReassemblyPdus.segment(h, ctx, buf, at, n, before));
            } else {
                String here = ctx.name(frame);
                byte[] msg = h.bytes();
                remember(new Done(h.startSeq, (h.startSeq + msg.length) & MASK, h.what, "reassembled in ", frame));
                out.add(ReassemblyPdus.completed(h, here, msg, up.whole(h.kind, msg), buf, at, n));
            }
            return at + n;
        }
        predict(h, ctx, frame);
        out.add(ReassemblyPdus.segment(h, ctx, buf, at, n, before));
        return at + n;
    }

    /** Once, when the held message's length is first known: the frames ahead name the one that completes it. */
    private void predict(HeldMessage h, FrameContext ctx, int frame) {
        if (h.total >= 0 && h.prediction == null && !h.tooLarge) {
            h.prediction = way == null ? new SegmentLookahead.Prediction(SegmentLookahead.Outcome.NOT_LOOKED, frame)
                    : SegmentLookahead.predict(ctx, frame, way, nextSeq, h.total - h.got());
        }
    }

    /** The held message's whole length, once its bytes say it; -1 before. */
    private static long total(HeldMessage h) {
        if (h.tooLarge) {
            return h.total;
        }
        if (h.kind == Kind.WEBSOCKET) {
            return MessageLengths.webSocket(h.buf, h.size);
        }
        int headEnd = HttpFraming.headEnd(h.buf, h.headScan, h.size);
        if (headEnd < 0) {
            h.headScan = Math.max(0, h.size - 3);
            // a head that never ends is decoded as it is, and shown cut short
            return h.size > MAX_HEAD ? h.size : -1;
        }
        return MessageLengths.http(h.buf, headEnd, h.size);
    }

    private static String what(Kind kind, byte[] buf, int from, int end) {
        if (kind == Kind.WEBSOCKET) {
            return "WebSocket frame";
        }
        return end - from >= 5 && buf[from] == 'H' && buf[from + 1] == 'T' ? "HTTP response" : "HTTP request";
    }

    /** The message read here whose bytes are exactly {@code [seq, seq+n)}, or {@code null}. */
    private Done whole(long seq, int n) {
        long end = (seq + n) & MASK;
        for (int i = 0; i < recentCount; i++) {
            Done d = recent[i];
            if (d.startSeq() == seq && d.endSeq() == end) {
                return d;
            }
        }
        return null;
    }

    /** Which held or recently read message {@code [seq, seq+n)} has bytes of, in words; or {@code null}. */
    private String whose(FrameContext ctx, long seq, int n) {
        if (held != null && overlaps(seq, n, held.startSeq, nextSeq)) {
            return "bytes of the " + held.what + " held for reassembly since " + held.firstFrame();
        }
        for (int i = 0; i < recentCount; i++) {
            Done d = recent[i];
            if (overlaps(seq, n, d.startSeq(), d.endSeq())) {
                return "bytes of the " + d.what() + " " + d.where(ctx);
            }
        }
        return null;
    }

    /** Whether {@code [seq, seq+n)} and {@code [from, to)} share a sequence number, counted from the next one. */
    private boolean overlaps(long seq, int n, long from, long to) {
        long a = (int) (seq - nextSeq);
        long b = a + n;
        long c = (int) (from - nextSeq);
        long d = (int) (to - nextSeq);
        return a < d && c < b;
    }

    private void remember(Done d) {
        System.arraycopy(recent, 0, recent, 1, RECENT - 1);
        recent[0] = d;
        recentCount = Math.min(RECENT, recentCount + 1);
    }
}
