package org.netsim.pdu;

import java.util.HexFormat;

/**
 * Hex digits without {@link String#format}: its format-string parsing cost a quarter of the time of a whole-stack
 * dissect, and every frame renders dozens of hex values.
 */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();
    private static final HexFormat SPACED = HexFormat.ofDelimiter(" ");

    private Hex() {
    }

    /** The low {@code digits} hex digits of {@code value}, zero-padded: {@code digits(0x800, 4)} is {@code "0800"}. */
    public static String digits(long value, int digits) {
        char[] c = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            c[i] = DIGITS[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(c);
    }

    /** {@code 0x} and the digits: {@code prefixed(0x800, 4)} is {@code "0x0800"}. */
    public static String prefixed(long value, int digits) {
        return "0x" + digits(value, digits);
    }

    /** {@code buf[offset, offset+length)} as hex pairs separated by spaces: {@code 55 55 d5}. */
    public static String spaced(byte[] buf, int offset, int length) {
        return SPACED.formatHex(buf, offset, offset + length);
    }

    /** The six bytes of a MAC address in {@code value}'s low 48 bits: {@code 02:00:00:00:00:01}. */
    public static String mac(long value) {
        char[] c = new char[17];
        for (int i = 0; i < 6; i++) {
            int b = (int) (value >>> (40 - 8 * i)) & 0xff;
            c[i * 3] = DIGITS[b >>> 4];
            c[i * 3 + 1] = DIGITS[b & 0xf];
            if (i < 5) {
                c[i * 3 + 2] = ':';
            }
        }
        return new String(c);
    }
}
