package org.netsim.pdu;

/** Big-endian (network order) bit-field access on byte arrays, at any bit offset, up to 64 bits. */
public final class Bits {
    private Bits() {
    }

    /** Reads {@code bitLength} bits starting {@code bitOffset} bits into {@code buf}, most significant bit first. */
    public static long get(byte[] buf, long bitOffset, int bitLength) {
        if (bitLength < 0 || bitLength > 64) {
            throw new IllegalArgumentException("bit length " + bitLength + " outside 0..64");
        }
        if (bitLength == 0) {
            return 0;
        }
        if ((bitOffset & 7) == 0) {
            // whole bytes (ports, addresses, sequence numbers): most fields of every header a simulation reads
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
        int firstByte = (int) (bitOffset >>> 3);
        long lastBit = bitOffset + bitLength - 1;
        int lastByte = (int) (lastBit >>> 3);
        if (lastByte == firstByte) {
            // inside one byte (IHL, a flag, a WebSocket opcode)
            return (buf[firstByte] >>> (7 - (int) (lastBit & 7))) & ((1 << bitLength) - 1);
        }
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

    /** Writes the low {@code bitLength} bits of {@code value} at {@code bitOffset}, leaving the other bits as they are. */
    public static void put(byte[] buf, long bitOffset, int bitLength, long value) {
        if (bitLength < 0 || bitLength > 64) {
            throw new IllegalArgumentException("bit length " + bitLength + " outside 0..64");
        }
        if ((bitOffset & 7) == 0 && (bitLength & 7) == 0) {
            int at = (int) (bitOffset >>> 3);
            switch (bitLength) {
                case 8 -> {
                    buf[at] = (byte) value;
                    return;
                }
                case 16 -> {
                    putU16(buf, at, (int) value);
                    return;
                }
                case 32 -> {
                    putU32(buf, at, value);
                    return;
                }
                default -> {
                }
            }
            int last = at + (bitLength >>> 3) - 1;
            for (int i = last, n = bitLength >>> 3; n > 0; n--, i--) {
                buf[i] = (byte) value;
                value >>>= 8;
            }
            return;
        }
        if (bitLength == 0) {
            return;
        }
        int firstByte = (int) (bitOffset >>> 3);
        long lastBit = bitOffset + bitLength - 1;
        int lastByte = (int) (lastBit >>> 3);
        if (lastByte == firstByte) {
            int shift = 7 - (int) (lastBit & 7);
            int mask = ((1 << bitLength) - 1) << shift;
            buf[firstByte] = (byte) ((buf[firstByte] & ~mask) | (((int) value << shift) & mask));
            return;
        }
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
