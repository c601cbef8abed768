package org.netsim.wire.arp;

import static org.netsim.wire.arp.ArpLayout.ADDRESSES;
import static org.netsim.wire.arp.ArpLayout.FIXED_PART;
import static org.netsim.wire.arp.ArpLayout.FIXED_PART_LENGTH;
import static org.netsim.wire.arp.ArpLayout.HARDWARE_ETHERNET;
import static org.netsim.wire.arp.ArpLayout.HARDWARE_SIZE;
import static org.netsim.wire.arp.ArpLayout.HARDWARE_TYPE;
import static org.netsim.wire.arp.ArpLayout.IPV4_LENGTH;
import static org.netsim.wire.arp.ArpLayout.LENGTH;
import static org.netsim.wire.arp.ArpLayout.MAC_LENGTH;
import static org.netsim.wire.arp.ArpLayout.OPCODE;
import static org.netsim.wire.arp.ArpLayout.PROTOCOL_IPV4;
import static org.netsim.wire.arp.ArpLayout.PROTOCOL_SIZE;
import static org.netsim.wire.arp.ArpLayout.PROTOCOL_TYPE;
import static org.netsim.wire.arp.ArpLayout.SENDER_IP;
import static org.netsim.wire.arp.ArpLayout.SENDER_MAC;
import static org.netsim.wire.arp.ArpLayout.TARGET_IP;
import static org.netsim.wire.arp.ArpLayout.TARGET_MAC;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Field;
import org.netsim.pdu.FieldSpec;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/**
 * Encodes and decodes ARP packets (RFC 826) for IPv4 over Ethernet, the only pair a student meets on a LAN. Other
 * hardware or protocol types are shown as malformed: their addresses have other lengths, so their fields are not where
 * {@link ArpLayout} puts them.
 */
public final class ArpCodec {
    private ArpCodec() {
    }

    /**
     * The 28 bytes of the packet. RFC 826: "There are no padding bytes between addresses"; ar$hrd, ar$pro and ar$op
     * "are sent most significant byte first". The Ethernet codec pads the frame to its 60-byte minimum.
     */
    public static byte[] encode(ArpPacket p) {
        byte[] out = new byte[LENGTH];
        HARDWARE_TYPE.write(out, 0, HARDWARE_ETHERNET);
        PROTOCOL_TYPE.write(out, 0, PROTOCOL_IPV4);
        HARDWARE_SIZE.write(out, 0, MAC_LENGTH);
        PROTOCOL_SIZE.write(out, 0, IPV4_LENGTH);
        OPCODE.write(out, 0, p.operation());
        SENDER_MAC.write(out, 0, p.senderMac().value());
        SENDER_IP.write(out, 0, p.senderIp().unsigned());
        TARGET_MAC.write(out, 0, p.targetMac().value());
        TARGET_IP.write(out, 0, p.targetIp().unsigned());
        return out;
    }

    /**
     * The packet at {@code buf[off, off+len)}, or {@code null} if fewer than 28 bytes are there or it is not for IPv4
     * over Ethernet (hardware type 1, protocol type 0x0800, lengths 6 and 4). Any opcode is accepted; bytes after the
     * 28th (Ethernet padding) are ignored.
     */
    public static ArpPacket decode(byte[] buf, int off, int len) {
        if (len < LENGTH || !isEthernetIpv4(buf, off)) {
            return null;
        }
        return packet(buf, off);
    }

    private static boolean isEthernetIpv4(byte[] buf, int off) {
        return HARDWARE_TYPE.read(buf, off) == HARDWARE_ETHERNET && PROTOCOL_TYPE.read(buf, off) == PROTOCOL_IPV4
                && HARDWARE_SIZE.read(buf, off) == MAC_LENGTH && PROTOCOL_SIZE.read(buf, off) == IPV4_LENGTH;
    }

    private static ArpPacket packet(byte[] buf, int off) {
        return new ArpPacket((int) OPCODE.read(buf, off), new MacAddress(SENDER_MAC.read(buf, off)),
                new Ipv4Address((int) SENDER_IP.read(buf, off)), new MacAddress(TARGET_MAC.read(buf, off)),
                new Ipv4Address((int) TARGET_IP.read(buf, off)));
    }

