package org.netsim.wire.link;

import org.netsim.wire.ethernet.EtherType;

/**
 * A BSD loopback header: the address family, and whether its four bytes were written most significant byte first.
 *
 * @param family       the AF_ value
 * @param bigEndian    the bytes were in network byte order (always for LOOP; for NULL when the capturing machine was
 *                     big-endian)
 */
public record NullHeader(int family, boolean bigEndian) {

    /** The EtherType of the payload the family names, or -1 for a family that is not IP. */
    public int etherType() {
        return switch (family) {
            case NullLayout.AF_INET -> EtherType.IPV4.value();
            case NullLayout.AF_INET6_LINUX, NullLayout.AF_INET6_BSD, NullLayout.AF_INET6_FREEBSD,
                 NullLayout.AF_INET6_DARWIN -> EtherType.IPV6.value();
            default -> -1;
        };
    }

    /** "IPv4", "IPv6 (macOS)", ... */
    public static String familyName(int family) {
        return switch (family) {
            case NullLayout.AF_INET -> "IPv4";
            case NullLayout.AF_INET6_LINUX -> "IPv6 (Linux)";
            case NullLayout.AF_INET6_BSD -> "IPv6 (NetBSD, OpenBSD)";
            case NullLayout.AF_INET6_FREEBSD -> "IPv6 (FreeBSD)";
            case NullLayout.AF_INET6_DARWIN -> "IPv6 (macOS)";
            default -> "unknown";
        };
    }
}
