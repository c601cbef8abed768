package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.arp.ArpCodec;
import org.netsim.wire.arp.ArpPacket;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/** ARP frames through the whole-stack dissector: Ethernet hands EtherType 0x0806 to the ARP codec. */
class StackDissectorArpTest {
    private static final MacAddress MAC1 = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress MAC2 = MacAddress.parse("02:00:00:00:00:02");
    private static final Ipv4Address IP1 = Ipv4Address.parse("192.168.1.1");
    private static final Ipv4Address IP2 = Ipv4Address.parse("192.168.1.2");

    /*
     * The whole request frame as a pcap file holds it: broadcast destination, source 02:00:00:00:00:02, type 0806,
     * the 28 ARP bytes, then 18 zero bytes of padding up to Ethernet's 60-byte minimum. tshark 4.0 reads these 60
     * bytes as "Who has 192.168.1.1? Tell 192.168.1.2" with an 18-byte eth.padding.
     */
    private static final String REQUEST_FRAME = "ffffffffffff 020000000002 0806"
            + "0001 0800 06 04 0001 020000000002 c0a80102 000000000000 c0a80101" + "00".repeat(18);

    private static byte[] frame(MacAddress dst, MacAddress src, ArpPacket p) {
        return EthernetCodec.encode(new EthernetHeader(dst, src, EtherType.ARP), ArpCodec.encode(p), false);
    }

    @Test
    void requestFrameIsTheHandCheckedBytes() {
        byte[] f = frame(MacAddress.BROADCAST, MAC2, ArpPacket.request(MAC2, IP2, IP1));
        assertThat(Bytes.wrap(f)).isEqualTo(Bytes.ofHex(REQUEST_FRAME));
    }

    @Test
    void everyBitOfAnArpFrameIsOwnedOncePaddingIncluded() {
        byte[] f = Bytes.ofHex(REQUEST_FRAME).toArray();
        Pdu eth = new StackDissector().dissect(f);
        assertThat(Coverage.problems(eth, 0, f.length)).isEmpty();
        assertThat(eth.firstMalformed()).isEmpty();
        assertThat(eth.summary()).isEqualTo("02:00:00:00:00:02 → ff:ff:ff:ff:ff:ff, ARP");

        assertThat(eth.children()).hasSize(1);
        Pdu arp = eth.children().get(0);
        assertThat(arp.protocol()).isEqualTo(Protocol.ARP);
        assertThat(arp.offset()).isEqualTo(14);
        assertThat(arp.end()).isEqualTo(42);
        assertThat(arp.summary()).isEqualTo("Who has 192.168.1.1? Tell 192.168.1.2");
        assertThat(arp.header(ArpPacket.class)).contains(ArpPacket.request(MAC2, IP2, IP1));
        // field offsets are absolute in the frame: the opcode is bytes 20-21
        Field op = arp.field("arp.opcode").orElseThrow();
        assertThat(op.byteStart()).isEqualTo(20);
        assertThat(op.byteEnd()).isEqualTo(22);

        Field padding = eth.field("eth.padding").orElseThrow();
        assertThat(padding.byteStart()).isEqualTo(42);
        assertThat(padding.byteEnd()).isEqualTo(60);
        assertThat(Coverage.ownerOf(eth, 41).key()).isEqualTo("arp.dst.proto_ipv4");
        assertThat(Coverage.ownerOf(eth, 42).key()).isEqualTo("eth.padding");
    }

    @Test
    void replyFrameOnTheWireWithPreambleAndFcs() {
        byte[] f = frame(MAC2, MAC1, ArpPacket.reply(MAC1, IP1, MAC2, IP2));
        byte[] wire = StackDissector.onWire(f);
        Pdu phy = new StackDissector().dissectOnWire(wire);
        assertThat(Coverage.problems(phy, 0, wire.length)).isEmpty();
        assertThat(phy.firstMalformed()).isEmpty();
        Pdu arp = phy.find(Protocol.ARP).orElseThrow();
        assertThat(arp.summary()).isEqualTo("192.168.1.1 is at 02:00:00:00:00:01");
        Pdu eth = phy.find(Protocol.ETHERNET).orElseThrow();
        assertThat(eth.field("eth.fcs").orElseThrow().problem()).isNull();
        assertThat(eth.field("eth.padding").orElseThrow().bitLength()).isEqualTo(18 * 8);
    }

    @Test
    void truncatedFrameGivesAMalformedArpPdu() {
        // cut after 34 bytes, as a capture with a small snap length would: tshark shows the first five fields
        byte[] f = Arrays.copyOf(Bytes.ofHex(REQUEST_FRAME).toArray(), 34);
        Pdu eth = new StackDissector().dissect(f);
        assertThat(Coverage.problems(eth, 0, f.length)).isEmpty();
        Pdu arp = eth.firstMalformed().orElseThrow();
        assertThat(arp.protocol()).isEqualTo(Protocol.ARP);
        assertThat(arp.malformed().reason()).isEqualTo("truncated: 20 bytes, an Ethernet/IPv4 ARP packet has 28");
        assertThat(arp.malformed().offset()).isEqualTo(14 + 18);
        assertThat(eth.field("eth.padding")).isEmpty();
    }

    @Test
    void wrongHardwareTypeInAFrameIsMalformedAndStillCovered() {
        byte[] f = Bytes.ofHex(REQUEST_FRAME).toArray();
        f[15] = 6;
        Pdu eth = new StackDissector().dissect(f);
        assertThat(Coverage.problems(eth, 0, f.length)).isEmpty();
        Pdu arp = eth.firstMalformed().orElseThrow();
        assertThat(arp.malformed().reason()).isEqualTo("hardware type 6 is not Ethernet (1)");
        assertThat(arp.malformed().offset()).isEqualTo(14);
        assertThat(eth.field("eth.padding").orElseThrow().byteStart()).isEqualTo(42);
    }
}
