package org.netsim.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitsTest {
    @Test
    void readsAndWritesBitFieldsAcrossByteBoundaries() {
        byte[] b = new byte[3];
        Bits.put(b, 4, 12, 0xabc);
        assertThat(Bytes.of(b).hex()).isEqualTo("0abc00");
        assertThat(Bits.get(b, 4, 12)).isEqualTo(0xabc);
        Bits.put(b, 0, 1, 1);
        assertThat(b[0] & 0xff).isEqualTo(0x8a);
        assertThat(Bits.get(b, 0, 4)).isEqualTo(0x8);
        Bits.put(b, 16, 8, 0x7f);
        assertThat(Bits.get(b, 16, 8)).isEqualTo(0x7f);
    }

    @Test
    void writingLeavesNeighbouringBitsAlone() {
        byte[] b = {(byte) 0xff, (byte) 0xff};
        Bits.put(b, 3, 6, 0);
        assertThat(Bytes.of(b).hex()).isEqualTo("e07f");
    }

    /** Every offset and length a header could use, against the definition: bit by bit, most significant first. */
    @Test
    void agreesWithBitByBitReadingAndWritingForEveryOffsetAndLength() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42);
        for (int offset = 0; offset < 24; offset++) {
            for (int length = 0; length <= 64; length++) {
                byte[] b = new byte[12];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) random.nextInt(256);
                }
                assertThat(Bits.get(b, offset, length)).as("get %d+%d", offset, length)
                        .isEqualTo(bitByBit(b, offset, length));
                long value = random.nextLong();
                byte[] expected = b.clone();
                for (int k = 0; k < length; k++) {
                    int bit = (int) (value >>> (length - 1 - k)) & 1;
                    int at = offset + k;
                    expected[at >>> 3] = (byte) (bit == 1 ? expected[at >>> 3] | 0x80 >>> (at & 7)
                            : expected[at >>> 3] & ~(0x80 >>> (at & 7)));
                }
                Bits.put(b, offset, length, value);
                assertThat(Bytes.of(b).hex()).as("put %d+%d", offset, length).isEqualTo(Bytes.of(expected).hex());
            }
        }
    }

    private static long bitByBit(byte[] b, int offset, int length) {
        long v = 0;
        for (int k = 0; k < length; k++) {
            int at = offset + k;
            v = v << 1 | (b[at >>> 3] >>> (7 - (at & 7)) & 1);
        }
        return v;
    }
}
