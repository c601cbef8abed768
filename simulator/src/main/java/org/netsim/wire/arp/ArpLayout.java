package org.netsim.wire.arp;

import static org.netsim.pdu.FieldFormat.DECIMAL;
import static org.netsim.pdu.FieldFormat.HEX;
import static org.netsim.pdu.FieldFormat.IPV4;
import static org.netsim.pdu.FieldFormat.MAC;

import java.util.List;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Protocol;

/**
 * Field layout of an ARP packet for Ethernet and IPv4 (RFC 826, "Packet format"), declared once for encode, decode,
 * the inspector and the lessons. Offsets count bits from the first byte of the ARP packet, which is the first byte of
 * the Ethernet payload. Keys are Wireshark's.
 *
 * <p>RFC 826 gives the addresses as "nbytes" and "mbytes", "n from the ar$hln field", "m from the ar$pln field": only
 * the first 8 bytes are at fixed places for every kind of link. The address offsets below hold for the only pair this
 * codec speaks, Ethernet (n = 6) and IPv4 (m = 4), which makes the packet 28 bytes.
 */
public final class ArpLayout {
    private ArpLayout() {
    }

    private static final Protocol P = Protocol.ARP;
    private static final String RFC = "RFC 826 (Packet format)";

    public static final FieldSpec HARDWARE_TYPE = FieldSpec.fixed(P, "arp.hw.type", "Hardware type", 0, 16, DECIMAL,
            "Which kind of link the hardware addresses belong to: 1 is Ethernet, whose addresses are 6-byte MACs.",
            RFC);
    public static final FieldSpec PROTOCOL_TYPE = FieldSpec.fixed(P, "arp.proto.type", "Protocol type", 16, 16, HEX,
            "Whose addresses are being mapped to MACs, named by that protocol's EtherType: 0x0800 is IPv4.", RFC);
    public static final FieldSpec HARDWARE_SIZE = FieldSpec.fixed(P, "arp.hw.size", "Hardware size", 32, 8, DECIMAL,
            "How many bytes each hardware address below takes: 6 for an Ethernet MAC address.", RFC);
    public static final FieldSpec PROTOCOL_SIZE = FieldSpec.fixed(P, "arp.proto.size", "Protocol size", 40, 8, DECIMAL,
            "How many bytes each protocol address below takes: 4 for an IPv4 address.", RFC);
    public static final FieldSpec OPCODE = FieldSpec.fixed(P, "arp.opcode", "Opcode", 48, 16, DECIMAL,
            "What this packet does: 1 asks which MAC address has the target IP address, 2 answers that question.", RFC);
    public static final FieldSpec SENDER_MAC = FieldSpec.fixed(P, "arp.src.hw_mac", "Sender MAC address", 64, 48, MAC,
            "MAC address of the machine that sent this packet; whoever receives it may note it in its ARP cache.", RFC);
    public static final FieldSpec SENDER_IP = FieldSpec.fixed(P, "arp.src.proto_ipv4", "Sender IP address", 112, 32,
            IPV4, "IP address of the machine that sent this packet, the one that goes with the sender MAC address.",
            RFC);
    public static final FieldSpec TARGET_MAC = FieldSpec.fixed(P, "arp.dst.hw_mac", "Target MAC address", 144, 48, MAC,
            "In a request, not known yet, since it is what is asked for (Linux sends zeros); in a reply, the MAC of "
                    + "the machine that asked.", RFC);
    public static final FieldSpec TARGET_IP = FieldSpec.fixed(P, "arp.dst.proto_ipv4", "Target IP address", 192, 32,
            IPV4, "In a request, the IP address whose MAC address is wanted; in a reply, the IP address of the "
                    + "machine that asked.", RFC);

    /** The first 8 bytes, where RFC 826 puts them whatever the link and protocol: types, lengths, opcode. */
    public static final List<FieldSpec> FIXED_PART = List.of(HARDWARE_TYPE, PROTOCOL_TYPE, HARDWARE_SIZE,
            PROTOCOL_SIZE, OPCODE);
    /** The four addresses, at these offsets only when the lengths are 6 and 4. */
    public static final List<FieldSpec> ADDRESSES = List.of(SENDER_MAC, SENDER_IP, TARGET_MAC, TARGET_IP);
    /** Every field in packet order. */
    public static final List<FieldSpec> FIELDS = List.of(HARDWARE_TYPE, PROTOCOL_TYPE, HARDWARE_SIZE, PROTOCOL_SIZE,
            OPCODE, SENDER_MAC, SENDER_IP, TARGET_MAC, TARGET_IP);

    /** Bytes before the addresses. */
    public static final int FIXED_PART_LENGTH = 8;
    /** An Ethernet/IPv4 ARP packet: 8 + 2 × (6 + 4) bytes. */
    public static final int LENGTH = 28;

    /** RFC 826: "ares_hrd$Ethernet (= 1)". */
    public static final int HARDWARE_ETHERNET = 1;
    /** The EtherType of IPv4: for Ethernet hardware, RFC 826 takes ar$pro "from the set of type fields". */
    public static final int PROTOCOL_IPV4 = 0x0800;
    public static final int MAC_LENGTH = 6;
    public static final int IPV4_LENGTH = 4;

    /**
     * The name Wireshark gives an opcode ("request", "reverse reply"); the numbers are IANA's ARP operation codes
     * (RFC 826 defines 1 and 2, RFC 903 adds RARP's 3 and 4, RFC 2390 Inverse ARP's 8 and 9).
     */
    static String opcodeName(int op) {
        return switch (op) {
            case 0, 0xffff -> "reserved";
            case 1 -> "request";
            case 2 -> "reply";
            case 3 -> "reverse request";
            case 4 -> "reverse reply";
            case 5 -> "drarp request";
            case 6 -> "drarp reply";
            case 7 -> "drarp error";
            case 8 -> "inverse request";
            case 9 -> "inverse reply";
            case 10 -> "arp nak";
            case 11 -> "mars request";
            case 12 -> "mars multi";
            case 13 -> "mars mserv";
            case 14 -> "mars join";
            case 15 -> "mars leave";
            case 16 -> "mars nak";
            case 17 -> "mars unserv";
            case 18 -> "mars sjoin";
            case 19 -> "mars sleave";
            case 20 -> "mars grouplist request";
            case 21 -> "mars grouplist reply";
            case 22 -> "mars redirect map";
            case 23 -> "mapos unarp";
            case 24 -> "experimental 1";
            case 25 -> "experimental 2";
            default -> "Unknown";
        };
    }
}
