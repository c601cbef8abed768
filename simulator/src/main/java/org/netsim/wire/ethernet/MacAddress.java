package org.netsim.wire.ethernet;

import org.netsim.pdu.Hex;

/** A 48-bit IEEE 802 MAC address. */
public record MacAddress(long value) {
    public static final MacAddress BROADCAST = new MacAddress(0xffff_ffff_ffffL);
    public static final MacAddress ZERO = new MacAddress(0);

    public MacAddress {
        if ((value & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("a MAC address has 48 bits: " + Long.toHexString(value));
        }
    }

    /** Parses {@code 02:00:00:00:00:01} (colons or dashes). */
    public static MacAddress parse(String text) {
        String[] parts = text.split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("a MAC address has six bytes: " + text);
        }
        long v = 0;
        for (String p : parts) {
            v = (v << 8) | Integer.parseInt(p, 16);
        }
        return new MacAddress(v);
    }

    public boolean isBroadcast() {
        return value == BROADCAST.value;
    }

    /** The I/G bit: set for group (multicast and broadcast) addresses. */
    public boolean isGroup() {
        return ((value >>> 40) & 1) != 0;
    }

    @Override
    public String toString() {
        return Hex.mac(value);
    }
}
