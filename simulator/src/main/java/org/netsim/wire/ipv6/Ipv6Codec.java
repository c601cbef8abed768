package org.netsim.wire.ipv6;

import static org.netsim.wire.ipv6.Ipv6Layout.DESTINATION;
import static org.netsim.wire.ipv6.Ipv6Layout.DESTINATION_OFFSET;
import static org.netsim.wire.ipv6.Ipv6Layout.DSCP;
import static org.netsim.wire.ipv6.Ipv6Layout.ECN;
import static org.netsim.wire.ipv6.Ipv6Layout.FIXED;
import static org.netsim.wire.ipv6.Ipv6Layout.FLOW_LABEL;
import static org.netsim.wire.ipv6.Ipv6Layout.HEADER_LENGTH;
import static org.netsim.wire.ipv6.Ipv6Layout.HOP_LIMIT;
import static org.netsim.wire.ipv6.Ipv6Layout.NEXT_HEADER;
import static org.netsim.wire.ipv6.Ipv6Layout.PAYLOAD_LENGTH;
import static org.netsim.wire.ipv6.Ipv6Layout.SOURCE;
import static org.netsim.wire.ipv6.Ipv6Layout.SOURCE_OFFSET;
import static org.netsim.wire.ipv6.Ipv6Layout.VERSION;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

/**
 * Encodes and decodes IPv6 packets (RFC 8200 §3), walking the extension headers of §4 (Hop-by-Hop Options, Routing,
 * Fragment, Destination Options) to the upper-layer header, and gives the upper-layer checksum's pseudo-header (§8.1).
 * Fragments are shown, not reassembled.
 */
public final class Ipv6Codec {
    private Ipv6Codec() {
    }

    /**
     * The packet: the 40-byte header with the payload length computed (extension headers plus {@code payload}), the
     * extension headers as their bytes stand, then the payload.
     */
    public static byte[] encode(Ipv6Header h, byte[] payload) {
        int ext = h.extensionsLength();
        int plen = ext + payload.length;
        if (plen > 0xffff) {
            throw new IllegalArgumentException("an IPv6 payload is at most 65535 bytes without a jumbogram, this one "
                    + "would be " + plen);
        }
        byte[] out = new byte[HEADER_LENGTH + plen];
        VERSION.write(out, 0, h.version());
        DSCP.write(out, 0, h.dscp());
        ECN.write(out, 0, h.ecn());
        FLOW_LABEL.write(out, 0, h.flowLabel());
        PAYLOAD_LENGTH.write(out, 0, plen);
        NEXT_HEADER.write(out, 0, h.nextHeader());
        HOP_LIMIT.write(out, 0, h.hopLimit());
        h.source().write(out, SOURCE_OFFSET);
        h.destination().write(out, DESTINATION_OFFSET);
        int at = HEADER_LENGTH;
        for (Ipv6Extension e : h.extensions()) {
            e.bytes().copyTo(out, at);
            at += e.length();
        }
        System.arraycopy(payload, 0, out, at, payload.length);
        return out;
    }

    /** Whether {@code type} is an extension header this codec walks over. */
    public static boolean isExtension(int type) {
        return type == Ipv6Layout.HOP_BY_HOP || type == Ipv6Layout.ROUTING || type == Ipv6Layout.FRAGMENT_HEADER
                || type == Ipv6Layout.DESTINATION_OPTIONS;
    }

