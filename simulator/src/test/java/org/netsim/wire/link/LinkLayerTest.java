package org.netsim.wire.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv6.Ipv6Codec;

/**
 * The link headers of captured frames, each a PDU whose fields own its bytes, against real frames and tshark's reading
 * of them (Linux cooked capture v1 and v2 from the {@code any} device), and the others as libpcap's link-type pages
 * define them (NULL in either byte order, LOOP, raw IP).
 */
class LinkLayerTest {
    /** Frame 13 of captures/node-socketio-4.8.4/any-websocket-only.pcap: 42["chat","hi"], cooked v1. */
    static final String SLL_V1 = "0000030400060000000000000000080045000049" + "8dcc40004006aee07f0000017f000001"
            + "8e000e0816ae84382e99756980180040fe3d00000101080a32417376b72ccf8a818fd4a73d1de095663fb7cf5c69f68b1f75"
            + "bd8560";
    /** Frame 43 of any-sll2-polling-upgrade.pcap: 42["some-event","hello"], cooked v2 (interface 1). */
    static final String SLL_V2 = "08000000000000010304000600000000000000004500005272" + "7f40004006ca247f0000017f000001"
            + "8bea0e093deb37e62f82788c80180040fe4600000101080ae2d88a36270a084881 98a21ab04c9628eb6ed175dd298f7fc629cc"
            + "6e92608072d520ce759211";

    /** An IPv6 packet: the client's "2probe" on [::1] (Ipv6CodecTest.PROBE, from ipv6-polling-upgrade.pcap). */
    static final String PROBE = "6005eb84002c064000000000000000000000000000000001000000000000000000000000000000"
            + "01ce2e0e0733b8a003c25fb21d8018004000340000" + "0101080af501510bae8838fb818682f90e40b0897c2fe09c";

    /** IPv4 and IPv6 decoded (no TCP), which is all these tests look at. */
    static final PayloadDissector<EtherType> NETWORK = (t, b, o, l) -> t.equals(EtherType.IPV4)
            ? List.of(Ipv4Codec.dissect(b, o, l, PayloadDissector.raw()))
            : t.equals(EtherType.IPV6) ? List.of(Ipv6Codec.dissect(b, o, l, PayloadDissector.raw())) : List.of();

    private static byte[] hex(String s) {
        return Bytes.ofHex(s.replace(" ", "")).toArray();
    }

    private static List<String> fields(Pdu p) {
        return p.fields().stream().map(f -> f.key() + "=" + f.display()).toList();
    }

    private static Pdu dissect(int linkType, byte[] b) {
        Pdu p = LinkLayer.dissect(linkType, b, 0, b.length, false, NETWORK);
        assertThat(Coverage.problems(p, 0, b.length)).isEmpty();
        return p;
    }

    @Test
    void cookedCaptureVersionOneAsTsharkReadsIt() {
        // tshark: Packet type Unicast to us (0), Link-layer address type Loopback (772), address length 6,
        // source 00:00:00:00:00:00, unused 0000, protocol IPv4 (0x0800)
        Pdu p = dissect(LinkType.LINUX_SLL, hex(SLL_V1));
        assertThat(p.protocol()).isEqualTo(Protocol.LINUX_SLL);
        assertThat(fields(p)).containsExactly("sll.pkttype=0 (Unicast to us)", "sll.hatype=772 (Loopback)",
                "sll.halen=6", "sll.src=00:00:00:00:00:00 + 2 bytes of padding", "sll.etype=IPv4 (0x0800)");
        assertThat(p.children()).singleElement().satisfies(ip -> {
            assertThat(ip.protocol()).isEqualTo(Protocol.IPV4);
            assertThat(ip.offset()).isEqualTo(16);
        });
        assertThat(p.summary()).isEqualTo("Unicast to us, Loopback, IPv4");
    }

    @Test
    void cookedCaptureVersionTwoAsTsharkReadsIt() {
        // tshark: Protocol IPv4 (0x0800), Interface index 1, Loopback (772), Unicast to us (0), length 6
        Pdu p = dissect(LinkType.LINUX_SLL2, hex(SLL_V2));
        assertThat(p.protocol()).isEqualTo(Protocol.LINUX_SLL2);
        assertThat(fields(p)).containsExactly("sll2.etype=IPv4 (0x0800)", "sll2.reserved=0x0000",
                "sll2.ifindex=1", "sll2.hatype=772 (Loopback)", "sll2.pkttype=0 (Unicast to us)", "sll2.halen=6",
                "sll2.src=00:00:00:00:00:00 + 2 bytes of padding");
        assertThat(p.children().get(0).offset()).isEqualTo(20);
    }

    @Test
    void bsdLoopbackInEitherByteOrderAndLoop() {
        byte[] packet = java.util.Arrays.copyOfRange(hex(SLL_V1), 16, hex(SLL_V1).length);
        byte[] little = LinkLayer.encode(LinkType.NULL, EtherType.IPV4.value(), packet);
        assertThat(java.util.Arrays.copyOf(little, 4)).containsExactly(2, 0, 0, 0);
        Pdu p = dissect(LinkType.NULL, little);
        assertThat(fields(p)).containsExactly("null.family=2 (IPv4, little-endian)");
        assertThat(p.children().get(0).protocol()).isEqualTo(Protocol.IPV4);
        byte[] big = little.clone();
        big[0] = 0;
        big[3] = 2;
        assertThat(fields(dissect(LinkType.NULL, big))).containsExactly("null.family=2 (IPv4, big-endian)");
        byte[] loop = LinkLayer.encode(LinkType.LOOP, EtherType.IPV6.value(), new byte[0]);
        assertThat(loop).containsExactly(0, 0, 0, 30);
        assertThat(fields(dissect(LinkType.LOOP, loop))).containsExactly("null.family=30 (IPv6 (macOS))");
        // a family that is not IP: its bytes are the layer's data
        byte[] other = {7, 0, 0, 0, 1, 2};
        Pdu o = dissect(LinkType.NULL, other);
        assertThat(o.children()).isEmpty();
        assertThat(o.field("null.data")).isPresent();
        assertThat(LinkLayer.networkStart(LinkType.NULL, other, 0, other.length)).isEqualTo(4);
    }

