package org.netsim.wire.arp;

import java.util.Objects;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/**
 * An ARP packet for IPv4 over Ethernet (RFC 826): the opcode and the four addresses. The hardware and protocol types
 * and lengths are not held, since for this pair they are always 1, 0x0800, 6 and 4.
 *
 * @param operation the opcode (RFC 826 "ar$op"): {@link #REQUEST}, {@link #REPLY}, or another IANA code, kept as is
 * @param senderMac "ar$sha", the MAC address of the machine sending this packet
 * @param senderIp  "ar$spa", its IP address
 * @param targetMac "ar$tha": in a request, unknown (RFC 826: "it is this value that it is trying to determine")
 * @param targetIp  "ar$tpa": in a request, the address being resolved
 */
public record ArpPacket(int operation, MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
                        Ipv4Address targetIp) {
    /** RFC 826: "ares_op$REQUEST (= 1, high byte transmitted first)". */
    public static final int REQUEST = 1;
    /** RFC 826: "ares_op$REPLY (= 2)". */
    public static final int REPLY = 2;

    public ArpPacket {
        if (operation < 0 || operation > 0xffff) {
            throw new IllegalArgumentException("the ARP opcode is 16 bits: " + operation);
        }
        Objects.requireNonNull(senderMac, "senderMac");
        Objects.requireNonNull(senderIp, "senderIp");
        Objects.requireNonNull(targetMac, "targetMac");
        Objects.requireNonNull(targetIp, "targetIp");
    }

    /**
     * "Who has {@code targetIp}?" RFC 826: the sender "does not set ar$tha to anything in particular, because it is
     * this value that it is trying to determine"; Linux sends zeros there, and so does this factory. (The Ethernet
     * frame carrying a request goes to the broadcast address; that is the Ethernet header's business, not ARP's.)
     */
    public static ArpPacket request(MacAddress senderMac, Ipv4Address senderIp, Ipv4Address targetIp) {
        return new ArpPacket(REQUEST, senderMac, senderIp, MacAddress.ZERO, targetIp);
    }

    /**
     * "{@code senderIp} is at {@code senderMac}", sent to the machine that asked. RFC 826: the target of a request
     * answers by "putting the local hardware and protocol addresses in the sender fields", so the asker's addresses
     * become {@code targetMac} and {@code targetIp}.
     */
    public static ArpPacket reply(MacAddress senderMac, Ipv4Address senderIp, MacAddress targetMac,
                                  Ipv4Address targetIp) {
        return new ArpPacket(REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    public boolean isRequest() {
        return operation == REQUEST;
    }

    public boolean isReply() {
        return operation == REPLY;
    }

    /**
     * One line as Wireshark's Info column words it (checked against tshark 4.0): "Who has 192.168.1.1? Tell
     * 192.168.1.2", "192.168.1.1 is at 02:00:00:00:00:01". Like Wireshark, it names the request forms of RFC 5227
     * (a probe from 0.0.0.0 while checking that an address is free, an announcement of one's own address) and
     * gratuitous ARP (sender and target IP the same), leaving out its "duplicate use detected" note, which needs the
     * frames before. Opcodes other than 1 to 9 are shown by number and name.
     */
    @Override
    public String toString() {
        return switch (operation) {
            case REQUEST -> {
                if (senderIp.equals(targetIp)) {
                    yield targetMac.equals(MacAddress.ZERO) ? "ARP Announcement for " + targetIp
                            : "Gratuitous ARP for " + targetIp + " (Request)";
                }
                if (senderIp.equals(Ipv4Address.ANY) && targetMac.equals(MacAddress.ZERO)) {
                    yield "Who has " + targetIp + "? (ARP Probe)";
                }
                yield "Who has " + targetIp + "? Tell " + senderIp;
            }
            case REPLY -> senderIp.equals(targetIp) ? "Gratuitous ARP for " + senderIp + " (Reply)"
                    : senderIp + " is at " + senderMac;
            // RARP (RFC 903) and Dynamic RARP (RFC 1931) ask for the IP address of a MAC address, Inverse ARP
            // (RFC 2390) for the IP address at the other end of a virtual circuit: "Who is <MAC>?".
            case 3, 5, 8 -> "Who is " + targetMac + "? Tell " + senderMac;
            case 4, 6 -> targetMac + " is at " + targetIp;
            case 9 -> senderMac + " is at " + senderIp;
            default -> "Opcode " + operation + " (" + ArpLayout.opcodeName(operation) + ")";
        };
    }
}
