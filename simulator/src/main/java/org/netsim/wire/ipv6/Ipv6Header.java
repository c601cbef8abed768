package org.netsim.wire.ipv6;

import java.util.List;
import java.util.Objects;

/**
 * An IPv6 header (RFC 8200 §3) with the extension headers that follow it (§4), in packet order.
 *
 * @param version       6
 * @param dscp          the traffic class's upper six bits
 * @param ecn           its lower two bits
 * @param flowLabel     20 bits
 * @param payloadLength bytes after the 40-byte header, extension headers included
 * @param nextHeader    what follows the fixed header
 * @param hopLimit      hops left
 * @param source        sender
 * @param destination   receiver (the next one to visit, when a Routing header lists more)
 * @param extensions    the extension headers read, in order
 */
public record Ipv6Header(int version, int dscp, int ecn, int flowLabel, int payloadLength, int nextHeader,
                         int hopLimit, Ipv6Address source, Ipv6Address destination, List<Ipv6Extension> extensions) {
    public Ipv6Header {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        extensions = List.copyOf(extensions);
    }

    /** A plain header for {@code nextHeader}'s payload: traffic class and flow label zero, no extension header. */
    public static Ipv6Header of(Ipv6Address source, Ipv6Address destination, int nextHeader, int hopLimit) {
        return new Ipv6Header(6, 0, 0, 0, 0, nextHeader, hopLimit, source, destination, List.of());
    }

    /** The same header with these extension headers after it (the fixed header's next header names the first). */
    public Ipv6Header withExtensions(List<Ipv6Extension> ext) {
        return new Ipv6Header(version, dscp, ecn, flowLabel, payloadLength, ext.isEmpty() ? upperLayerProtocol()
                : ext.get(0).type(), hopLimit, source, destination, ext);
    }

    public Ipv6Header withFlowLabel(int label) {
        return new Ipv6Header(version, dscp, ecn, label, payloadLength, nextHeader, hopLimit, source, destination,
                extensions);
    }

    /** The protocol of what follows the last extension header (6 for TCP). */
    public int upperLayerProtocol() {
        return extensions.isEmpty() ? nextHeader : extensions.get(extensions.size() - 1).nextHeader();
    }

    /** Bytes of the extension headers. */
    public int extensionsLength() {
        int n = 0;
        for (Ipv6Extension e : extensions) {
            n += e.length();
        }
        return n;
    }

    /** 40 plus the extension headers: where the upper-layer data starts. */
    public int headerLength() {
        return Ipv6Layout.HEADER_LENGTH + extensionsLength();
    }

    /** The Fragment header, if there is one. */
    public Ipv6Extension fragment() {
        for (Ipv6Extension e : extensions) {
            if (e.isFragment()) {
                return e;
            }
        }
        return null;
    }

    /** Whether this is one fragment of a larger packet (an atomic fragment, offset 0 and M clear, is whole). */
    public boolean isFragment() {
        Ipv6Extension f = fragment();
        return f != null && (f.fragmentOffsetBytes() != 0 || f.moreFragments());
    }

    /**
     * The destination an upper-layer checksum covers (RFC 8200 §8.1): "If the IPv6 packet contains a Routing header,
     * the Destination Address used in the pseudo-header is that of the final destination", the last address a type 0
     * or type 2 Routing header lists, or the first entry of a segment routing header's list (RFC 8754 §2); the
     * destination field otherwise.
     */
    public Ipv6Address finalDestination() {
        for (Ipv6Extension e : extensions) {
            if (e.type() != Ipv6Layout.ROUTING || e.bytes().u8(3) == 0) {
                continue;
            }
            byte[] b = e.bytes().toArray();
            int routingType = b[2] & 0xff;
            if ((routingType == 0 || routingType == 2) && b.length >= 24) {
                return Ipv6Address.of(b, b.length - 16);
            }
            if (routingType == 4 && b.length >= 24) {
                return Ipv6Address.of(b, 8);
            }
        }
        return destination;
    }
}
