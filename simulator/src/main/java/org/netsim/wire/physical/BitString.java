package org.netsim.wire.physical;

import java.util.Objects;
import org.netsim.pdu.Bytes;

/**
 * Bytes shown as the bits a student can count: {@code 01010101 01010101 ...}, eight digits per byte, bytes in the
 * order they are sent, the bits inside each byte in the chosen {@link BitOrder}.
 *
 * <p>{@link BitOrder#TRANSMISSION} is the order of IEEE 802.3 §3.3: every byte least significant bit first. That holds
 * for the frame check sequence too, taken as the bytes {@code EthernetCodec} stores (the CRC's low byte first): sent
 * that way, the CRC's x<sup>31</sup> term goes first, as §3.2.9 requires. Read left to right, the transmission view is
 * the bit sequence on the wire; the preamble and SFD read {@code 10101010 ... 10101011}.
 *
 * @param bytes the bytes, in sending order
 * @param order how the bits of each byte are listed
 */
public record BitString(Bytes bytes, BitOrder order) {

    public BitString {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(order, "order");
    }

    public static BitString of(byte[] buf, int offset, int length, BitOrder order) {
        return new BitString(Bytes.of(buf, offset, offset + length), order);
    }

    /** The same bytes listed in the other order. */
    public BitString in(BitOrder other) {
        return other == order ? this : new BitString(bytes, other);
    }

    public long bitCount() {
        return bytes.length() * 8L;
    }

    /** The bit at position {@code index} of this listing; in transmission order, the {@code index}-th bit sent. */
    public int bit(long index) {
        if (index < 0 || index >= bitCount()) {
            throw new IndexOutOfBoundsException("bit " + index + " of " + bitCount());
        }
        return order.bit(bytes.u8((int) (index >>> 3)), (int) (index & 7));
    }

    /** The eight digits of byte {@code byteIndex}. */
    public String group(int byteIndex) {
        return bits(bytes.u8(byteIndex), order);
    }

    /** The eight digits of one byte in the given order: {@code bits(0xd5, TRANSMISSION)} is {@code "10101011"}. */
    public static String bits(int b, BitOrder order) {
        char[] c = new char[8];
        for (int i = 0; i < 8; i++) {
            c[i] = (char) ('0' + order.bit(b, i));
        }
        return new String(c);
    }

    /** All bytes, eight digits each, separated by single spaces. */
    @Override
    public String toString() {
        return lines(Integer.MAX_VALUE);
    }

    /** The same, with a line break after every {@code bytesPerLine} bytes (8 fits a hex-dump row's half). */
    public String lines(int bytesPerLine) {
        if (bytesPerLine <= 0) {
            throw new IllegalArgumentException("bytes per line must be positive: " + bytesPerLine);
        }
        int n = bytes.length();
        StringBuilder sb = new StringBuilder(n * 9);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(i % bytesPerLine == 0 ? '\n' : ' ');
            }
            int b = bytes.u8(i);
            for (int k = 0; k < 8; k++) {
                sb.append((char) ('0' + order.bit(b, k)));
            }
        }
        return sb.toString();
    }
}
