package org.netsim.wire.ipv6;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * One extension header (RFC 8200 §4) as it stands in the packet: its type (the next-header value that announced it)
 * and all its bytes, its own next header and length fields included.
 */
public record Ipv6Extension(int type, Bytes bytes) {
    public Ipv6Extension {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length() < 8 || bytes.length() % 8 != 0) {
            throw new IllegalArgumentException("an IPv6 extension header is a multiple of 8 bytes, not "
                    + bytes.length());
        }
    }

    /** What follows this header. */
    public int nextHeader() {
        return bytes.u8(0);
    }

    public int length() {
        return bytes.length();
    }

    public boolean isFragment() {
        return type == Ipv6Layout.FRAGMENT_HEADER;
    }

    /** A Fragment header's offset in bytes (its field counts units of 8). */
    public int fragmentOffsetBytes() {
        return ((bytes.u8(2) << 8 | bytes.u8(3)) >>> 3) * 8;
    }

    /** A Fragment header's M flag. */
    public boolean moreFragments() {
        return (bytes.u8(3) & 1) != 0;
    }

    public long fragmentIdentification() {
        return (long) bytes.u8(4) << 24 | bytes.u8(5) << 16 | bytes.u8(6) << 8 | bytes.u8(7);
    }

    /** "Hop-by-Hop Options", "Routing", "Fragment", "Destination Options". */
    public static String name(int type) {
        return switch (type) {
            case Ipv6Layout.HOP_BY_HOP -> "Hop-by-Hop Options";
            case Ipv6Layout.ROUTING -> "Routing";
            case Ipv6Layout.FRAGMENT_HEADER -> "Fragment";
            case Ipv6Layout.DESTINATION_OPTIONS -> "Destination Options";
            default -> "Extension " + type;
        };
    }
}
