package org.netsim.stack;

import java.util.List;
import java.util.Locale;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.tcp.TcpLayout;

/**
 * The TCP-level PDUs {@link SegmentStream} puts among a segment's payload, and their words: Wireshark's
 * "[TCP segment of a reassembled PDU]" and "[N Reassembled TCP Segments]" as a model, said in this project's own way.
 * Each carries a {@link Reassembly} header.
 */
final class ReassemblyPdus {
    private ReassemblyPdus() {
    }

    private static final long MASK = 0xffff_ffffL;

    /** {@code n} bytes of {@code h} at {@code buf[at]}, {@code before} of its bytes having come earlier. */
    static Pdu segment(HeldMessage h, FrameContext ctx, byte[] buf, int at, int n, long before) {
        SegmentLookahead.Prediction p = h.prediction;
        String in = p != null && p.outcome() == SegmentLookahead.Outcome.COMPLETED ? ctx.name(p.frame()) : null;
        StringBuilder text = new StringBuilder(160).append(bytes(n)).append(": ").append(range(before, n))
                .append(" of ");
        if (h.total >= 0) {
            text.append(article(count(h.total))).append(' ').append(count(h.total)).append("-byte ").append(h.what);
        } else {
            text.append(article(h.what)).append(' ').append(h.what).append(" whose first bytes do not say its length "
                    + "yet");
        }
        if (h.tooLarge) {
            text.append(", too large to join (netsim holds at most ").append(count(SegmentStream.MAX_HELD))
                    .append(" bytes of one message)");
        } else if (in == null) {
            text.append(fate(p, ctx));
        }
        Pdu.Builder b = Pdu.builder(Protocol.TCP, at)
                .header(new Reassembly(Reassembly.Role.SEGMENT, h.what, h.total, in))
                .field(TcpLayout.SEGMENT_DATA.span(at, n, 0, Bytes.of(buf, at, at + n), text.toString()));
        if (in != null) {
            b.field(generated(TcpLayout.REASSEMBLED_IN, at, in));
        }
        return b.summary("[TCP segment of a reassembled PDU]").end(at + n).build();
    }

    /** Where a message whose completing frame is not known will be whole, in words. */
    private static String fate(SegmentLookahead.Prediction p, FrameContext ctx) {
        if (p == null) {
            return "; where it ends is looked for once its length is known";
        }
        return switch (p.outcome()) {
            case GAP -> "; never completed here: " + ctx.name(p.frame()) + " comes after a gap in the sequence "
                    + "numbers, and segments are not joined across one";
            case CLOSED -> "; never completed: the connection ends in " + ctx.name(p.frame()) + " before its last byte";
            case NOT_LOOKED -> "; shown whole in the frame that brings its last byte (frames are read one by one "
                    + "here, so which one is known only when it arrives)";
            default -> "; its last byte is not in the frames at hand";
        };
    }

    /**
     * The segment that completes {@code h} ({@code n} bytes at {@code buf[at]}), in frame {@code here}: the message as
     * a data source, {@code pdus} its PDUs (offsets in {@code msg}).
     */
    static Pdu completed(HeldMessage h, String here, byte[] msg, List<Pdu> pdus, byte[] buf, int at, int n) {
        DataSource source = new DataSource("Reassembled TCP", Bytes.wrap(msg), h.pieces);
        StringBuilder list = new StringBuilder(24 * h.pieces.size()).append(h.pieces.size()).append(" segments, ")
                .append(count(msg.length)).append(" bytes: ");
        for (int i = 0; i < h.pieces.size(); i++) {
            DataSource.Piece p = h.pieces.get(i);
            list.append(i == 0 ? "" : ", ").append(p.frame()).append(" (").append(count(p.length())).append(')');
        }
        Pdu.Builder b = Pdu.builder(Protocol.TCP, at).source(source)
                .header(new Reassembly(Reassembly.Role.COMPLETED, h.what, msg.length, here))
                .field(TcpLayout.SEGMENT_DATA.span(at, n, 0, Bytes.of(buf, at, at + n), bytes(n) + ": "
                        + range(msg.length - n, n) + ", the last of the " + count(msg.length) + "-byte " + h.what
                        + " reassembled below"))
                .field(generated(TcpLayout.SEGMENTS, at, list.toString()));
        b.children(pdus);
        int claimed = 0;
        for (Pdu p : pdus) {
            claimed = Math.max(claimed, p.end());
        }
        if (claimed < msg.length) {
            b.child(Pdu.data(msg, claimed, msg.length - claimed));
        }
        return b.summary("[" + h.pieces.size() + " reassembled TCP segments (" + count(msg.length) + " bytes): "
                + article(h.what) + " " + h.what + "]").end(at + n).build();
    }

    /** Bytes of a message a gap left incomplete: {@code from} of its bytes before them, {@code total} in all. */
    static Pdu incomplete(String what, long total, String since, byte[] buf, int at, int n, long from) {
        String text = bytes(n) + ": " + range(from, n) + " of the " + count(total) + "-byte " + what + " begun in "
                + since + ", which a gap in the sequence numbers left incomplete: not decoded";
        return Pdu.builder(Protocol.TCP, at).header(new Reassembly(Reassembly.Role.INCOMPLETE, what, total, null))
                .field(TcpLayout.SEGMENT_DATA.span(at, n, 0, Bytes.of(buf, at, at + n), text))
                .summary("[TCP segment of an incomplete PDU]").end(at + n).build();
    }

    /** Bytes sent before, of a message held or read here ({@code whose}, or {@code null}). */
    static Pdu retransmitted(byte[] buf, int at, int n, long seq, String whose) {
        String text = bytes(n) + " sent before (sequence numbers " + seq + " to " + ((seq + n - 1) & MASK) + ")"
                + (whose == null ? "" : ", " + whose) + ": not joined again";
        return Pdu.builder(Protocol.TCP, at).header(new Reassembly(Reassembly.Role.RETRANSMITTED, null, -1, null))
                .field(TcpLayout.RETRANSMITTED_DATA.span(at, n, 0, Bytes.of(buf, at, at + n), text))
                .summary("[Retransmitted TCP segment data]").end(at + n).build();
    }

    /** A note of no bytes at {@code at}: what the dissector worked out about the segment. */
    static Pdu note(int at, Reassembly.Role role, String summary, String text) {
        return Pdu.builder(Protocol.TCP, at).header(new Reassembly(role, null, -1, null))
                .field(generated(TcpLayout.REASSEMBLY_NOTE, at, text)).summary(summary).end(at).build();
    }

    /** A field of no bits: worked out by following the connection, as Wireshark's bracketed fields are. */
    private static Field generated(FieldSpec spec, int at, String text) {
        return spec.span(at, 0, 0, null, text);
    }

    static String range(long from, int n) {
        return n == 1 ? "byte " + count(from) : "bytes " + count(from) + "–" + count(from + n - 1);
    }

    static String bytes(long n) {
        return count(n) + (n == 1 ? " byte" : " bytes");
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** "a" or "an" before a word or a number as it is read ("an 8-byte", "an 11,000-byte", "an HTTP"). */
    static String article(String next) {
        if (next.startsWith("HTTP") || next.startsWith("8")) {
            return "an";
        }
        String lead = next.split(",", 2)[0];
        if (lead.equals("11") || lead.equals("18")) {
            return "an";
        }
        return !next.isEmpty() && "aeiouAEIOU".indexOf(next.charAt(0)) >= 0 ? "an" : "a";
    }
}
