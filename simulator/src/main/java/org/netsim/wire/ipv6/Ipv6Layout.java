package org.netsim.wire.ipv6;

import static org.netsim.pdu.FieldFormat.BYTES;
import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.BINARY;
import static org.netsim.pdu.FieldFormat.FLAG;
import static org.netsim.pdu.FieldFormat.HEX;

import java.util.List;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.FieldFormat;
import org.netsim.pdu.Protocol;

/**
 * Field layout of the IPv6 header (RFC 8200 §3, the traffic class split into DS field and ECN as RFC 2474 and
 * RFC 3168 do) and of the extension headers of RFC 8200 §4 (Hop-by-Hop Options, Routing, Fragment, Destination
 * Options), declared once for encode, decode, the inspector and the lessons. Offsets of the fixed header count bits
 * from its first byte; offsets of an extension header's fields count from that extension header's first byte.
 */
public final class Ipv6Layout {
    private Ipv6Layout() {
    }

    private static final Protocol P = Protocol.IPV6;
    private static final String RFC = "RFC 8200 §3";

    public static final FieldSpec VERSION = FieldSpec.fixed(P, "ipv6.version", "Version", 0, 4, DECIMAL,
            "Which version of IP this header follows: always 6 here (IPv4 packets start with 4).", RFC);
    public static final FieldSpec DSCP = FieldSpec.fixed(P, "ipv6.tclass.dscp", "Differentiated Services Code Point",
            4, 6, DECIMAL, "The first six bits of the traffic class: ask routers for a class of service, as in IPv4; 0 "
                    + "means ordinary best effort.", "RFC 2474 §3");
    public static final FieldSpec ECN = FieldSpec.fixed(P, "ipv6.tclass.ecn", "Explicit Congestion Notification", 10,
            2, BINARY, "The last two bits of the traffic class: a congested router may mark the packet instead of "
                    + "dropping it; 00 means the sender does not use ECN.", "RFC 3168 §5");
    public static final FieldSpec FLOW_LABEL = FieldSpec.fixed(P, "ipv6.flow", "Flow label", 12, 20, HEX,
            "A number the sender picks per flow (Linux: per TCP connection) so routers can keep a flow's packets on one "
                    + "path without looking past this header.", "RFC 6437");
    public static final FieldSpec PAYLOAD_LENGTH = FieldSpec.fixed(P, "ipv6.plen", "Payload length", 32, 16, DECIMAL,
            "Bytes after this 40-byte header, extension headers included (unlike IPv4's total length, the header "
                    + "itself is not counted).", RFC);
    public static final FieldSpec NEXT_HEADER = FieldSpec.fixed(P, "ipv6.nxt", "Next header", 48, 8, DECIMAL,
            "What follows this header: an extension header (0 Hop-by-Hop, 43 Routing, 44 Fragment, 60 Destination "
                    + "Options) or the payload's protocol (6 TCP, 17 UDP, 58 ICMPv6), numbered as IPv4's protocol field.",
            RFC);
    public static final FieldSpec HOP_LIMIT = FieldSpec.fixed(P, "ipv6.hlim", "Hop limit", 56, 8, DECIMAL,
            "Hops left: every router subtracts one and drops the packet at zero (IPv4 calls it time to live).", RFC);
    /** 128 bits at byte {@link #SOURCE_OFFSET}; longer than a number holds, so declared with a variable position. */
    public static final FieldSpec SOURCE = new FieldSpec(P, "ipv6.src", "Source address", -1, 128, BYTES,
            "IPv6 address of the machine that sent the packet (::1 is this machine's loopback address).", RFC);
    public static final FieldSpec DESTINATION = new FieldSpec(P, "ipv6.dst", "Destination address", -1, 128, BYTES,
            "IPv6 address of the machine the packet is for; routers forward it by this address.", RFC);

    /** The fixed fields before the addresses, in header order. */
    public static final List<FieldSpec> FIXED = List.of(VERSION, DSCP, ECN, FLOW_LABEL, PAYLOAD_LENGTH, NEXT_HEADER,
            HOP_LIMIT);

    public static final int HEADER_LENGTH = 40;
    public static final int SOURCE_OFFSET = 8;
    public static final int DESTINATION_OFFSET = 24;

    // ---- extension headers (RFC 8200 §4): next header and length come first in all but the Fragment header

    private static final String NEXT_TEXT = "What follows this extension header, numbered as the IPv6 header's next "
            + "header field.";
    private static final String LENGTH_TEXT = "Length of this extension header in units of 8 bytes, not counting "
            + "the first 8.";
    private static final String OPTION_TEXT = "One option: a type byte (its top two bits say what a node that does "
            + "not know it must do), a length byte and the data; Pad1 and PadN fill the header to a multiple of 8.";

