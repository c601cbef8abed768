package org.netsim.wire.tcp;

import static org.netsim.wire.tcp.TcpLayout.ACK;
import static org.netsim.wire.tcp.TcpLayout.ACKNOWLEDGEMENT;
import static org.netsim.wire.tcp.TcpLayout.CHECKSUM;
import static org.netsim.wire.tcp.TcpLayout.CHECKSUM_OFFSET;
import static org.netsim.wire.tcp.TcpLayout.CWR;
import static org.netsim.wire.tcp.TcpLayout.DATA_OFFSET;
import static org.netsim.wire.tcp.TcpLayout.DESTINATION_PORT;
import static org.netsim.wire.tcp.TcpLayout.ECE;
import static org.netsim.wire.tcp.TcpLayout.FIN;
import static org.netsim.wire.tcp.TcpLayout.FIXED;
import static org.netsim.wire.tcp.TcpLayout.MIN_HEADER_LENGTH;
import static org.netsim.wire.tcp.TcpLayout.PSH;
import static org.netsim.wire.tcp.TcpLayout.RESERVED;
import static org.netsim.wire.tcp.TcpLayout.RST;
import static org.netsim.wire.tcp.TcpLayout.SEQUENCE;
import static org.netsim.wire.tcp.TcpLayout.SOURCE_PORT;
import static org.netsim.wire.tcp.TcpLayout.SYN;
import static org.netsim.wire.tcp.TcpLayout.URG;
import static org.netsim.wire.tcp.TcpLayout.URGENT_POINTER;
import static org.netsim.wire.tcp.TcpLayout.WINDOW;

import java.util.List;
import org.netsim.pdu.Bits;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Field;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv6.Ipv6Address;
import org.netsim.wire.ipv6.Ipv6Codec;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.Sack;
import org.netsim.wire.tcp.TcpOption.SackBlock;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/**
 * Encodes and decodes TCP segments (RFC 9293 §3.1) with the options of RFC 9293 §3.2, RFC 7323 and RFC 2018, and
 * the checksum over the IPv4 pseudo-header (RFC 9293 §3.1) or the IPv6 one (RFC 8200 §8.1).
 */
public final class TcpCodec {
    private TcpCodec() {
    }

    /** The segment with the data offset computed, options padded with zeros, and the checksum computed. */
    public static byte[] encode(TcpHeader h, byte[] payload, Ipv4Address src, Ipv4Address dst) {
        return encode(h, payload, src, dst, true, true);
    }

    /**
     * The segment: the 20 fixed bytes, the options padded with zeros (End of Option List bytes) to a multiple of 4,
     * then the payload. Unless {@code fixDataOffset} the data offset is written as the header gives it, even when
     * wrong; unless {@code computeChecksum}, so is the checksum. The checksum covers the pseudo-header of RFC 9293
     * §3.1 built from {@code src} and {@code dst}.
     */
    public static byte[] encode(TcpHeader h, byte[] payload, Ipv4Address src, Ipv4Address dst, boolean fixDataOffset,
                                boolean computeChecksum) {
        byte[] out = new byte[headerLength(h) + payload.length];
        writeSegment(h, payload, 0, payload.length, src, dst, out, 0, fixDataOffset, computeChecksum);
        return out;
    }

    /** Bytes the header takes: 20 plus the options padded to a multiple of 4. */
    public static int headerLength(TcpHeader h) {
        return MIN_HEADER_LENGTH + TcpOptions.paddedLength(h.options());
    }

    /**
     * What {@link #encode(TcpHeader, byte[], Ipv4Address, Ipv4Address, boolean, boolean)} does, written at
     * {@code out[at]} with the payload {@code data[off, off+len)}, so that a host can build segment, datagram and
     * frame in one array.
     */
    public static void writeSegment(TcpHeader h, byte[] data, int off, int len, Ipv4Address src, Ipv4Address dst,
                                    byte[] out, int at, boolean fixDataOffset, boolean computeChecksum) {
        int hl = headerLength(h);
        SOURCE_PORT.write(out, at, h.sourcePort());
        DESTINATION_PORT.write(out, at, h.destinationPort());
        SEQUENCE.write(out, at, h.sequence());
        ACKNOWLEDGEMENT.write(out, at, h.acknowledgement());
        DATA_OFFSET.write(out, at, fixDataOffset ? hl >>> 2 : h.dataOffset());
        RESERVED.write(out, at, h.reserved());
        // the eight control bits, CWR first and FIN last, fill one byte: written at once
        Bits.put(out, at * 8L + CWR.bitOffset(), FIN.bitOffset() + 1 - CWR.bitOffset(), h.flags().bits());
        WINDOW.write(out, at, h.window());
        URGENT_POINTER.write(out, at, h.urgentPointer());
        int end = TcpOptions.write(h.options(), out, at + MIN_HEADER_LENGTH);
        // the padding after the options is zeros (End of Option List), whatever the array held
        java.util.Arrays.fill(out, end, at + hl, (byte) 0);
        System.arraycopy(data, off, out, at + hl, len);
        CHECKSUM.write(out, at, 0);
        CHECKSUM.write(out, at, computeChecksum ? checksum(out, at, hl + len, src, dst) : h.checksum());
    }

