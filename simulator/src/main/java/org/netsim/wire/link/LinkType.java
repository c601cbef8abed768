package org.netsim.wire.link;

/**
 * What a captured frame starts with: the LINKTYPE_ values of pcap and pcapng files (tcpdump.org's link-layer header
 * types registry, draft-ietf-opsawg-pcaplinktype), the ones a Socket.IO capture meets. Live capture gets libpcap's
 * DLT_ values, which are the same numbers except DLT_RAW ({@link #fromDlt}).
 */
public final class LinkType {
    private LinkType() {
    }

    /** BSD loopback: a 4-byte address family in the byte order of the machine that captured (macOS's lo0). */
    public static final int NULL = 0;
    /** Ethernet II (DLT_EN10MB); Linux's {@code lo} too, with zero MAC addresses. */
    public static final int ETHERNET = 1;
    /** Raw IP: the frame is an IPv4 or IPv6 packet, its first four bits say which. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like {@link #NULL} but the family is always in network byte order. */
    public static final int LOOP = 108;
    /** Linux cooked capture, version 1: what capturing on Linux's {@code any} device gives. */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Raw IPv6 only. */
    public static final int IPV6 = 229;
    /** Linux cooked capture, version 2 (libpcap 1.10 and later can give it for {@code any}). */
    public static final int LINUX_SLL2 = 276;

    /** DLT_RAW as libpcap numbers it on every system but OpenBSD (where 12 is DLT_LOOP's old number). */
    private static final int DLT_RAW = 12;

    /** Whether the decoders read frames of this link type. */
    public static boolean isDecoded(int linkType) {
        return switch (linkType) {
            case NULL, ETHERNET, RAW, LOOP, LINUX_SLL, IPV4, IPV6, LINUX_SLL2 -> true;
            default -> false;
        };
    }

    /**
     * The LINKTYPE_ value for libpcap's DLT_ value {@code dlt} (what {@code pcap_datalink} and pcap4j's
     * {@code PcapHandle.getDlt()} give): the same number, except DLT_RAW (12), which files write as LINKTYPE_RAW.
     */
    public static int fromDlt(int dlt) {
        return dlt == DLT_RAW ? RAW : dlt;
    }

    /** The DLT_ value libpcap takes for {@code linkType} (to write a file with {@code pcap_open_dead}): the inverse. */
    public static int toDlt(int linkType) {
        return linkType == RAW ? DLT_RAW : linkType;
    }

    /** The registry's name: "ETHERNET", "LINUX_SLL", ... or "unknown". */
    public static String name(int linkType) {
        return switch (linkType) {
            case NULL -> "NULL";
            case ETHERNET -> "ETHERNET";
            case RAW -> "RAW";
            case LOOP -> "LOOP";
            case LINUX_SLL -> "LINUX_SLL";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case LINUX_SLL2 -> "LINUX_SLL2";
            case 9 -> "PPP";
            case 105 -> "IEEE802_11";
            case 127 -> "IEEE802_11_RADIOTAP";
            case 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159, 160, 161, 162 -> "USER";
            case 220 -> "USB_LINUX_MMAPPED";
            case 249 -> "USBPCAP";
            default -> "unknown";
        };
    }

    /** One sentence for a frame whose link type is not decoded: which one it is, and which ones are. */
    public static String notDecoded(int linkType) {
        return "link type " + linkType + " (" + name(linkType) + ") is not decoded; netsim reads Ethernet (1), "
                + "Linux cooked capture (113, 276: the any device), BSD loopback (0, 108: macOS's lo0) and raw IP "
                + "(101, 228, 229)";
    }
}
