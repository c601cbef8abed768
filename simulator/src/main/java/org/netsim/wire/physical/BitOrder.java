package org.netsim.wire.physical;

/**
 * In which order the eight bits of each byte are listed.
 *
 * <p>People write a byte most significant bit first: 0xd5 is {@code 11010101}. Ethernet sends each byte least
 * significant bit first (IEEE 802.3 §3.3, "each octet ... is transmitted least significant bit first"), so on the
 * wire 0xd5 goes out as {@code 10101011}. Both views show the same bytes in the same byte order; only the bits inside
 * each byte are listed differently.
 */
public enum BitOrder {
    /** As written in hex dumps and programs: most significant bit first. 0xd5 → {@code 11010101}. */
    AS_WRITTEN("as written (most significant bit first)"),
    /** In the order the bits leave the network card: least significant bit first. 0xd5 → {@code 10101011}. */
    TRANSMISSION("transmission order (least significant bit first)");

    private final String label;

    BitOrder(String label) {
        this.label = label;
    }

    /** A label for the view: "as written (most significant bit first)". */
    public String label() {
        return label;
    }

    /** Bit number {@code i} (0 = first listed) of {@code b} in this order. */
    public int bit(int b, int i) {
        return this == AS_WRITTEN ? (b >>> (7 - i)) & 1 : (b >>> i) & 1;
    }
}