    /**
     * The TCP checksum of {@code segment[offset, offset+length)} as its bytes are, over the IPv4 pseudo-header
     * (source, destination, zero, protocol 6, TCP length; RFC 9293 §3.1): with the checksum field at zero it is the
     * value to write; over a segment with a correct checksum it is 0.
     */
    public static int checksum(byte[] segment, int offset, int length, Ipv4Address src, Ipv4Address dst) {
        return ~Ipv4Codec.onesComplementSum(segment, offset, length, pseudoHeaderSum(src, dst, length)) & 0xffff;
    }

    /** The checksum the segment should carry: computed with its own checksum field left out. */
    public static int expectedChecksum(byte[] segment, int offset, int length, Ipv4Address src, Ipv4Address dst) {
        int sum = Ipv4Codec.onesComplementSum(segment, offset, CHECKSUM_OFFSET, pseudoHeaderSum(src, dst, length));
        sum = Ipv4Codec.onesComplementSum(segment, offset + CHECKSUM_OFFSET + 2, length - CHECKSUM_OFFSET - 2, sum);
        return ~sum & 0xffff;
    }

    /** The segment over IPv6: as {@link #encode(TcpHeader, byte[], Ipv4Address, Ipv4Address)}, the checksum over
     * the IPv6 pseudo-header of RFC 8200 §8.1 (addresses, 32-bit upper-layer length, next header 6). */
    public static byte[] encodeOverIpv6(TcpHeader h, byte[] payload, Ipv6Address src, Ipv6Address dst) {
        byte[] out = new byte[headerLength(h) + payload.length];
        writeSegment(h, payload, 0, payload.length, null, null, out, 0, true, false);
        CHECKSUM.write(out, 0, 0);
        CHECKSUM.write(out, 0, checksumOverIpv6(out, 0, out.length, src, dst));
        return out;
    }

    /** The TCP checksum over the IPv6 pseudo-header (RFC 8200 §8.1): 0 over a segment whose checksum is right. */
    public static int checksumOverIpv6(byte[] segment, int offset, int length, Ipv6Address src, Ipv6Address dst) {
        return ~Ipv4Codec.onesComplementSum(segment, offset, length, ipv6PseudoHeaderSum(src, dst, length)) & 0xffff;
    }

    private static int ipv6PseudoHeaderSum(Ipv6Address src, Ipv6Address dst, int length) {
        return Ipv6Codec.pseudoHeaderSum(src, dst, length, IpProtocol.TCP.value());
    }

    private static int pseudoHeaderSum(Ipv4Address src, Ipv4Address dst, int length) {
        int s = src.value();
        int d = dst.value();
        return (s >>> 16) + (s & 0xffff) + (d >>> 16) + (d & 0xffff) + IpProtocol.TCP.value() + length;
    }

    /**
     * The header at {@code buf[offset]}, as its fields say; {@code null} if fewer than 20 bytes are there, the data
     * offset is below 5 or runs past {@code length}, or an option is malformed.
     */
    public static TcpHeader readHeader(byte[] buf, int offset, int length) {
        if (length < MIN_HEADER_LENGTH) {
            return null;
        }
        int dataOffset = (int) DATA_OFFSET.read(buf, offset);
        if (dataOffset < 5 || dataOffset * 4 > length) {
            return null;
        }
        int o = offset + MIN_HEADER_LENGTH;
        if (dataOffset == 8 && buf[o] == TcpOption.KIND_NOP && buf[o + 1] == TcpOption.KIND_NOP
                && buf[o + 2] == TcpOption.KIND_TIMESTAMPS && buf[o + 3] == 10) {
            // NOP, NOP, Timestamps: what Linux puts on every segment after the handshake
            return header(buf, offset, dataOffset, TcpOptions.linuxTimestamps(Bits.u32(buf, o + 4),
                    Bits.u32(buf, o + 8)));
        }
        TcpOptionParser.OptionParse op = TcpOptionParser.parse(buf, o, offset + dataOffset * 4, null);
        return op.error != null ? null : header(buf, offset, dataOffset, op.options);
    }

