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
}
