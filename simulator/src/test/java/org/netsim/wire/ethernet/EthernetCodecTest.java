package org.netsim.wire.ethernet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

class EthernetCodecTest {
    private static final EthernetHeader H = new EthernetHeader(MacAddress.parse("02:00:00:00:00:02"),
            MacAddress.parse("02:00:00:00:00:01"), EtherType.IPV4);

    @Test
    void shortPayloadIsPaddedToSixtyBytesAndFcsIsTheCrc32OfTheRest() {
        byte[] frame = EthernetCodec.encode(H, new byte[] {1, 2, 3}, true);
        assertThat(frame).hasSize(64);
        assertThat(Bytes.of(frame, 0, 17).hexSpaced())
                .isEqualTo("02 00 00 00 00 02 02 00 00 00 00 01 08 00 01 02 03");
        assertThat(Arrays.copyOfRange(frame, 17, 60)).containsOnly(0);
        // The FCS is sent least significant byte first, so the CRC over frame+FCS is the CRC-32 residue 0x2144df1c.
        assertThat(EthernetCodec.fcs(frame, 0, 64)).isEqualTo(0x2144df1cL);
    }

    @Test
    void decodeFindsPaddingAndChecksTheFcs() {
        byte[] frame = EthernetCodec.encode(H, new byte[] {1, 2, 3}, true);
        Pdu pdu = EthernetCodec.dissect(frame, 0, frame.length, true, PayloadDissector.raw());
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.header(EthernetHeader.class)).contains(H);
        // the raw dissector claims all 46 bytes, so there is no padding; FCS correct
        assertThat(pdu.field("eth.fcs").orElseThrow().problem()).isNull();
        assertThat(Coverage.problems(pdu, 0, frame.length)).isEmpty();

        frame[20] ^= 1;
        Pdu bad = EthernetCodec.dissect(frame, 0, frame.length, true, PayloadDissector.raw());
        assertThat(bad.field("eth.fcs").orElseThrow().problem()).startsWith("FCS incorrect, should be 0x");
    }

    @Test
    void bytesNotClaimedByThePayloadBecomePadding() {
        byte[] frame = EthernetCodec.encode(H, new byte[] {1, 2, 3}, false);
        PayloadDissector<EthernetHeader> threeBytes = (h, buf, off, len) -> java.util.List.of(Pdu.data(buf, off, 3));
        Pdu pdu = EthernetCodec.dissect(frame, 0, frame.length, false, threeBytes);
        assertThat(pdu.field("eth.padding").orElseThrow().byteStart()).isEqualTo(17);
        assertThat(pdu.field("eth.padding").orElseThrow().byteEnd()).isEqualTo(60);
        assertThat(Coverage.problems(pdu, 0, frame.length)).isEmpty();
    }

    @Test
    void truncatedFrameIsMalformedWithTheReason() {
        Pdu pdu = EthernetCodec.dissect(new byte[10], 0, 10, false, PayloadDissector.raw());
        assertThat(pdu.malformed().reason()).isEqualTo("frame of 10 bytes is shorter than the 14-byte Ethernet header");
        assertThat(pdu.malformed().offset()).isZero();
        assertThat(Coverage.problems(pdu, 0, 10)).isEmpty();
        assertThat(pdu.protocol()).isEqualTo(Protocol.ETHERNET);
    }

    @Test
    void unknownEtherTypeSurvives() {
        EthernetHeader odd = new EthernetHeader(MacAddress.BROADCAST, MacAddress.ZERO, new EtherType(0x88b5));
        byte[] frame = EthernetCodec.encode(odd, new byte[50], false);
        Pdu pdu = EthernetCodec.dissect(frame, 0, frame.length, false, PayloadDissector.raw());
        assertThat(pdu.header(EthernetHeader.class).orElseThrow().etherType().value()).isEqualTo(0x88b5);
        assertThat(pdu.field("eth.type").orElseThrow().display()).isEqualTo("Unknown (0x88b5)");
        assertThat(pdu.field("eth.dst").orElseThrow().display()).isEqualTo("ff:ff:ff:ff:ff:ff (broadcast)");
    }
}
