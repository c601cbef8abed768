package org.netsim.wire.physical;

import static org.netsim.wire.physical.PhysicalLayout.INTER_FRAME_GAP_BITS;
import static org.netsim.wire.physical.PhysicalLayout.OVERHEAD_LENGTH;
import static org.netsim.wire.physical.PhysicalLayout.PREAMBLE;
import static org.netsim.wire.physical.PhysicalLayout.PREAMBLE_BYTE;
import static org.netsim.wire.physical.PhysicalLayout.PREAMBLE_LENGTH;
import static org.netsim.wire.physical.PhysicalLayout.SFD;
import static org.netsim.wire.physical.PhysicalLayout.SFD_VALUE;

import java.math.BigInteger;
import java.util.List;
import org.netsim.pdu.Field;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * The Ethernet physical layer as the wire sees it (IEEE 802.3 Clause 3.2 and 4.4.2): a 7-byte preamble, the start
 * frame delimiter, the frame with its FCS, then an inter-frame gap of 96 bit times in which nothing is sent.
 *
 * <p>The bytes here are the "as written" bytes; which bit of each byte goes first on the wire is shown by
 * {@link BitString} ({@link BitOrder#TRANSMISSION}). Timing is exact arithmetic on bit counts: a bit lasts
 * 1/rate seconds, so the simulation and the lessons can say why a 1518-byte frame takes longer than a 64-byte one.
 */
public final class PhysicalCodec {
    private PhysicalCodec() {
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** The frame (already carrying its FCS) with the standard preamble and SFD in front. */
    public static byte[] encode(byte[] frameWithFcs) {
        return encode(PhysicalHeader.STANDARD, frameWithFcs, 0, frameWithFcs.length);
    }

    /** {@code frame[offset, offset+length)} with the given preamble and SFD in front (a lesson may damage them). */
    public static byte[] encode(PhysicalHeader h, byte[] frame, int offset, int length) {
        byte[] out = new byte[OVERHEAD_LENGTH + length];
        PREAMBLE.write(out, 0, h.preamble());
        SFD.write(out, 0, h.sfd());
        System.arraycopy(frame, offset, out, OVERHEAD_LENGTH, length);
        return out;
    }

    /** The preamble and SFD at {@code buf[offset]}, or {@code null} if fewer than 8 bytes are there. */
    public static PhysicalHeader readHeader(byte[] buf, int offset, int length) {
        if (length < OVERHEAD_LENGTH) {
            return null;
        }
        return new PhysicalHeader(PREAMBLE.read(buf, offset), (int) SFD.read(buf, offset));
    }

    /**
     * Decodes what the wire carried in {@code buf[offset, offset+length)}: preamble, SFD and the frame, handed to
     * {@code frame} as the child. A preamble byte other than 0x55 or an SFD other than 0xd5 makes the PDU malformed:
     * the receiver cannot tell where the frame starts, so the bytes after the SFD stay undecoded.
     */
    public static Pdu dissect(byte[] buf, int offset, int length, PayloadDissector<PhysicalHeader> frame) {
        Pdu.Builder b = Pdu.builder(Protocol.PHYSICAL, offset);
        int end = offset + length;
        if (length < OVERHEAD_LENGTH) {
            return b.malformed(length + " bytes are too few for the 7-byte preamble and the 1-byte start frame "
                    + "delimiter", offset, end).build();
        }
        PhysicalHeader h = readHeader(buf, offset, length);
        b.header(h);
        Field preamble = PREAMBLE.at(offset, h.preamble(), Hex.spaced(buf, offset, PREAMBLE_LENGTH)
                + (h.hasStandardPreamble() ? " (10101010 ×7 on the wire)" : ""));
        if (!h.hasStandardPreamble()) {
            preamble = preamble.withProblem("the preamble should be seven 0x55 bytes (10101010 on the wire)");
        }
        b.field(preamble);
        Field sfd = SFD.at(offset, h.sfd(), Hex.prefixed(h.sfd(), 2)
                + (h.hasStandardSfd() ? " (10101011 on the wire)" : ""));
        if (!h.hasStandardSfd()) {
            sfd = sfd.withProblem("the start frame delimiter should be 0xd5 (10101011 on the wire)");
        }
        b.field(sfd);
        int frameStart = offset + OVERHEAD_LENGTH;
        if (!h.hasStandardPreamble()) {
            int bad = offset;
            while ((buf[bad] & 0xff) == PREAMBLE_BYTE) {
                bad++;
            }
            return b.malformed("preamble byte " + (bad - offset) + " is " + Hex.prefixed(buf[bad] & 0xff, 2) + ", not 0x55",
                    frameStart, end).build();
        }
        if (!h.hasStandardSfd()) {
            return b.malformed("start frame delimiter is " + Hex.prefixed(h.sfd(), 2) + ", not 0xd5", frameStart, end).build();
        }
        List<Pdu> children = frame.dissect(h, buf, frameStart, end - frameStart);
        b.children(children);
        int claimed = frameStart;
        for (Pdu c : children) {
            claimed = Math.max(claimed, c.end());
        }
        if (claimed < end) {
            b.trailer(Pdu.dataField(Protocol.PHYSICAL, buf, claimed, end - claimed));
        }
        b.end(end);
        int frameBytes = end - frameStart;
        b.summary("preamble, SFD and a " + frameBytes + "-byte frame: " + wireBits(frameBytes)
                + " bits, then a " + INTER_FRAME_GAP_BITS + "-bit inter-frame gap");
        return b.build();
    }

    /** Bits on the wire for a frame of {@code frameBytes} bytes (FCS included): preamble, SFD and frame. */
    public static long wireBits(int frameBytes) {
        if (frameBytes < 0) {
            throw new IllegalArgumentException("negative frame length " + frameBytes);
        }
        return (OVERHEAD_LENGTH + (long) frameBytes) * 8;
    }

    /**
     * How long sending a frame of {@code frameBytes} bytes (FCS included) takes at {@code bitsPerSecond}, counting
     * preamble, SFD and frame but not the inter-frame gap ({@link #interFrameGapNanos}). A 64-byte frame at 10 Mb/s:
     * 6.4 µs of preamble and SFD + 51.2 µs of frame = 57 600 ns. Rounded up to whole nanoseconds, so the last bit
     * never leaves early.
     */
    public static long serializationTimeNanos(int frameBytes, long bitsPerSecond) {
        return nanosFor(wireBits(frameBytes), bitsPerSecond);
    }

    /** The inter-frame gap, 96 bit times, at {@code bitsPerSecond}: 9.6 µs at 10 Mb/s, 96 ns at 1 Gb/s. */
    public static long interFrameGapNanos(long bitsPerSecond) {
        return nanosFor(INTER_FRAME_GAP_BITS, bitsPerSecond);
    }

    /** The time {@code bits} bits take at {@code bitsPerSecond}, rounded up to whole nanoseconds. */
    public static long nanosFor(long bits, long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("the bit rate must be positive: " + bitsPerSecond);
        }
        if (bits < 0) {
            throw new IllegalArgumentException("negative bit count " + bits);
        }
        long whole = bits / bitsPerSecond;
        long rest = bits % bitsPerSecond;
        // rest < bitsPerSecond; rest * 1e9 fits in a long for rates up to about 9.2 Gb/s, beyond that use 128 bits.
        long restNanos;
        if (rest <= Long.MAX_VALUE / NANOS_PER_SECOND) {
            long scaled = rest * NANOS_PER_SECOND;
            restNanos = (scaled + bitsPerSecond - 1) / bitsPerSecond;
        } else {
            BigInteger rate = BigInteger.valueOf(bitsPerSecond);
            restNanos = BigInteger.valueOf(rest).multiply(BigInteger.valueOf(NANOS_PER_SECOND))
                    .add(rate.subtract(BigInteger.ONE)).divide(rate).longValueExact();
        }
        return Math.addExact(Math.multiplyExact(whole, NANOS_PER_SECOND), restNanos);
    }
}
