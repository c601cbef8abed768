package org.netsim.wire.websocket;

/**
 * The masking transform of RFC 6455 §5.3, in place: "octet i of the transformed data is the XOR of octet i of the
 * original data with octet at index i modulo 4 of the masking key". The same operation masks and unmasks. A class of
 * its own so that a reader that only unmasks (the capture decoder's fast path) loads nothing else of the codec.
 */
public final class Masking {
    private Masking() {
    }

    /**
     * Transforms {@code buf[from, from+length)} with the key in {@code key[keyAt, keyAt+4)}, where a frame header
     * holds it (RFC 6455 §5.2).
     */
    public static void apply(byte[] buf, int from, int length, byte[] key, int keyAt) {
        apply(buf, from, length, key[keyAt], key[keyAt + 1], key[keyAt + 2], key[keyAt + 3]);
    }

    static void apply(byte[] buf, int from, int length, byte k0, byte k1, byte k2, byte k3) {
        int i = from;
        int end = from + length;
        for (int quadEnd = from + (length & ~3); i < quadEnd; i += 4) {
            buf[i] ^= k0;
            buf[i + 1] ^= k1;
            buf[i + 2] ^= k2;
            buf[i + 3] ^= k3;
        }
        if (i < end) {
            buf[i++] ^= k0;
        }
        if (i < end) {
            buf[i++] ^= k1;
        }
        if (i < end) {
            buf[i] ^= k2;
        }
    }
}
