package org.netsim.wire.engineio;

import java.util.Base64;
import org.netsim.random.RandomSource;

/**
 * Session ids the way Node's engine.io 6.6 makes them (its {@code contrib/base64id.js}, a copy of the base64id
 * package that socket.io also uses for its Socket.IO-level ids).
 *
 * <p>An id is 15 bytes written as 20 characters of base64 with {@code /} replaced by {@code _} and {@code +} by
 * {@code -}. The 15 bytes are not all random: engine.io first writes a per-server sequence number as a 32-bit
 * big-endian integer at bytes 11..14, then copies 12 random bytes over bytes 0..11. Bytes 12..14 therefore hold the
 * low 24 bits of the sequence number, which starts at 0 for the first id a server process hands out (the counter
 * starts undefined and {@code (undefined + 1) | 0} is 0). That is why Node sids end in {@code AAAA}, {@code AAAB},
 * {@code AAAC}, ... (seen in real captures: {@code vZ176bRWp5f4hMPjAAAA}, then {@code S6ycxmPqpLSEL9MxAAAB}).
 *
 * <p>One instance stands for one server process's counter; create one per simulated server.
 */
public final class SessionIds {
    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private int sequence;

    /** A counter starting where a fresh Node server starts: the first id carries sequence number 0. */
    public SessionIds() {
        this(0);
    }

    /** A counter whose next id carries {@code firstSequence}. */
    public SessionIds(int firstSequence) {
        this.sequence = firstSequence;
    }

    /** The next id of this server: 12 random bytes from {@code random}, then this server's sequence number. */
    public String next(RandomSource random) {
        return engineIoSid(random, sequence++);
    }

    /** The first id a fresh Node server hands out (sequence number 0, so it ends in {@code AAAA}). */
    public static String engineIoSid(RandomSource random) {
        return engineIoSid(random, 0);
    }

    /** An id with 12 bytes from {@code random} and the given sequence number (its low 24 bits show). */
    public static String engineIoSid(RandomSource random, int sequence) {
        byte[] raw = new byte[15];
        raw[11] = (byte) (sequence >>> 24);
        raw[12] = (byte) (sequence >>> 16);
        raw[13] = (byte) (sequence >>> 8);
        raw[14] = (byte) sequence;
        byte[] rnd = random.bytes(12);
        System.arraycopy(rnd, 0, raw, 0, 12);
        byte[] b64 = BASE64.encode(raw);
        for (int i = 0; i < b64.length; i++) {
            if (b64[i] == '/') {
                b64[i] = '_';
            } else if (b64[i] == '+') {
                b64[i] = '-';
            }
        }
        return new String(b64, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
