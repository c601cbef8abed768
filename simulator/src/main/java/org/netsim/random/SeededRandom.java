package org.netsim.random;

import java.util.SplittableRandom;

/** A deterministic {@link RandomSource}: the same seed gives the same sequence on every machine and Java version. */
public final class SeededRandom implements RandomSource {
    private final SplittableRandom random;
    private final long seed;

    public SeededRandom(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() {
        return seed;
    }

    @Override
    public void nextBytes(byte[] into) {
        int i = 0;
        while (i < into.length) {
            long r = random.nextLong();
            for (int n = 0; n < 8 && i < into.length; n++, r >>>= 8) {
                into[i++] = (byte) r;
            }
        }
    }

    @Override
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }
}
