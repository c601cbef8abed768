package org.netsim.wire.link;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * A Linux cooked capture header, version 1 or 2 (see {@link LinuxSllLayout}).
 *
 * @param version        1 (16 bytes) or 2 (20 bytes)
 * @param packetType     0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us
 * @param arphrdType     the device type (ARPHRD_: 1 Ethernet, 772 loopback)
 * @param addressLength  how many bytes of {@code address} are the address
 * @param address        the 8 address bytes as written (the address, then padding)
 * @param protocol       the payload's EtherType
 * @param interfaceIndex the device's interface index (version 2; 0 in version 1, which has none)
 */
public record LinuxSllHeader(int version, int packetType, int arphrdType, int addressLength, Bytes address,
                             int protocol, int interfaceIndex) {
    public LinuxSllHeader {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("Linux cooked capture has versions 1 and 2, not " + version);
        }
        Objects.requireNonNull(address, "address");
        if (address.length() != 8) {
            throw new IllegalArgumentException("the address field is 8 bytes, not " + address.length());
        }
    }

    /** What a capture on {@code any} shows for a loopback packet: device lo, zero MAC address, "to us" (each packet is
     * seen once, as it arrives). */
    public static LinuxSllHeader loopback(int version, int protocol, int interfaceIndex) {
        return new LinuxSllHeader(version, 0, LinuxSllLayout.ARPHRD_LOOPBACK, 6, Bytes.wrap(new byte[8]), protocol,
                interfaceIndex);
    }

    public int headerLength() {
        return version == 1 ? LinuxSllLayout.HEADER_LENGTH : LinuxSllLayout.V2_HEADER_LENGTH;
    }

    /** "Sent by us", "Unicast to us", ... as Wireshark names them. */
    public static String packetTypeName(int type) {
        return switch (type) {
            case 0 -> "Unicast to us";
            case 1 -> "Broadcast";
            case 2 -> "Multicast";
            case 3 -> "Unicast to another host";
            case 4 -> "Sent by us";
            default -> "Unknown";
        };
    }

    /** The device type's name (linux/if_arp.h). */
    public static String arphrdName(int type) {
        return switch (type) {
            case 1 -> "Ethernet";
            case 24 -> "IEEE 1394";
            case 512 -> "PPP";
            case 772 -> "Loopback";
            case 776 -> "IPv6-in-IPv4 (SIT)";
            case 778 -> "GRE";
            case 801 -> "IEEE 802.11";
            case 65534 -> "None";
            case 65535 -> "Void";
            default -> "Unknown";
        };
    }
}
