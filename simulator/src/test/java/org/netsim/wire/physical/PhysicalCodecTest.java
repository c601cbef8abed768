package org.netsim.wire.physical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;

class PhysicalCodecTest {
    private static final EthernetHeader ETH = new EthernetHeader(MacAddress.parse("02:00:00:00:00:02"),
            MacAddress.parse("02:00:00:00:00:01"), EtherType.IPV4);
    private static final PayloadDissector<PhysicalHeader> ETHERNET_WITH_FCS =
            (h, buf, off, len) -> List.of(EthernetCodec.dissect(buf, off, len, true, PayloadDissector.raw()));

    private static byte[] frame64() {
        return EthernetCodec.encode(ETH, new byte[] {1, 2, 3}, true);
    }

    @Test
    void encodePutsSevenPreambleBytesAndTheSfdInFrontOfTheFrame() {
        byte[] frame = frame64();
        byte[] wire = PhysicalCodec.encode(frame);
        assertThat(wire).hasSize(72);
        assertThat(Bytes.of(wire, 0, 8).hexSpaced()).isEqualTo("55 55 55 55 55 55 55 d5");
        assertThat(Arrays.copyOfRange(wire, 8, 72)).isEqualTo(frame);
    }

    @Test
    void encodeWritesEveryByteOfAPrefilledBuffer() {
        byte[] frame = new byte[3];
        Arrays.fill(frame, (byte) 0xee);
        PhysicalHeader odd = new PhysicalHeader(0x01_0203_0405_0607L, 0x08);
        assertThat(Bytes.wrap(PhysicalCodec.encode(odd, frame, 0, 3)).hexSpaced())
                .isEqualTo("01 02 03 04 05 06 07 08 ee ee ee");
    }