    private static TcpHeader header(byte[] buf, int offset, int dataOffset, List<TcpOption> options) {
        return new TcpHeader((int) SOURCE_PORT.read(buf, offset), (int) DESTINATION_PORT.read(buf, offset),
                SEQUENCE.read(buf, offset), ACKNOWLEDGEMENT.read(buf, offset), dataOffset,
                (int) RESERVED.read(buf, offset), TcpFlags.of(buf[offset + 13]), (int) WINDOW.read(buf, offset),
                (int) CHECKSUM.read(buf, offset), (int) URGENT_POINTER.read(buf, offset), options);
    }

    /**
     * Decodes the segment at {@code buf[offset, offset+length)} (the length comes from the IPv4 total length). The
     * checksum is verified over the pseudo-header of {@code src} and {@code dst} (left unverified if either is
     * {@code null}) and recorded, never fixed. The payload, if any, goes to {@code payload}; if it returns no PDU the
     * bytes become one {@code tcp.payload} field.
     */
    public static Pdu dissect(byte[] buf, int offset, int length, Ipv4Address src, Ipv4Address dst,
                              PayloadDissector<TcpHeader> payload) {
        return dissect(buf, offset, length, src == null || dst == null ? -1 : pseudoHeaderSum(src, dst, length),
                payload);
    }

    /**
     * The same for a segment carried by IPv6: the checksum verified over the IPv6 pseudo-header (RFC 8200 §8.1) of
     * {@code src} and the packet's final destination {@code dst}.
     */
    public static Pdu dissectOverIpv6(byte[] buf, int offset, int length, Ipv6Address src, Ipv6Address dst,
                              PayloadDissector<TcpHeader> payload) {
        return dissect(buf, offset, length, ipv6PseudoHeaderSum(src, dst, length), payload);
    }

    /** {@code pseudo}: the pseudo-header's one's-complement sum, or -1 to leave the checksum unverified. */
    private static Pdu dissect(byte[] buf, int offset, int length, int pseudo, PayloadDissector<TcpHeader> payload) {
        Pdu.Builder b = Pdu.builder(Protocol.TCP, offset);
        int end = offset + length;
        if (length < MIN_HEADER_LENGTH) {
            int covered = b.fixedFieldsWithin(FIXED, buf, offset, length);
            return b.malformed("truncated: " + length + " bytes, the TCP header needs " + MIN_HEADER_LENGTH, covered,
                    end).build();
        }
        int sport = (int) SOURCE_PORT.read(buf, offset);
        int dport = (int) DESTINATION_PORT.read(buf, offset);
        int dataOffset = (int) DATA_OFFSET.read(buf, offset);
        int hl = dataOffset * 4;
        b.field(SOURCE_PORT.at(offset, sport));
        b.field(DESTINATION_PORT.at(offset, dport));
        b.field(SEQUENCE.at(offset, SEQUENCE.read(buf, offset)));
        b.field(ACKNOWLEDGEMENT.at(offset, ACKNOWLEDGEMENT.read(buf, offset)));
        b.field(DATA_OFFSET.at(offset, dataOffset, dataOffset + " (" + hl + " bytes)"));
        b.field(RESERVED.at(offset, RESERVED.read(buf, offset)));
        b.field(CWR.at(offset, CWR.read(buf, offset)));
        b.field(ECE.at(offset, ECE.read(buf, offset)));
        b.field(URG.at(offset, URG.read(buf, offset)));
        b.field(ACK.at(offset, ACK.read(buf, offset)));
        b.field(PSH.at(offset, PSH.read(buf, offset)));
        b.field(RST.at(offset, RST.read(buf, offset)));
        b.field(SYN.at(offset, SYN.read(buf, offset)));
        b.field(FIN.at(offset, FIN.read(buf, offset)));
        b.field(WINDOW.at(offset, WINDOW.read(buf, offset)));
        b.field(checksumField(buf, offset, length, pseudo));
        b.field(URGENT_POINTER.at(offset, URGENT_POINTER.read(buf, offset)));
        String ports = sport + " → " + dport;
        if (dataOffset < 5) {
            return b.summary(ports).malformed("data offset " + dataOffset + " is below the minimum of 5",
                    offset + MIN_HEADER_LENGTH, end).build();
        }
        if (hl > length) {
            return b.summary(ports).malformed("header length " + hl + " (data offset " + dataOffset
                    + ") exceeds the " + length + " bytes available", offset + MIN_HEADER_LENGTH, end).build();
        }
        TcpOptionParser.OptionParse op = TcpOptionParser.parse(buf, offset + MIN_HEADER_LENGTH, offset + hl, b);
        if (op.error != null) {
            return b.summary(ports).malformed(op.error, op.errorAt, end).build();
        }
        if (op.paddingStart < offset + hl) {
            Field pad = TcpLayout.PADDING.span(op.paddingStart, offset + hl - op.paddingStart, 0,
                    Bytes.of(buf, op.paddingStart, offset + hl), null);
            for (int i = op.paddingStart; i < offset + hl; i++) {
                if (buf[i] != 0) {
                    pad = pad.withProblem("padding is not zero");
                    break;
                }
            }
            b.field(pad);
        }
        TcpHeader h = header(buf, offset, dataOffset, op.options);
        b.header(h);
        int dataStart = offset + hl;
        int dataLength = end - dataStart;
        if (dataLength > 0) {
            List<Pdu> children = payload.dissect(h, buf, dataStart, dataLength);
            b.children(children);
            int claimed = dataStart;
            for (Pdu c : children) {
                claimed = Math.max(claimed, c.end());
            }
            if (claimed < end) {
                b.field(TcpLayout.PAYLOAD.span(claimed, end - claimed, 0, Bytes.of(buf, claimed, end), null));
            }
        }
        b.summary(summary(h, dataLength));
        return b.end(end).build();
    }