    /**
     * The header and its extension headers at {@code buf[offset]}, or {@code null} if the 40 bytes are not all there
     * or an extension header runs past {@code length}. The version is not judged here.
     */
    public static Ipv6Header readHeader(byte[] buf, int offset, int length) {
        if (length < HEADER_LENGTH) {
            return null;
        }
        List<Ipv6Extension> ext = new ArrayList<>(0);
        int next = (int) NEXT_HEADER.read(buf, offset);
        int at = offset + HEADER_LENGTH;
        int end = offset + length;
        while (isExtension(next)) {
            int n = extensionLength(next, buf, at, end);
            if (n < 0) {
                return null;
            }
            ext.add(new Ipv6Extension(next, Bytes.of(buf, at, at + n)));
            next = buf[at] & 0xff;
            at += n;
        }
        return new Ipv6Header((int) VERSION.read(buf, offset), (int) DSCP.read(buf, offset),
                (int) ECN.read(buf, offset), (int) FLOW_LABEL.read(buf, offset), (int) PAYLOAD_LENGTH.read(buf, offset),
                (int) NEXT_HEADER.read(buf, offset), (int) HOP_LIMIT.read(buf, offset), Ipv6Address.of(buf,
                offset + SOURCE_OFFSET), Ipv6Address.of(buf, offset + DESTINATION_OFFSET), ext);
    }

    /** The length of the extension header of {@code type} at {@code buf[at]}, or -1 if it runs past {@code end}. */
    static int extensionLength(int type, byte[] buf, int at, int end) {
        if (end - at < 8) {
            return -1;
        }
        int n = type == Ipv6Layout.FRAGMENT_HEADER ? Ipv6Layout.FRAGMENT_HEADER_LENGTH : ((buf[at + 1] & 0xff) + 1) * 8;
        return n > end - at ? -1 : n;
    }

    /**
     * The one's-complement sum of the pseudo-header an upper-layer checksum covers (RFC 8200 §8.1): source and
     * destination address, the upper-layer packet length as 32 bits, three zero bytes and the next header value.
     */
    public static int pseudoHeaderSum(Ipv6Address source, Ipv6Address destination, int upperLength, int nextHeader) {
        long s = source.groupSum() + destination.groupSum() + (upperLength >>> 16) + (upperLength & 0xffff)
                + nextHeader;
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return (int) s;
    }

