package org.netsim.wire.link;

import static org.netsim.pdu.FieldFormat.DECIMAL;

import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of the BSD loopback header (tcpdump.org's LINKTYPE_NULL and LINKTYPE_LOOP pages): four bytes holding
 * the payload's address family (AF_ value), in the capturing machine's byte order for NULL and in network byte order
 * for LOOP. macOS's {@code lo0} is NULL.
 */
public final class NullLayout {
    private NullLayout() {
    }

    public static final FieldSpec FAMILY = FieldSpec.fixed(Protocol.NULL_LOOPBACK, "null.family", "Family", 0, 32,
            DECIMAL, "Which protocol the payload is, as the operating system's address family number: 2 IPv4; IPv6 is "
                    + "24, 28 or 30 depending on the BSD (30 on macOS) and 10 on Linux.",
            "tcpdump.org LINKTYPE_NULL");

    public static final int HEADER_LENGTH = 4;

    public static final int AF_INET = 2;
    /** AF_INET6 on Linux. */
    public static final int AF_INET6_LINUX = 10;
    /** AF_INET6 on NetBSD, OpenBSD and BSD/OS. */
    public static final int AF_INET6_BSD = 24;
    /** AF_INET6 on FreeBSD. */
    public static final int AF_INET6_FREEBSD = 28;
    /** AF_INET6 on macOS (Darwin). */
    public static final int AF_INET6_DARWIN = 30;
}