    /**
     * Decodes the packet at {@code buf[off, off+len)} field by field; never throws. The PDU ends after the 28th byte:
     * what follows in an Ethernet frame is the frame's padding, which the Ethernet PDU owns.
     *
     * <p>Malformed, with every field that is there still shown, when the bytes stop before the 28th, or when the
     * types or lengths are not those of IPv4 over Ethernet. A wrong type alone leaves the addresses where they are, so
     * they are shown and decoding is said to stop at the bad field. Wrong lengths move the addresses: the bytes that
     * the lengths claim for them (RFC 826: "n from the ar$hln field", "m from the ar$pln field") become one
     * undecodable field.
     */
    public static Pdu dissect(byte[] buf, int off, int len) {
        Pdu.Builder b = Pdu.builder(Protocol.ARP, off);
        int end = off + Math.max(0, len);
        List<String> problems = new ArrayList<>(2);
        int firstProblemAt = -1;
        int decodedTo = off;
        for (FieldSpec s : FIXED_PART) {
            if (s.endByte() > len) {
                break;
            }
            long v = s.read(buf, off);
            Field f = s.at(off, v, text(s, v));
            String problem = problem(s, v);
            if (problem != null) {
                f = f.withProblem(problem);
                problems.add(problem);
                if (firstProblemAt < 0) {
                    firstProblemAt = off + s.bitOffset() / 8;
                }
            }
            b.field(f);
            decodedTo = off + s.endByte();
        }
        if (len >= FIXED_PART_LENGTH) {
            int hlen = (int) HARDWARE_SIZE.read(buf, off);
            int plen = (int) PROTOCOL_SIZE.read(buf, off);
            if (hlen != MAC_LENGTH || plen != IPV4_LENGTH) {
                int claimed = FIXED_PART_LENGTH + 2 * (hlen + plen);
                if (claimed > len) {
                    problems.add("truncated: the addresses at these lengths end at byte " + claimed + " of the packet, "
                            + "only " + len + " bytes are there");
                }
                return b.summary(opcodeSummary(buf, off) + ", malformed")
                        .malformed(String.join("; ", problems), decodedTo, off + Math.min(claimed, len)).build();
            }
        }
        for (FieldSpec s : ADDRESSES) {
            if (s.endByte() > len) {
                break;
            }
            b.field(s.at(off, s.read(buf, off)));
            decodedTo = off + s.endByte();
        }
        if (len < LENGTH) {
            problems.add("truncated: " + Math.max(0, len) + " bytes, an Ethernet/IPv4 ARP packet has " + LENGTH);
            return b.summary(len >= FIXED_PART_LENGTH ? opcodeSummary(buf, off) + ", malformed" : "malformed")
                    .malformed(String.join("; ", problems), decodedTo, end).build();
        }
        ArpPacket p = packet(buf, off);
        b.summary(p.toString());
        if (!problems.isEmpty()) {
            // Every byte is decoded, the addresses are where 6 and 4 put them: nothing is undecodable, but the
            // packet is not one this codec speaks, so it is malformed at its first bad field and has no header value.
            return b.malformed(String.join("; ", problems), firstProblemAt, firstProblemAt).build();
        }
        return b.header(p).build();
    }

    private static String opcodeSummary(byte[] buf, int off) {
        int op = (int) OPCODE.read(buf, off);
        return ArpLayout.opcodeName(op) + " (" + op + ")";
    }

    /** The text the inspector shows for a field of the fixed part, Wireshark's wording; null for a plain number. */
    private static String text(FieldSpec s, long v) {
        if (s == HARDWARE_TYPE) {
            return v == HARDWARE_ETHERNET ? "Ethernet (1)" : Long.toString(v);
        }
        if (s == PROTOCOL_TYPE) {
            return new EtherType((int) v).toString();
        }
        if (s == OPCODE) {
            return ArpLayout.opcodeName((int) v) + " (" + v + ")";
        }
        return null;
    }

    /** What is wrong with a field of the fixed part for IPv4 over Ethernet, or {@code null}. */
    private static String problem(FieldSpec s, long v) {
        if (s == HARDWARE_TYPE && v != HARDWARE_ETHERNET) {
            return "hardware type " + v + " is not Ethernet (1)";
        }
        if (s == PROTOCOL_TYPE && v != PROTOCOL_IPV4) {
            return "protocol type " + Hex.prefixed(v, 4) + " is not IPv4 (0x0800)";
        }
        if (s == HARDWARE_SIZE && v != MAC_LENGTH) {
            return "hardware address length " + v + " is not 6, the length of an Ethernet MAC address";
        }
        if (s == PROTOCOL_SIZE && v != IPV4_LENGTH) {
            return "protocol address length " + v + " is not 4, the length of an IPv4 address";
        }
        return null;
    }
}