    /**
     * Decodes the packet at {@code buf[offset, offset+length)}: the fixed header, every extension header with each of
     * its fields, then the upper-layer data, handed to {@code payload} (which sees exactly the bytes up to where the
     * payload length ends). The PDU ends there; what follows (Ethernet padding) belongs to the layer below. A
     * fragment's data is kept raw, since it cannot be understood before reassembly.
     */
    public static Pdu dissect(byte[] buf, int offset, int length, PayloadDissector<Ipv6Header> payload) {
        Pdu.Builder b = Pdu.builder(Protocol.IPV6, offset);
        int end = offset + length;
        if (length >= 1) {
            int version = (int) VERSION.read(buf, offset);
            if (version != 6) {
                // the version and the fields sharing its first four bytes, so the rest starts on a byte boundary
                int covered = b.fixedFieldsWithin(FIXED, buf, offset, Math.min(length, 4));
                return b.malformed("version " + version + " is not IPv6", covered, end).build();
            }
        }
        if (length < HEADER_LENGTH) {
            int covered = b.fixedFieldsWithin(FIXED, buf, offset, length);
            if (covered == offset + 8 && length >= SOURCE_OFFSET + 16) {
                covered = address(b, SOURCE, buf, offset + SOURCE_OFFSET);
            }
            return b.malformed("truncated: " + length + " bytes, the IPv6 header needs " + HEADER_LENGTH, covered, end)
                    .build();
        }
        b.field(VERSION.at(offset, 6));
        b.field(DSCP.at(offset, DSCP.read(buf, offset)));
        b.field(ECN.at(offset, ECN.read(buf, offset)));
        b.field(FLOW_LABEL.at(offset, FLOW_LABEL.read(buf, offset)));
        int plen = (int) PAYLOAD_LENGTH.read(buf, offset);
        b.field(PAYLOAD_LENGTH.at(offset, plen));
        int next = (int) NEXT_HEADER.read(buf, offset);
        b.field(NEXT_HEADER.at(offset, next, nextHeaderText(next)));
        b.field(HOP_LIMIT.at(offset, HOP_LIMIT.read(buf, offset)));
        address(b, SOURCE, buf, offset + SOURCE_OFFSET);
        address(b, DESTINATION, buf, offset + DESTINATION_OFFSET);
        Ipv6Address src = Ipv6Address.of(buf, offset + SOURCE_OFFSET);
        Ipv6Address dst = Ipv6Address.of(buf, offset + DESTINATION_OFFSET);
        String route = src + " → " + dst + ", ";
        int dataEnd = offset + HEADER_LENGTH + plen;
        if (dataEnd > end) {
            return b.summary(route + "malformed").malformed("payload length " + plen + " exceeds the "
                    + (length - HEADER_LENGTH) + " bytes available after the header", offset + HEADER_LENGTH, end)
                    .build();
        }
        List<Ipv6Extension> ext = new ArrayList<>(0);
        int at = offset + HEADER_LENGTH;
        while (isExtension(next)) {
            int n = extensionLength(next, buf, at, dataEnd);
            if (n < 0) {
                return b.summary(route + "malformed").malformed(Ipv6Extension.name(next) + " header runs past the "
                        + "end of the payload", at, end).build();
            }
            Ipv6Extensions.fields(b, next, buf, at, n);
            ext.add(new Ipv6Extension(next, Bytes.of(buf, at, at + n)));
            next = buf[at] & 0xff;
            at += n;
        }
        Ipv6Header h = new Ipv6Header(6, (int) DSCP.read(buf, offset), (int) ECN.read(buf, offset),
                (int) FLOW_LABEL.read(buf, offset), plen, (int) NEXT_HEADER.read(buf, offset),
                (int) HOP_LIMIT.read(buf, offset), src, dst, ext);
        b.header(h);
        if (h.isFragment()) {
            Ipv6Extension f = h.fragment();
            if (dataEnd > at) {
                b.field(Pdu.dataField(Protocol.IPV6, buf, at, dataEnd - at));
            }
            b.summary(route + "IPv6 fragment (next header " + next + ", off=" + f.fragmentOffsetBytes() + ", id="
                    + org.netsim.pdu.Hex.prefixed(f.fragmentIdentification(), 8) + (f.moreFragments() ? ", more" : "")
                    + ")");
            return b.end(dataEnd).build();
        }
        if (next != Ipv6Layout.NO_NEXT_HEADER) {
            List<Pdu> children = payload.dissect(h, buf, at, dataEnd - at);
            b.children(children);
            for (Pdu c : children) {
                at = Math.max(at, c.end());
            }
        }
        if (at < dataEnd) {
            b.field(Pdu.dataField(Protocol.IPV6, buf, at, dataEnd - at));
        }
        b.summary(route + protocolName(next));
        return b.end(dataEnd).build();
    }

    private static int address(Pdu.Builder b, org.netsim.pdu.FieldSpec spec, byte[] buf, int at) {
        Ipv6Address a = Ipv6Address.of(buf, at);
        b.field(spec.span(at, 16, 0, Bytes.of(buf, at, at + 16), a.toString()));
        return at + 16;
    }

    /** "TCP (6)", "Fragment Header for IPv6 (44)", ... */
    static String nextHeaderText(int next) {
        return protocolName(next) + " (" + next + ")";
    }

    /** The IANA name of a next-header (protocol) number. */
    public static String protocolName(int next) {
        return switch (next) {
            case 0 -> "IPv6 Hop-by-Hop Option";
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            case 43 -> "Routing Header for IPv6";
            case 44 -> "Fragment Header for IPv6";
            case 50 -> "Encapsulating Security Payload";
            case 51 -> "Authentication Header";
            case 58 -> "ICMPv6";
            case 59 -> "No Next Header for IPv6";
            case 60 -> "Destination Options for IPv6";
            default -> "protocol " + next;
        };
    }
}