    public static final FieldSpec HOP_NEXT_HEADER = ext("ipv6.hopopts.nxt", "Hop-by-Hop Options: next header", 0, 8,
            NEXT_TEXT, "RFC 8200 §4.3");
    public static final FieldSpec HOP_LENGTH = ext("ipv6.hopopts.len", "Hop-by-Hop Options: length", 8, 8,
            LENGTH_TEXT, "RFC 8200 §4.3");
    public static final FieldSpec HOP_OPTION = FieldSpec.variable(P, "ipv6.hopopts.option",
            "Hop-by-Hop Options: option", BYTES, "Examined by every router on the path. " + OPTION_TEXT,
            "RFC 8200 §4.2");

    public static final FieldSpec ROUTING_NEXT_HEADER = ext("ipv6.routing.nxt", "Routing: next header", 0, 8,
            NEXT_TEXT, "RFC 8200 §4.4");
    public static final FieldSpec ROUTING_LENGTH = ext("ipv6.routing.len", "Routing: length", 8, 8, LENGTH_TEXT,
            "RFC 8200 §4.4");
    public static final FieldSpec ROUTING_TYPE = ext("ipv6.routing.type", "Routing: type", 16, 8,
            "Which routing header this is: 2 for Mobile IPv6's home address, 3 RPL, 4 segment routing (0 is "
                    + "deprecated).", "RFC 8200 §4.4");
    public static final FieldSpec SEGMENTS_LEFT = ext("ipv6.routing.segleft", "Routing: segments left", 24, 8,
            "How many listed nodes the packet still has to visit before its final destination.", "RFC 8200 §4.4");
    public static final FieldSpec ROUTING_DATA = FieldSpec.variable(P, "ipv6.routing.data", "Routing: data", BYTES,
            "The rest of the routing header, as its type defines it (the addresses to visit).", "RFC 8200 §4.4");

    public static final FieldSpec FRAGMENT_NEXT_HEADER = ext("ipv6.fraghdr.nxt", "Fragment: next header", 0, 8,
            NEXT_TEXT, "RFC 8200 §4.5");
    public static final FieldSpec FRAGMENT_RESERVED = ext("ipv6.fraghdr.reserved_octet", "Fragment: reserved", 8, 8,
            "Zero on sending, ignored on receiving.", "RFC 8200 §4.5");
    public static final FieldSpec FRAGMENT_OFFSET = ext("ipv6.fraghdr.offset", "Fragment: offset", 16, 13,
            "Where this fragment's data belongs in the original packet, in units of 8 bytes.", "RFC 8200 §4.5");
    public static final FieldSpec FRAGMENT_RESERVED_BITS = new FieldSpec(P, "ipv6.fraghdr.reserved_bits",
            "Fragment: reserved bits", 29, 2, BINARY, "Zero on sending, ignored on receiving.", "RFC 8200 §4.5");
    public static final FieldSpec MORE_FRAGMENTS = new FieldSpec(P, "ipv6.fraghdr.more", "Fragment: more fragments",
            31, 1, FLAG, "Set on every fragment except the last one. Only the source fragments in IPv6, never a router.",
            "RFC 8200 §4.5");
    public static final FieldSpec FRAGMENT_ID = new FieldSpec(P, "ipv6.fraghdr.ident", "Fragment: identification", 32,
            32, HEX, "A number the source picks per fragmented packet; all its fragments carry it.", "RFC 8200 §4.5");

    public static final FieldSpec DST_NEXT_HEADER = ext("ipv6.dstopts.nxt", "Destination Options: next header", 0, 8,
            NEXT_TEXT, "RFC 8200 §4.6");
    public static final FieldSpec DST_LENGTH = ext("ipv6.dstopts.len", "Destination Options: length", 8, 8,
            LENGTH_TEXT, "RFC 8200 §4.6");
    public static final FieldSpec DST_OPTION = FieldSpec.variable(P, "ipv6.dstopts.option",
            "Destination Options: option", BYTES, "Examined only by the destination. " + OPTION_TEXT, "RFC 8200 §4.2");

    /** The Fragment header's fields, in order; it is always 8 bytes. */
    public static final List<FieldSpec> FRAGMENT = List.of(FRAGMENT_NEXT_HEADER, FRAGMENT_RESERVED, FRAGMENT_OFFSET,
            FRAGMENT_RESERVED_BITS, MORE_FRAGMENTS, FRAGMENT_ID);

    public static final int HOP_BY_HOP = 0;
    public static final int ROUTING = 43;
    public static final int FRAGMENT_HEADER = 44;
    public static final int NO_NEXT_HEADER = 59;
    public static final int DESTINATION_OPTIONS = 60;
    public static final int FRAGMENT_HEADER_LENGTH = 8;

    private static FieldSpec ext(String key, String name, int bitOffset, int bitLength, String text, String ref) {
        FieldFormat f = key.endsWith(".len") || key.endsWith(".nxt") || key.endsWith(".type")
                || key.endsWith(".segleft") || key.endsWith(".offset") ? DECIMAL : HEX;
        return FieldSpec.fixed(P, key, name, bitOffset, bitLength, f, text, ref);
    }
}
