package org.netsim.pdu;

/** Big-endian (network order) bit-field access on byte arrays, at any bit offset, up to 64 bits. */
public final class Bits {
    private Bits() {
    }

    /**
     * Reads {@code bitLength} bits starting {@code bitOffset} bits into {@code buf}, most significant bit first.
     *
     * <p>Whole bytes (ports, addresses, sequence numbers) and fields inside one byte (IHL, a flag, an opcode) are
     * read here; this method stays small enough for the JIT to inline it into every codec, where a field's constant
     * offset and length then leave only the branch it takes. Anything else goes to {@link #getAny}.
     */
    public static long get(byte[] buf, long bitOffset, int bitLength) {
        if ((bitOffset & 7) == 0) {
            int at = (int) (bitOffset >>> 3);
            if (bitLength == 8) {
                return buf[at] & 0xff;
            }
            if (bitLength == 16) {
                return u16(buf, at);
            }
            if (bitLength == 32) {
                return u32(buf, at);
            }
        }
        int inByte = (int) (bitOffset & 7) + bitLength;
        if (bitLength > 0 && inByte <= 8) {
            return (buf[(int) (bitOffset >>> 3)] >>> (8 - inByte)) & ((1 << bitLength) - 1);
        }
        return getAny(buf, bitOffset, bitLength);
    }

    private static long getAny(byte[] buf, long bitOffset, int bitLength) {
        if (bitLength < 0 || bitLength > 64) {
            throw new IllegalArgumentException("bit length " + bitLength + " outside 0..64");
        }
        if (bitLength == 0) {
            return 0;
        }
        int firstByte = (int) (bitOffset >>> 3);
        long lastBit = bitOffset + bitLength - 1;
        int lastByte = (int) (lastBit >>> 3);
        if (lastByte - firstByte < 8) {
            // the bytes that hold the field fit in a long: read them at once, then shift and mask
            return (span(buf, firstByte, lastByte) >>> (7 - (int) (lastBit & 7))) & (-1L >>> (64 - bitLength));
        }
        long v = 0;
        for (long b = bitOffset, end = bitOffset + bitLength; b < end; b++) {
            int bit = (buf[(int) (b >>> 3)] >>> (7 - (int) (b & 7))) & 1;
            v = (v << 1) | bit;
        }
        return v;
    }

    /**
     * Writes the low {@code bitLength} bits of {@code value} at {@code bitOffset}, leaving the other bits as they are.
     * Small for the JIT in the same way as {@link #get}: whole bytes and fields inside one byte here, the rest in
     * {@link #putAny}.
     */
    public static void put(byte[] buf, long bitOffset, int bitLength, long value) {
        if ((bitOffset & 7) == 0) {
            int at = (int) (bitOffset >>> 3);
            if (bitLength == 8) {
                buf[at] = (byte) value;
                return;
            }
            if (bitLength == 16) {
                putU16(buf, at, (int) value);
                return;
            }
            if (bitLength == 32) {
                putU32(buf, at, value);
                return;
            }
        }
        int inByte = (int) (bitOffset & 7) + bitLength;
        if (bitLength > 0 && inByte <= 8) {
            int at = (int) (bitOffset >>> 3);
            int mask = ((1 << bitLength) - 1) << (8 - inByte);
            buf[at] = (byte) ((buf[at] & ~mask) | (((int) value << (8 - inByte)) & mask));
            return;
        }
        putAny(buf, bitOffset, bitLength, value);
    }

    private static void putAny(byte[] buf, long bitOffset, int bitLength, long value) {
        if (bitLength < 0 || bitLength > 64) {
            throw new IllegalArgumentException("bit length " + bitLength + " outside 0..64");
        }
        if (bitLength == 0) {
            return;
        }
        if ((bitOffset & 7) == 0 && (bitLength & 7) == 0) {
            for (int i = (int) (bitOffset >>> 3) + (bitLength >>> 3) - 1, n = bitLength >>> 3; n > 0; n--, i--) {
                buf[i] = (byte) value;
                value >>>= 8;
            }
            return;
        }
        int firstByte = (int) (bitOffset >>> 3);
        long lastBit = bitOffset + bitLength - 1;
        int lastByte = (int) (lastBit >>> 3);
        if (lastByte - firstByte < 8) {
            long span = span(buf, firstByte, lastByte);
            int shift = 7 - (int) (lastBit & 7);
            long mask = (-1L >>> (64 - bitLength)) << shift;
            span = (span & ~mask) | ((value << shift) & mask);
            for (int i = lastByte; i >= firstByte; i--) {
                buf[i] = (byte) span;
                span >>>= 8;
            }
            return;
        }
        for (long b = bitOffset + bitLength - 1; b >= bitOffset; b--) {
            int idx = (int) (b >>> 3);
            int shift = 7 - (int) (b & 7);
            if ((value & 1) != 0) {
                buf[idx] |= (byte) (1 << shift);
            } else {
                buf[idx] &= (byte) ~(1 << shift);
            }
            value >>>= 1;
        }
    }

    /** {@code buf[first..last]} (at most 8 bytes) as one big-endian number. */
    private static long span(byte[] buf, int first, int last) {
        long v = 0;
        for (int i = first; i <= last; i++) {
            v = (v << 8) | (buf[i] & 0xff);
        }
        return v;
    }

    public static int u16(byte[] buf, int offset) {
        return ((buf[offset] & 0xff) << 8) | (buf[offset + 1] & 0xff);
    }

    public static long u32(byte[] buf, int offset) {
        return ((long) (buf[offset] & 0xff) << 24) | ((buf[offset + 1] & 0xff) << 16)
                | ((buf[offset + 2] & 0xff) << 8) | (buf[offset + 3] & 0xff);
    }

    public static void putU16(byte[] buf, int offset, int value) {
        buf[offset] = (byte) (value >>> 8);
        buf[offset + 1] = (byte) value;
    }

    public static void putU32(byte[] buf, int offset, long value) {
        buf[offset] = (byte) (value >>> 24);
        buf[offset + 1] = (byte) (value >>> 16);
        buf[offset + 2] = (byte) (value >>> 8);
        buf[offset + 3] = (byte) value;
    }
}
