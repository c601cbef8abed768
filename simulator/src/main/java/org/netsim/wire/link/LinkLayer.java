package org.netsim.wire.link;

import java.util.List;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;

/**
 * The first layer of a captured frame, by its link type ({@link LinkType}): Ethernet, Linux cooked capture v1 and v2,
 * BSD loopback (NULL, LOOP) or raw IP. Each link header becomes its own PDU whose fields own its bytes; raw IP has no
 * link header, so the network layer's PDU is the root. What the header carries is handed on by EtherType (a loopback
 * family and a raw packet's version nibble are mapped to one), so the layer above does not care how it arrived.
 */
public final class LinkLayer {
    private LinkLayer() {
    }

    /** The frame is too short for its link header (the dissector says why). */
    public static final long TOO_SHORT = -1;
    /** The link type is not one {@link LinkType#isDecoded decoded}. */
    public static final long NOT_DECODED = -2;

    /**
     * Decodes the frame's link header and hands its payload to {@code network} with the payload's EtherType. A link
     * type that is not decoded gives one malformed {@link Protocol#DATA} PDU saying so ({@link LinkType#notDecoded}).
     * {@code hasFcs} applies to Ethernet only.
     */
    public static Pdu dissect(int linkType, byte[] buf, int off, int len, boolean hasFcs,
                              PayloadDissector<EtherType> network) {
        switch (linkType) {
            case LinkType.ETHERNET:
                return EthernetCodec.dissect(buf, off, len, hasFcs, (h, b, o, l) -> network.dissect(h.etherType(), b,
                        o, l));
            case LinkType.LINUX_SLL:
            case LinkType.LINUX_SLL2:
                return LinuxSllCodec.dissect(linkType == LinkType.LINUX_SLL ? 1 : 2, buf, off, len,
                        (h, b, o, l) -> network.dissect(new EtherType(h.protocol()), b, o, l));
            case LinkType.NULL:
            case LinkType.LOOP:
                return NullCodec.dissect(buf, off, len, linkType == LinkType.LOOP, (h, b, o, l) ->
                        h.etherType() < 0 ? List.of() : network.dissect(new EtherType(h.etherType()), b, o, l));
            case LinkType.RAW:
            case LinkType.IPV4:
            case LinkType.IPV6: {
                int type = rawEtherType(linkType, buf, off, len);
                if (type < 0) {
                    return Pdu.builder(Protocol.DATA, off).malformed(len == 0 ? "empty raw IP frame"
                            : "raw IP packet of version " + ((buf[off] & 0xf0) >>> 4) + ": neither IPv4 nor IPv6",
                            off, off + len).build();
                }
                List<Pdu> ps = network.dissect(new EtherType(type), buf, off, len);
                return ps.isEmpty() ? Pdu.data(buf, off, len) : ps.get(0);
            }
            default:
                return Pdu.builder(Protocol.DATA, off).malformed(LinkType.notDecoded(linkType), off, off + len)
                        .summary(LinkType.name(linkType)).end(off + len).build();
        }
    }

    /**
     * {@code packet} (of EtherType {@code etherType}) in a frame of {@code linkType}, with the link header a loopback
     * capture shows: Ethernet with zero addresses; a cooked header for device 1 (lo); the family in little-endian
     * byte order for NULL (x86 and ARM Macs) and big-endian for LOOP (2 for IPv4; macOS's 30 for IPv6); nothing for
     * raw IP. For test captures and lessons that show the same packet under each link type.
     */
    public static byte[] encode(int linkType, int etherType, byte[] packet) {
        switch (linkType) {
            case LinkType.ETHERNET: {
                byte[] f = new byte[14 + packet.length];
                f[12] = (byte) (etherType >>> 8);
                f[13] = (byte) etherType;
                System.arraycopy(packet, 0, f, 14, packet.length);
                return f;
            }
            case LinkType.LINUX_SLL:
            case LinkType.LINUX_SLL2:
                return LinuxSllCodec.encode(LinuxSllHeader.loopback(linkType == LinkType.LINUX_SLL ? 1 : 2, etherType,
                        1), packet);
            case LinkType.NULL:
            case LinkType.LOOP: {
                int family = etherType == EtherType.IPV6.value() ? NullLayout.AF_INET6_DARWIN : NullLayout.AF_INET;
                return NullCodec.encode(new NullHeader(family, linkType == LinkType.LOOP), packet);
            }
            case LinkType.RAW:
            case LinkType.IPV4:
            case LinkType.IPV6:
                return packet.clone();
            default:
                throw new IllegalArgumentException(LinkType.notDecoded(linkType));
        }
    }

    /**
     * Where the network layer starts, read straight from the bytes for the decoders' fast path: the payload's
     * EtherType in the upper 32 bits and the link header's length in the lower ones; {@link #TOO_SHORT} or
     * {@link #NOT_DECODED} otherwise. A loopback family that is not IP gives EtherType 0.
     */
    public static long networkStart(int linkType, byte[] b, int off, int len) {
        switch (linkType) {
            case LinkType.ETHERNET:
                return len < 14 ? TOO_SHORT : start(u16(b, off + 12), 14);
            case LinkType.LINUX_SLL:
                return len < LinuxSllLayout.HEADER_LENGTH ? TOO_SHORT : start(u16(b, off + 14),
                        LinuxSllLayout.HEADER_LENGTH);
            case LinkType.LINUX_SLL2:
                return len < LinuxSllLayout.V2_HEADER_LENGTH ? TOO_SHORT : start(u16(b, off),
                        LinuxSllLayout.V2_HEADER_LENGTH);
            case LinkType.NULL:
            case LinkType.LOOP: {
                NullHeader h = NullCodec.readHeader(b, off, len, linkType == LinkType.LOOP);
                return h == null ? TOO_SHORT : start(Math.max(0, h.etherType()), NullLayout.HEADER_LENGTH);
            }
            case LinkType.RAW:
            case LinkType.IPV4:
            case LinkType.IPV6:
                return len == 0 ? TOO_SHORT : start(Math.max(0, rawEtherType(linkType, b, off, len)), 0);
            default:
                return NOT_DECODED;
        }
    }

    private static long start(int etherType, int headerLength) {
        return (long) etherType << 32 | headerLength;
    }

    /** A raw frame's EtherType: fixed by LINKTYPE_IPV4 and _IPV6, by the version nibble for LINKTYPE_RAW; or -1. */
    private static int rawEtherType(int linkType, byte[] b, int off, int len) {
        if (linkType == LinkType.IPV4) {
            return EtherType.IPV4.value();
        }
        if (linkType == LinkType.IPV6) {
            return EtherType.IPV6.value();
        }
        if (len == 0) {
            return -1;
        }
        int version = (b[off] & 0xf0) >>> 4;
        return version == 4 ? EtherType.IPV4.value() : version == 6 ? EtherType.IPV6.value() : -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }
}
