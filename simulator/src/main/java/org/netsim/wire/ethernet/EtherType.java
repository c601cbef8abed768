package org.netsim.wire.ethernet;

import org.netsim.pdu.Hex;

/** The 16-bit EtherType (IEEE 802.3 Clause 3.2.6). Unknown values survive as numbers. */
public record EtherType(int value) {
    public static final EtherType IPV4 = new EtherType(0x0800);
    public static final EtherType ARP = new EtherType(0x0806);
    public static final EtherType IPV6 = new EtherType(0x86dd);

    public EtherType {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException("EtherType is 16 bits: " + value);
        }
    }

    /** "IPv4", "ARP", "IPv6" or "Unknown". */
    public String label() {
        return switch (value) {
            case 0x0800 -> "IPv4";
            case 0x0806 -> "ARP";
            case 0x86dd -> "IPv6";
            default -> "Unknown";
        };
    }

    @Override
    public String toString() {
        return label() + " (" + Hex.prefixed(value, 4) + ")";
    }
}
