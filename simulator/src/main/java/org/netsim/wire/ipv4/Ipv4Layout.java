package org.netsim.wire.ipv4;

import static org.netsim.pdu.FieldFormat.BINARY;
import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.FLAG;
import static org.netsim.pdu.FieldFormat.HEX;
import static org.netsim.pdu.FieldFormat.IPV4;

import java.util.List;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of the IPv4 header (RFC 791 §3.1, with the DS field of RFC 2474 and ECN of RFC 3168), declared once
 * for encode, decode, the inspector and the lessons. Offsets count bits from the first byte of the header.
 */
public final class Ipv4Layout {
    private Ipv4Layout() {
    }

    private static final Protocol P = Protocol.IPV4;
    private static final String RFC = "RFC 791 §3.1";

    public static final FieldSpec VERSION = FieldSpec.fixed(P, "ip.version", "Version", 0, 4, DECIMAL,
            "Which version of IP this header follows: always 4 here (IPv6 packets start with 6).", RFC);
    public static final FieldSpec IHL = FieldSpec.fixed(P, "ip.hdr_len", "Header length (IHL)", 4, 4, DECIMAL,
            "Length of this header in 32-bit words: 5 means 20 bytes, more when options are present.", RFC);
    public static final FieldSpec DSCP = FieldSpec.fixed(P, "ip.dsfield.dscp", "Differentiated Services Code Point", 8, 6,
            DECIMAL, "Asks routers for a class of service (e.g. low delay for voice); 0 means ordinary best effort.",
            "RFC 2474 §3");
    public static final FieldSpec ECN = FieldSpec.fixed(P, "ip.dsfield.ecn", "Explicit Congestion Notification", 14, 2,
            BINARY, "Lets a congested router mark the packet instead of dropping it; 00 means the sender does not use ECN.",
            "RFC 3168 §5");
    public static final FieldSpec TOTAL_LENGTH = FieldSpec.fixed(P, "ip.len", "Total length", 16, 16, DECIMAL,
            "Length of the whole datagram, this header plus its data, in bytes; anything after it (Ethernet padding) is not IP.",
            RFC);
    public static final FieldSpec IDENTIFICATION = FieldSpec.fixed(P, "ip.id", "Identification", 32, 16, HEX,
            "A number the sender picks per datagram; all fragments of one datagram carry the same one so they can be put back together.",
            RFC);
    public static final FieldSpec RESERVED_FLAG = FieldSpec.fixed(P, "ip.flags.rb", "Reserved bit", 48, 1, FLAG,
            "The first flag bit is reserved and must be zero.", RFC);
    public static final FieldSpec DONT_FRAGMENT = FieldSpec.fixed(P, "ip.flags.df", "Don't fragment", 49, 1, FLAG,
            "Set: routers must not split this datagram; if it is too big for a link they drop it (path MTU discovery relies on this).",
            RFC);
    public static final FieldSpec MORE_FRAGMENTS = FieldSpec.fixed(P, "ip.flags.mf", "More fragments", 50, 1, FLAG,
            "Set on every fragment except the last one of a datagram.", RFC);
    public static final FieldSpec FRAGMENT_OFFSET = FieldSpec.fixed(P, "ip.frag_offset", "Fragment offset", 51, 13,
            DECIMAL, "Where this fragment's data belongs in the original datagram, counted in units of 8 bytes.", RFC);
    public static final FieldSpec TTL = FieldSpec.fixed(P, "ip.ttl", "Time to live", 64, 8, DECIMAL,
            "Hops left: every router subtracts one and drops the datagram at zero, so a routing loop cannot keep it forever.",
            RFC);
    public static final FieldSpec PROTOCOL = FieldSpec.fixed(P, "ip.proto", "Protocol", 72, 8, DECIMAL,
            "Which protocol the data belongs to: 6 TCP, 17 UDP, 1 ICMP.", RFC);
    public static final FieldSpec CHECKSUM = FieldSpec.fixed(P, "ip.checksum", "Header checksum", 80, 16, HEX,
            "One's-complement sum of the header's 16-bit words, so a receiver can detect a damaged header (the data is not covered).",
            RFC);
    public static final FieldSpec SOURCE = FieldSpec.fixed(P, "ip.src", "Source address", 96, 32, IPV4,
            "IP address of the machine that sent the datagram.", RFC);
    public static final FieldSpec DESTINATION = FieldSpec.fixed(P, "ip.dst", "Destination address", 128, 32, IPV4,
            "IP address of the machine the datagram is for; routers forward it by this address.", RFC);
    public static final FieldSpec OPTIONS = FieldSpec.variable(P, "ip.options", "Options", BYTES,
            "Optional extras after the 20 fixed bytes (rarely used today), padded with zeros to a multiple of 4 bytes.",
            RFC);

    /** The fixed fields in header order. */
    public static final List<FieldSpec> FIXED = List.of(VERSION, IHL, DSCP, ECN, TOTAL_LENGTH, IDENTIFICATION,
            RESERVED_FLAG, DONT_FRAGMENT, MORE_FRAGMENTS, FRAGMENT_OFFSET, TTL, PROTOCOL, CHECKSUM, SOURCE, DESTINATION);

    /** Byte offset of the header checksum. */
    public static final int CHECKSUM_OFFSET = 10;
    public static final int MIN_HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;
}