    @Test
    void dissectShowsPreambleSfdAndTheEthernetFrameAsChild() {
        byte[] wire = PhysicalCodec.encode(frame64());
        Pdu pdu = PhysicalCodec.dissect(wire, 0, wire.length, ETHERNET_WITH_FCS);
        assertThat(pdu.protocol()).isEqualTo(Protocol.PHYSICAL);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.header(PhysicalHeader.class)).contains(PhysicalHeader.STANDARD);
        assertThat(pdu.field("phy.preamble").orElseThrow().display())
                .isEqualTo("55 55 55 55 55 55 55 (10101010 ×7 on the wire)");
        assertThat(pdu.field("phy.preamble").orElseThrow().explanation()).contains("clock");
        assertThat(pdu.field("phy.sfd").orElseThrow().display()).isEqualTo("0xd5 (10101011 on the wire)");
        assertThat(pdu.field("phy.sfd").orElseThrow().explanation()).contains("first bit of the frame");
        assertThat(pdu.children()).hasSize(1);
        Pdu eth = pdu.children().get(0);
        assertThat(eth.protocol()).isEqualTo(Protocol.ETHERNET);
        assertThat(eth.offset()).isEqualTo(8);
        assertThat(eth.field("eth.fcs").orElseThrow().problem()).isNull();
        assertThat(pdu.summary())
                .isEqualTo("preamble, SFD and a 64-byte frame: 576 bits, then a 96-bit inter-frame gap");
        assertThat(pdu.length()).isEqualTo(72);
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void dissectWorksAtAnOffsetInsideALargerBuffer() {
        byte[] wire = PhysicalCodec.encode(frame64());
        byte[] buf = new byte[wire.length + 10];
        System.arraycopy(wire, 0, buf, 5, wire.length);
        Pdu pdu = PhysicalCodec.dissect(buf, 5, wire.length, ETHERNET_WITH_FCS);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.children().get(0).offset()).isEqualTo(13);
        assertThat(Coverage.problems(pdu, 5, wire.length)).isEmpty();
    }

    @Test
    void roundTripsBothWays() {
        byte[] frame = frame64();
        byte[] wire = PhysicalCodec.encode(frame);
        PhysicalHeader h = PhysicalCodec.readHeader(wire, 0, wire.length);
        assertThat(h).isEqualTo(PhysicalHeader.STANDARD);
        assertThat(PhysicalCodec.encode(h, wire, 8, wire.length - 8)).isEqualTo(wire);
        PhysicalHeader odd = new PhysicalHeader(0x55_5555_5555_5554L, 0xd4);
        byte[] oddWire = PhysicalCodec.encode(odd, frame, 0, frame.length);
        assertThat(PhysicalCodec.readHeader(oddWire, 0, oddWire.length)).isEqualTo(odd);
    }

    @Test
    void aWrongPreambleByteIsMalformedAndTheFrameStaysUndecoded() {
        byte[] wire = PhysicalCodec.encode(frame64());
        wire[3] = 0x54;
        Pdu pdu = PhysicalCodec.dissect(wire, 0, wire.length, ETHERNET_WITH_FCS);
        assertThat(pdu.malformed().reason()).isEqualTo("preamble byte 3 is 0x54, not 0x55");
        assertThat(pdu.malformed().offset()).isEqualTo(8);
        assertThat(pdu.field("phy.preamble").orElseThrow().problem())
                .isEqualTo("the preamble should be seven 0x55 bytes (10101010 on the wire)");
        assertThat(pdu.children()).isEmpty();
        assertThat(pdu.field("phy.malformed").orElseThrow().byteStart()).isEqualTo(8);
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void aWrongSfdIsMalformed() {
        byte[] wire = PhysicalCodec.encode(frame64());
        wire[7] = 0x55;
        Pdu pdu = PhysicalCodec.dissect(wire, 0, wire.length, ETHERNET_WITH_FCS);
        assertThat(pdu.malformed().reason()).isEqualTo("start frame delimiter is 0x55, not 0xd5");
        assertThat(pdu.malformed().offset()).isEqualTo(8);
        assertThat(pdu.field("phy.sfd").orElseThrow().problem())
                .isEqualTo("the start frame delimiter should be 0xd5 (10101011 on the wire)");
        assertThat(pdu.field("phy.sfd").orElseThrow().display()).isEqualTo("0x55");
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void tooFewBytesForPreambleAndSfdIsMalformed(int length) {
        byte[] wire = Arrays.copyOf(PhysicalCodec.encode(frame64()), length);
        Pdu pdu = PhysicalCodec.dissect(wire, 0, length, ETHERNET_WITH_FCS);
        assertThat(pdu.malformed().reason()).isEqualTo(length
                + " bytes are too few for the 7-byte preamble and the 1-byte start frame delimiter");
        assertThat(pdu.malformed().offset()).isZero();
        assertThat(Coverage.problems(pdu, 0, length)).isEmpty();
    }

    @Test
    void preambleAndSfdAloneHandAnEmptyFrameToTheChild() {
        byte[] wire = PhysicalCodec.encode(new byte[0]);
        Pdu pdu = PhysicalCodec.dissect(wire, 0, wire.length, ETHERNET_WITH_FCS);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.firstMalformed().orElseThrow().protocol()).isEqualTo(Protocol.ETHERNET);
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void bytesTheChildDoesNotClaimAreStillOwned() {
        byte[] wire = PhysicalCodec.encode(frame64());
        PayloadDissector<PhysicalHeader> tenBytes = (h, buf, off, len) -> List.of(Pdu.data(buf, off, 10));
        Pdu pdu = PhysicalCodec.dissect(wire, 0, wire.length, tenBytes);
        assertThat(pdu.field("phy.data").orElseThrow().byteStart()).isEqualTo(18);
        assertThat(Coverage.problems(pdu, 0, wire.length)).isEmpty();
    }

    @Test
    void everyTruncationOfAGoodWireFrameIsFullyCovered() {
        byte[] wire = PhysicalCodec.encode(frame64());
        for (int len = 0; len <= wire.length; len++) {
            Pdu pdu = PhysicalCodec.dissect(wire, 0, len, ETHERNET_WITH_FCS);
            assertThat(Coverage.problems(pdu, 0, len)).as("length %d", len).isEmpty();
        }
    }

    // 10 Mb/s: one bit lasts 100 ns. A minimum frame of 64 bytes (FCS included) is 512 bits = 51.2 µs; the preamble
    // and SFD add 64 bits = 6.4 µs; the gap after it is 96 bits = 9.6 µs.
    @Test
    void minimumFrameAtTenMegabits() {
        assertThat(PhysicalCodec.nanosFor(64 * 8, 10_000_000)).isEqualTo(51_200);
        assertThat(PhysicalCodec.nanosFor(8 * 8, 10_000_000)).isEqualTo(6_400);
        assertThat(PhysicalCodec.wireBits(64)).isEqualTo(576);
        assertThat(PhysicalCodec.serializationTimeNanos(64, 10_000_000)).isEqualTo(57_600);
        assertThat(PhysicalCodec.interFrameGapNanos(10_000_000)).isEqualTo(9_600);
    }

    // 1 Gb/s: one bit lasts 1 ns. A maximum untagged frame of 1518 bytes + 8 bytes of preamble and SFD = 1526 bytes
    // = 12 208 bits = 12.208 µs, then 96 ns of gap.
    @Test
    void maximumFrameAtOneGigabit() {
        assertThat(PhysicalCodec.serializationTimeNanos(1518, 1_000_000_000)).isEqualTo(12_208);
        assertThat(PhysicalCodec.interFrameGapNanos(1_000_000_000)).isEqualTo(96);
        // 100 Mb/s: 10 ns per bit
        assertThat(PhysicalCodec.serializationTimeNanos(1518, 100_000_000)).isEqualTo(122_080);
    }

    @Test
    void timesThatAreNotWholeNanosecondsRoundUp() {
        // 10 Gb/s: 0.1 ns per bit; 96 bits = 9.6 ns → 10 ns
        assertThat(PhysicalCodec.interFrameGapNanos(10_000_000_000L)).isEqualTo(10);
        // 1526 bytes at 10 Gb/s = 1220.8 ns → 1221 ns (takes the 128-bit path: rest * 1e9 overflows a long)
        assertThat(PhysicalCodec.serializationTimeNanos(1518, 10_000_000_000L)).isEqualTo(1221);
        // 3 bits at 3 b/s: exactly one second
        assertThat(PhysicalCodec.nanosFor(3, 3)).isEqualTo(1_000_000_000L);
        assertThat(PhysicalCodec.nanosFor(1, 3)).isEqualTo(333_333_334L);
    }

    @Test
    void nonsenseRatesAndLengthsAreRejected() {
        assertThatThrownBy(() -> PhysicalCodec.serializationTimeNanos(64, 0))
                .hasMessage("the bit rate must be positive: 0");
        assertThatThrownBy(() -> PhysicalCodec.wireBits(-1)).hasMessage("negative frame length -1");
    }
}