    @Test
    void rawIpHasNoLinkHeaderTheVersionSaysWhichIp() {
        byte[] v4 = java.util.Arrays.copyOfRange(hex(SLL_V1), 16, hex(SLL_V1).length);
        assertThat(dissect(LinkType.RAW, v4).protocol()).isEqualTo(Protocol.IPV4);
        assertThat(dissect(LinkType.IPV4, v4).protocol()).isEqualTo(Protocol.IPV4);
        byte[] v6 = Bytes.ofHex(PROBE).toArray();
        assertThat(dissect(LinkType.RAW, v6).protocol()).isEqualTo(Protocol.IPV6);
        assertThat(dissect(LinkType.IPV6, v6).protocol()).isEqualTo(Protocol.IPV6);
        assertThat(LinkLayer.networkStart(LinkType.RAW, v6, 0, v6.length)).isEqualTo((long) 0x86dd << 32);
        Pdu v5 = dissect(LinkType.RAW, new byte[] {0x50, 0});
        assertThat(v5.malformed().reason()).isEqualTo("raw IP packet of version 5: neither IPv4 nor IPv6");
        // LINKTYPE_IPV4 is IPv4 whatever the first nibble says: the codec says what is wrong
        assertThat(dissect(LinkType.IPV4, v6).malformed().reason()).isEqualTo("version 6 is not IPv4");
    }

    @Test
    void networkStartFindsTheSamePlaceAsTheDissector() {
        for (int type : new int[] {LinkType.ETHERNET, LinkType.LINUX_SLL, LinkType.LINUX_SLL2, LinkType.NULL,
                LinkType.LOOP, LinkType.RAW, LinkType.IPV4, LinkType.IPV6}) {
            for (int etherType : new int[] {0x0800, 0x86dd}) {
                byte[] packet = etherType == 0x0800
                        ? java.util.Arrays.copyOfRange(hex(SLL_V1), 16, hex(SLL_V1).length)
                        : Bytes.ofHex(PROBE).toArray();
                if (type == LinkType.IPV4 && etherType != 0x0800 || type == LinkType.IPV6 && etherType != 0x86dd) {
                    continue;
                }
                byte[] f = LinkLayer.encode(type, etherType, packet);
                long start = LinkLayer.networkStart(type, f, 0, f.length);
                assertThat(start >>> 32).as("link type %d", type).isEqualTo(etherType);
                Pdu root = dissect(type, f);
                Pdu ip = root.find(etherType == 0x0800 ? Protocol.IPV4 : Protocol.IPV6).orElseThrow();
                assertThat(ip.offset()).as("link type %d", type).isEqualTo((int) start);
                assertThat(ip.firstMalformed()).isEmpty();
            }
        }
    }

    @Test
    void shortFramesAndUnknownLinkTypesAreMalformedWithOneClearReason() {
        Pdu sll = dissect(LinkType.LINUX_SLL, new byte[10]);
        assertThat(sll.malformed().reason()).isEqualTo("frame of 10 bytes is shorter than the 16-byte Linux cooked "
                + "capture v1 header");
        assertThat(fields(sll)).startsWith("sll.pkttype=0", "sll.hatype=0", "sll.halen=0");
        assertThat(dissect(LinkType.NULL, new byte[3]).malformed().reason())
                .isEqualTo("frame of 3 bytes is shorter than the 4-byte loopback header");
        assertThat(LinkLayer.networkStart(LinkType.LINUX_SLL2, new byte[19], 0, 19)).isEqualTo(LinkLayer.TOO_SHORT);
        Pdu wifi = dissect(127, new byte[] {1, 2, 3});
        assertThat(wifi.protocol()).isEqualTo(Protocol.DATA);
        assertThat(wifi.malformed().reason()).isEqualTo("link type 127 (IEEE802_11_RADIOTAP) is not decoded; netsim "
                + "reads Ethernet (1), Linux cooked capture (113, 276: the any device), BSD loopback (0, 108: macOS's "
                + "lo0) and raw IP (101, 228, 229)");
        assertThat(LinkLayer.networkStart(127, new byte[3], 0, 3)).isEqualTo(LinkLayer.NOT_DECODED);
        assertThat(LinkType.fromDlt(12)).isEqualTo(LinkType.RAW);
        assertThat(LinkType.toDlt(LinkType.RAW)).isEqualTo(12);
        assertThat(LinkType.fromDlt(113)).isEqualTo(LinkType.LINUX_SLL);
    }

    @Test
    void encodedCookedHeadersReadBack() {
        byte[] f = LinkLayer.encode(LinkType.LINUX_SLL2, 0x86dd, new byte[] {0x60});
        LinuxSllHeader h = LinuxSllCodec.readHeader(2, f, 0, f.length);
        assertThat(h).isEqualTo(LinuxSllHeader.loopback(2, 0x86dd, 1));
        Field address = dissect(LinkType.LINUX_SLL2, f).field("sll2.src").orElseThrow();
        assertThat(address.bitLength()).isEqualTo(64);
    }
}
