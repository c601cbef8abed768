package org.netsim.stack;

import org.netsim.wire.ipv6.Ipv6Address;
import org.netsim.wire.ipv6.Ipv6Codec;
import org.netsim.wire.ipv6.Ipv6Header;
import org.netsim.wire.link.LinkLayer;

/**
 * Finds, among the frames still to come ({@link FrameContext#frame}), the one whose segment completes a message held
 * for reassembly, reading only their IP and TCP headers: so the first segments of a 70 KB message can say "reassembled
 * in frame 57" without a second dissection of the frames between. It follows the rule {@link SegmentStream} follows:
 * only the segments of the same direction, in sequence order, count; bytes seen before are skipped; a segment past
 * the next sequence number expected is a gap, across which nothing is joined.
 */
final class SegmentLookahead {
    private SegmentLookahead() {
    }

    /** How far ahead to look: past it, the completing frame is not named. */
    static final int MAX_FRAMES = 65_536;

    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_IPV6 = 0x86dd;
    private static final int TCP = 6;
    private static final long MASK = 0xffff_ffffL;

    /** What the frames ahead say. */
    enum Outcome {
        /** {@link Prediction#frame()} completes the message. */
        COMPLETED,
        /** {@link Prediction#frame()} comes after a gap in the sequence numbers: the message is never completed. */
        GAP,
        /** The connection ends (FIN or RST) in {@link Prediction#frame()} before the message is complete. */
        CLOSED,
        /** The frames at hand end first (or a fragment hides a segment): nothing is known. */
        UNKNOWN,
        /** The context knows no frames in advance (a capture read frame by frame): nothing was looked at. */
        NOT_LOOKED
    }

    /** @param frame the frame (counted as {@link FrameContext} counts) the outcome was seen in */
    record Prediction(Outcome outcome, int frame) {
    }

    /**
     * One direction of a connection: addresses as {@code Integer} (IPv4) or {@link Ipv6Address}, and ports.
     */
    record Way(Object src, int srcPort, Object dst, int dstPort) {
    }

    /**
     * Looks at the frames after frame {@code current} for the {@code remaining} bytes of the way's stream from
     * sequence number {@code expected} on.
     */
    static Prediction predict(FrameContext ctx, int current, Way way, long expected, long remaining) {
        if (ctx.frame(current) == null) {
            return new Prediction(Outcome.NOT_LOOKED, current);
        }
        Peek p = new Peek();
        for (int k = current + 1; k <= current + MAX_FRAMES; k++) {
            byte[] f = ctx.frame(k);
            if (f == null) {
                return new Prediction(Outcome.UNKNOWN, k);
            }
            if (!p.read(ctx.linkType(k), f)) {
                continue;
            }
            if (!p.src.equals(way.src()) || !p.dst.equals(way.dst())) {
                continue;
            }
            if (p.fragment) {
                // a fragment's segment is joined by IP first: its sequence number cannot be read here
                return new Prediction(Outcome.UNKNOWN, k);
            }
            if (p.srcPort != way.srcPort() || p.dstPort != way.dstPort()) {
                continue;
            }
            if (p.length > 0) {
                int diff = (int) (p.seq - expected);
                if (diff > 0) {
                    return new Prediction(Outcome.GAP, k);
                }
                long fresh = p.length + (long) diff;
                if (fresh > 0) {
                    expected = (expected + fresh) & MASK;
                    remaining -= fresh;
                    if (remaining <= 0) {
                        return new Prediction(Outcome.COMPLETED, k);
                    }
                }
            }
            if (p.closes) {
                return new Prediction(Outcome.CLOSED, k);
            }
        }
        return new Prediction(Outcome.UNKNOWN, current + MAX_FRAMES);
    }

    /** The IP and TCP header fields of one frame that the prediction needs. */
    private static final class Peek {
        Object src;
        Object dst;
        int srcPort;
        int dstPort;
        long seq;
        int length;
        boolean closes;
        boolean fragment;

        /** Whether the frame is IP (TCP, or a fragment); the fields are set for what it is. */
        boolean read(int linkType, byte[] b) {
            long start = LinkLayer.networkStart(linkType, b, 0, b.length);
            if (start < 0) {
                return false;
            }
            int type = (int) (start >>> 32);
            int o = (int) start;
            int tcp;
            int end;
            if (type == ETHERTYPE_IPV4) {
                if (b.length - o < 20 || (b[o] & 0xf0) != 0x40) {
                    return false;
                }
                int ihl = (b[o] & 0x0f) * 4;
                end = Math.min(b.length, o + u16(b, o + 2));
                src = u32(b, o + 12);
                dst = u32(b, o + 16);
                fragment = (u16(b, o + 6) & 0x3fff) != 0;
                if (fragment) {
                    return true;
                }
                if ((b[o + 9] & 0xff) != TCP) {
                    return false;
                }
                tcp = o + ihl;
            } else if (type == ETHERTYPE_IPV6) {
                Ipv6Header h = Ipv6Codec.readHeader(b, o, b.length - o);
                if (h == null) {
                    return false;
                }
                src = h.source();
                dst = h.destination();
                fragment = h.isFragment();
                if (fragment) {
                    return true;
                }
                if (h.upperLayerProtocol() != TCP) {
                    return false;
                }
                tcp = o + h.headerLength();
                end = Math.min(b.length, o + 40 + h.payloadLength());
            } else {
                return false;
            }
            if (end - tcp < 20) {
                return false;
            }
            int dataOffset = ((b[tcp + 12] & 0xf0) >>> 4) * 4;
            srcPort = u16(b, tcp);
            dstPort = u16(b, tcp + 2);
            seq = u32(b, tcp + 4) & MASK;
            length = Math.max(0, end - tcp - dataOffset);
            int flags = b[tcp + 13];
            closes = (flags & 0x05) != 0;
            return true;
        }

        private static int u16(byte[] b, int at) {
            return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
        }

        private static long u32(byte[] b, int at) {
            return ((long) u16(b, at) << 16 | u16(b, at + 2)) & MASK;
        }
    }
}