    /** tshark's Info column: {@code 54321 → 3000 [PSH, ACK] Seq=1 Ack=1 Win=512 Len=30 TSval=… TSecr=…}. */
    static String summary(TcpHeader h, int dataLength) {
        StringBuilder sb = new StringBuilder(96);
        sb.append(h.sourcePort()).append(" → ").append(h.destinationPort()).append(' ').append(h.flags().label())
                .append(" Seq=").append(h.sequence());
        if (h.flags().ack()) {
            sb.append(" Ack=").append(h.acknowledgement());
        }
        sb.append(" Win=").append(h.window()).append(" Len=").append(dataLength);
        if (h.flags().urg()) {
            sb.append(" Urg=").append(h.urgentPointer());
        }
        for (TcpOption o : h.options()) {
            if (o instanceof MaximumSegmentSize m) {
                sb.append(" MSS=").append(m.mss());
            } else if (o instanceof SackPermitted) {
                sb.append(" SACK_PERM");
            } else if (o instanceof Timestamps t) {
                sb.append(" TSval=").append(t.tsval()).append(" TSecr=").append(t.tsecr());
            } else if (o instanceof WindowScale w) {
                sb.append(" WS=").append(w.multiplier());
            } else if (o instanceof Sack s) {
                for (SackBlock blk : s.blocks()) {
                    sb.append(" SLE=").append(blk.left()).append(" SRE=").append(blk.right());
                }
            }
        }
        return sb.toString();
    }

    private static Field checksumField(byte[] buf, int offset, int length, int pseudo) {
        int actual = (int) CHECKSUM.read(buf, offset);
        if (pseudo < 0) {
            return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4) + " [unverified]");
        }
        if ((~Ipv4Codec.onesComplementSum(buf, offset, length, pseudo) & 0xffff) == 0) {
            return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4) + " [correct]");
        }
        // computed with the checksum field itself left out
        int sum = Ipv4Codec.onesComplementSum(buf, offset, CHECKSUM_OFFSET, pseudo);
        int expected = ~Ipv4Codec.onesComplementSum(buf, offset + CHECKSUM_OFFSET + 2, length - CHECKSUM_OFFSET - 2,
                sum) & 0xffff;
        return CHECKSUM.at(offset, actual, Hex.prefixed(actual, 4) + " [incorrect]")
                .withProblem("checksum incorrect, should be " + Hex.prefixed(expected, 4));
    }
}
