package org.netsim.wire.ethernet;

import static org.netsim.wire.ethernet.EthernetLayout.DESTINATION;
import static org.netsim.wire.ethernet.EthernetLayout.FCS;
import static org.netsim.wire.ethernet.EthernetLayout.FCS_LENGTH;
import static org.netsim.wire.ethernet.EthernetLayout.HEADER_LENGTH;
import static org.netsim.wire.ethernet.EthernetLayout.MIN_FRAME_WITHOUT_FCS;
import static org.netsim.wire.ethernet.EthernetLayout.PADDING;
import static org.netsim.wire.ethernet.EthernetLayout.SOURCE;
import static org.netsim.wire.ethernet.EthernetLayout.TYPE;

import java.util.List;
import java.util.zip.CRC32;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/** Encodes and decodes Ethernet II frames (IEEE 802.3 Clause 3), with padding and the CRC-32 frame check sequence. */
public final class EthernetCodec {
    private EthernetCodec() {
    }

    /**
     * The frame: header, payload, zero padding up to 60 bytes and, if {@code withFcs}, the 4-byte FCS. A pcap file
     * holds frames without the FCS, as most network cards deliver them; the simulated wire carries it.
     */
    public static byte[] encode(EthernetHeader h, byte[] payload, boolean withFcs) {
        int body = Math.max(HEADER_LENGTH + payload.length, MIN_FRAME_WITHOUT_FCS);
        byte[] frame = new byte[body + (withFcs ? FCS_LENGTH : 0)];
        writeHeader(h, frame);
        System.arraycopy(payload, 0, frame, HEADER_LENGTH, payload.length);
        if (withFcs) {
            writeFcs(frame, body);
        }
        return frame;
    }

    /** Writes the 14-byte header at the start of {@code frame}, whose payload is (or will be) in place after it. */
    public static void writeHeader(EthernetHeader h, byte[] frame) {
        DESTINATION.write(frame, 0, h.destination().value());
        SOURCE.write(frame, 0, h.source().value());
        TYPE.write(frame, 0, h.etherType().value());
    }

    /** {@code frame} (as a pcap file holds it, padded, without FCS) with its FCS appended, as the wire carries it. */
    public static byte[] appendFcs(byte[] frame) {
        if (frame.length < MIN_FRAME_WITHOUT_FCS) {
            throw new IllegalArgumentException("an Ethernet frame has at least " + MIN_FRAME_WITHOUT_FCS
                    + " bytes before its FCS, not " + frame.length);
        }
        byte[] out = java.util.Arrays.copyOf(frame, frame.length + FCS_LENGTH);
        writeFcs(out, frame.length);
        return out;
    }

    /** The CRC-32 of {@code frame[0, length)}, as IEEE 802.3 puts it on the wire (least significant byte first). */
    public static long fcs(byte[] frame, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(frame, offset, length);
        return crc.getValue();
    }

    private static void writeFcs(byte[] frame, int at) {
        long crc = fcs(frame, 0, at);
        frame[at] = (byte) crc;
        frame[at + 1] = (byte) (crc >>> 8);
        frame[at + 2] = (byte) (crc >>> 16);
        frame[at + 3] = (byte) (crc >>> 24);
    }

    private static long readFcs(byte[] frame, int at) {
        return (frame[at] & 0xffL) | (frame[at + 1] & 0xffL) << 8 | (frame[at + 2] & 0xffL) << 16
                | (frame[at + 3] & 0xffL) << 24;
    }

    /** The header alone, or {@code null} if fewer than 14 bytes are there. */
    public static EthernetHeader readHeader(byte[] buf, int offset, int length) {
        if (length < HEADER_LENGTH) {
            return null;
        }
        return new EthernetHeader(new MacAddress(DESTINATION.read(buf, offset)), new MacAddress(SOURCE.read(buf, offset)),
                new EtherType((int) TYPE.read(buf, offset)));
    }

    /**
     * Decodes the frame in {@code buf[offset, offset+length)}. Bytes after what the payload dissector claims become
     * padding; with {@code hasFcs} the last four bytes are the FCS, checked and recorded.
     */
    public static Pdu dissect(byte[] buf, int offset, int length, boolean hasFcs, PayloadDissector<EthernetHeader> inner) {
        Pdu.Builder b = Pdu.builder(Protocol.ETHERNET, offset);
        int end = offset + length;
        if (length < HEADER_LENGTH) {
            return b.malformed("frame of " + length + " bytes is shorter than the 14-byte Ethernet header", offset, end)
                    .build();
        }
        EthernetHeader h = readHeader(buf, offset, length);
        b.header(h);
        b.field(DESTINATION.at(offset, h.destination().value(), h.destination()
                + (h.destination().isBroadcast() ? " (broadcast)" : "")));
        b.field(SOURCE.at(offset, h.source().value(), h.source().toString()));
        b.field(TYPE.at(offset, h.etherType().value(), h.etherType().toString()));
        int bodyEnd = end;
        if (hasFcs) {
            if (length < HEADER_LENGTH + FCS_LENGTH) {
                return b.malformed("no room for the 4-byte FCS after the header", offset + HEADER_LENGTH, end).build();
            }
            bodyEnd = end - FCS_LENGTH;
        }
        List<Pdu> children = inner.dissect(h, buf, offset + HEADER_LENGTH, bodyEnd - offset - HEADER_LENGTH);
        b.children(children);
        int claimed = offset + HEADER_LENGTH;
        for (Pdu c : children) {
            claimed = Math.max(claimed, c.end());
        }
        if (claimed < bodyEnd) {
            b.trailer(PADDING.span(claimed, bodyEnd - claimed, 0, Bytes.of(buf, claimed, bodyEnd), null));
        }
        if (hasFcs) {
            long expected = fcs(buf, offset, bodyEnd - offset);
            long actual = readFcs(buf, bodyEnd);
            var f = FCS.span(bodyEnd, FCS_LENGTH, actual, Bytes.of(buf, bodyEnd, end),
                    Hex.prefixed(actual, 8) + (actual == expected ? " [correct]" : " [incorrect]"));
            if (actual != expected) {
                f = f.withProblem("FCS incorrect, should be " + Hex.prefixed(expected, 8));
            }
            b.trailer(f);
        }
        b.end(end);
        b.summary(h.source() + " → " + h.destination() + ", " + h.etherType().label());
        return b.build();
    }
}
