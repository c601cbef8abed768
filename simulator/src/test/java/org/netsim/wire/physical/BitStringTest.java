package org.netsim.wire.physical;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;

class BitStringTest {
    @Test
    void sfdIsWrittenMsbFirstButSentLsbFirst() {
        assertThat(BitString.bits(0xd5, BitOrder.AS_WRITTEN)).isEqualTo("11010101");
        assertThat(BitString.bits(0xd5, BitOrder.TRANSMISSION)).isEqualTo("10101011");
        assertThat(BitString.bits(0x55, BitOrder.AS_WRITTEN)).isEqualTo("01010101");
        assertThat(BitString.bits(0x55, BitOrder.TRANSMISSION)).isEqualTo("10101010");
    }

    @Test
    void preambleAndSfdOnTheWireAreTheAlternatingPatternEndingInTwoOnes() {
        byte[] wire = PhysicalCodec.encode(new byte[] {0x01, (byte) 0x80});
        BitString sent = BitString.of(wire, 0, wire.length, BitOrder.TRANSMISSION);
        assertThat(sent.toString()).isEqualTo("10101010 10101010 10101010 10101010 10101010 10101010 10101010 "
                + "10101011 10000000 00000001");
        assertThat(sent.in(BitOrder.AS_WRITTEN).toString()).isEqualTo("01010101 01010101 01010101 01010101 "
                + "01010101 01010101 01010101 11010101 00000001 10000000");
        assertThat(sent.bitCount()).isEqualTo(80);
        // the 63rd and 64th bits sent are the SFD's closing 1 1; the 65th is the first bit of the frame
        assertThat(sent.bit(62)).isEqualTo(1);
        assertThat(sent.bit(63)).isEqualTo(1);
        assertThat(sent.bit(64)).isEqualTo(1);
        assertThat(sent.bit(65)).isZero();
        assertThat(sent.group(7)).isEqualTo("10101011");
    }

    @Test
    void theDestinationsGroupBitIsTheFirstBitSent() {
        // 01:00:5e:... is a multicast address: its I/G bit, the least significant bit of the first byte, goes first.
        BitString sent = new BitString(Bytes.ofHex("01005e000001"), BitOrder.TRANSMISSION);
        assertThat(sent.bit(0)).isEqualTo(1);
        assertThat(sent.in(BitOrder.AS_WRITTEN).bit(0)).isZero();
    }

    @Test
    void linesBreakAfterTheGivenNumberOfBytes() {
        BitString s = new BitString(Bytes.ofHex("000102"), BitOrder.AS_WRITTEN);
        assertThat(s.lines(2)).isEqualTo("00000000 00000001\n00000010");
        assertThat(new BitString(Bytes.EMPTY, BitOrder.TRANSMISSION).toString()).isEmpty();
    }

    @Test
    void theLabelsSayWhichOrderIsWhich() {
        assertThat(BitOrder.AS_WRITTEN.label()).isEqualTo("as written (most significant bit first)");
        assertThat(BitOrder.TRANSMISSION.label()).isEqualTo("transmission order (least significant bit first)");
    }
}
