package org.netsim.random;

/**
 * Where every random value comes from (initial sequence numbers, ephemeral ports, masking keys, session ids, IP
 * identification). Codecs receive one; they never create their own, so a scenario's seed fixes every byte.
 */
public interface RandomSource {
    void nextBytes(byte[] into);

    /** Uniform in {@code [0, bound)}. */
    int nextInt(int bound);

    long nextLong();

    default byte[] bytes(int n) {
        byte[] b = new byte[n];
        nextBytes(b);
        return b;
    }

    /** Uniform in {@code [from, to)}. */
    default int nextInt(int from, int to) {
        return from + nextInt(to - from);
    }
}
