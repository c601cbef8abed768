package org.netsim.pdu;


/** How a field's value is shown when the codec gives no text of its own. */
public enum FieldFormat {
    DECIMAL,
    /** 0x-prefixed, zero-padded to the field's width. */
    HEX,
    /** One bit: "Set" / "Not set". */
    FLAG,
    /** Bits shown as a binary string, e.g. the 3 reserved bits of the TCP data offset byte. */
    BINARY,
    MAC,
    IPV4,
    /** The field's bytes in hex. */
    BYTES,
    /** The field's bytes as UTF-8 text, quoted. */
    TEXT;

    String render(long value, long bitLength, Bytes bytes) {
        return switch (this) {
            case DECIMAL -> Long.toUnsignedString(value);
            case HEX -> Hex.prefixed(value, (int) Math.max(1, Math.min(16, (bitLength + 3) / 4)));
            case FLAG -> value != 0 ? "Set" : "Not set";
            case BINARY -> {
                String s = Long.toBinaryString(value);
                yield "0".repeat((int) Math.max(0, bitLength - s.length())) + s;
            }
            case MAC -> Hex.mac(value);
            case IPV4 -> ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                    + (value & 0xff);
            case BYTES -> bytes == null ? "" : bytes.hex();
            case TEXT -> bytes == null ? "" : '"' + bytes.utf8() + '"';
        };
    }
}
