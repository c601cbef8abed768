package org.netsim.wire.link;

import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.HEX;

import java.util.List;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of the Linux "cooked" capture headers (tcpdump.org's LINKTYPE_LINUX_SLL and LINKTYPE_LINUX_SLL2
 * pages): the pseudo header Linux writes in place of a link header when a capture covers several devices (the
 * {@code any} device), saying how the packet passed the host, on which kind of device, and what protocol it carries.
 * Offsets count bits from the first byte of the header; every value is big-endian.
 */
public final class LinuxSllLayout {
    private LinuxSllLayout() {
    }

    private static final Protocol V1 = Protocol.LINUX_SLL;
    private static final Protocol V2 = Protocol.LINUX_SLL2;
    private static final String RFC_V1 = "tcpdump.org LINKTYPE_LINUX_SLL";
    private static final String RFC_V2 = "tcpdump.org LINKTYPE_LINUX_SLL2";

    private static final String PACKET_TYPE_TEXT = "How the packet passed this host: 0 sent to us, 1 broadcast, "
            + "2 multicast, 3 sent to another host (seen in promiscuous mode), 4 sent by us.";
    private static final String ARPHRD_TEXT = "The kind of device it crossed, as Linux numbers them (ARPHRD_): "
            + "1 Ethernet, 772 loopback, 65534 none (a tunnel).";
    private static final String ADDRESS_LENGTH_TEXT = "How many bytes of the next field are the link-layer address "
            + "(6 for Ethernet and loopback; 0 when the device has none).";
    private static final String ADDRESS_TEXT = "The sender's link-layer address, padded with zeros to 8 bytes "
            + "(zeros on loopback).";
    private static final String PROTOCOL_TEXT = "What the payload is, as an EtherType: 0x0800 IPv4, 0x86dd IPv6, "
            + "0x0806 ARP (values below 0x0600 are Linux's own, such as 0x0004 for 802.2 LLC).";

    // ---- version 1: 16 bytes

    public static final FieldSpec PACKET_TYPE = FieldSpec.fixed(V1, "sll.pkttype", "Packet type", 0, 16, DECIMAL,
            PACKET_TYPE_TEXT, RFC_V1);
    public static final FieldSpec ARPHRD_TYPE = FieldSpec.fixed(V1, "sll.hatype", "Link-layer address type", 16, 16,
            DECIMAL, ARPHRD_TEXT, RFC_V1);
    public static final FieldSpec ADDRESS_LENGTH = FieldSpec.fixed(V1, "sll.halen", "Link-layer address length", 32,
            16, DECIMAL, ADDRESS_LENGTH_TEXT, RFC_V1);
    public static final FieldSpec ADDRESS = FieldSpec.fixed(V1, "sll.src", "Source", 48, 64, HEX, ADDRESS_TEXT,
            RFC_V1);
    public static final FieldSpec PROTOCOL = FieldSpec.fixed(V1, "sll.etype", "Protocol", 112, 16, HEX,
            PROTOCOL_TEXT, RFC_V1);

    public static final List<FieldSpec> FIXED = List.of(PACKET_TYPE, ARPHRD_TYPE, ADDRESS_LENGTH, ADDRESS, PROTOCOL);
    public static final int HEADER_LENGTH = 16;

    // ---- version 2: 20 bytes, the protocol first and the interface index added

    public static final FieldSpec V2_PROTOCOL = FieldSpec.fixed(V2, "sll2.etype", "Protocol", 0, 16, HEX,
            PROTOCOL_TEXT, RFC_V2);
    public static final FieldSpec V2_RESERVED = FieldSpec.fixed(V2, "sll2.reserved", "Reserved", 16, 16, HEX,
            "Must be zero.", RFC_V2);
    public static final FieldSpec V2_INTERFACE = FieldSpec.fixed(V2, "sll2.ifindex", "Interface index", 32, 32,
            DECIMAL, "Which of the host's devices the packet crossed, by Linux's interface number (1 is usually lo; "
                    + "ip link lists them).", RFC_V2);
    public static final FieldSpec V2_ARPHRD_TYPE = FieldSpec.fixed(V2, "sll2.hatype", "Link-layer address type", 64,
            16, DECIMAL, ARPHRD_TEXT, RFC_V2);
    public static final FieldSpec V2_PACKET_TYPE = FieldSpec.fixed(V2, "sll2.pkttype", "Packet type", 80, 8, DECIMAL,
            PACKET_TYPE_TEXT, RFC_V2);
    public static final FieldSpec V2_ADDRESS_LENGTH = FieldSpec.fixed(V2, "sll2.halen", "Link-layer address length",
            88, 8, DECIMAL, ADDRESS_LENGTH_TEXT, RFC_V2);
    public static final FieldSpec V2_ADDRESS = FieldSpec.fixed(V2, "sll2.src", "Source", 96, 64, HEX, ADDRESS_TEXT,
            RFC_V2);

    public static final List<FieldSpec> V2_FIXED = List.of(V2_PROTOCOL, V2_RESERVED, V2_INTERFACE, V2_ARPHRD_TYPE,
            V2_PACKET_TYPE, V2_ADDRESS_LENGTH, V2_ADDRESS);
    public static final int V2_HEADER_LENGTH = 20;

    /** ARPHRD_ETHER and ARPHRD_LOOPBACK: their addresses are 6-byte MAC addresses. */
    public static final int ARPHRD_ETHER = 1;
    public static final int ARPHRD_LOOPBACK = 772;
}
