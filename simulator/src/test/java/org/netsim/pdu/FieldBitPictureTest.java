package org.netsim.pdu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.ipv4.IpProtocol;

class FieldBitPictureTest {
    /** IPv4 flags and fragment offset share two bytes: each is drawn over both, its own bits written, as tshark does. */
    @Test
    void bitFieldsAreDrawnOverTheBytesThatHoldThem() {
        Ipv4Header h = Ipv4Header.builder().dontFragment(true).moreFragments(true).fragmentOffset(0x0123)
                .protocol(IpProtocol.TCP).source(Ipv4Address.parse("10.0.0.1"))
                .destination(Ipv4Address.parse("10.0.0.2")).build();
        byte[] packet = Ipv4Codec.encode(h, new byte[8]);
        Pdu pdu = Ipv4Codec.dissect(packet, 0, packet.length, PayloadDissector.raw());
        Field df = pdu.field("ip.flags.df").orElseThrow();
        Field offset = pdu.field("ip.frag_offset").orElseThrow();
        Field ttl = pdu.field("ip.ttl").orElseThrow();
        assertThat(df.isBitField()).isTrue();
        assertThat(df.bitPicture(packet)).isEqualTo(".1.. ....");
        assertThat(offset.bitPicture(packet)).isEqualTo("...0 0001 0010 0011");
        assertThat(ttl.isBitField()).isFalse();
    }
}
