package org.netsim.wire.ipv6;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/** IPv6 (RFC 8200) decoded field by field, extension headers included, and TCP's checksum over its pseudo-header. */
class Ipv6CodecTest {
    /**
     * Frame 31 of captures/node-socketio-4.8.4/ipv6-polling-upgrade.pcap without its 14 Ethernet bytes: the client's
     * masked "2probe" from [::1]:52782 to [::1]:3591. tshark 4.0.17: flow label 0x5eb84, payload length 44, next
     * header 6, hop limit 64; TCP checksum 0x0034 "incorrect, should be 0x0452" (loopback leaves it to offload).
     */
    static final String PROBE = "6005eb84002c064000000000000000000000000000000001000000000000000000000000000000"
            + "01ce2e0e0733b8a003c25fb21d8018004000340000" + "0101080af501510bae8838fb818682f90e40b0897c2fe09c";

    static final PayloadDissector<Ipv6Header> TCP = (h, b, o, l) -> List.of(TcpCodec.dissectOverIpv6(b, o, l,
            h.source(), h.finalDestination(), PayloadDissector.raw()));

    private static String value(Pdu p, String key) {
        return p.field(key).orElseThrow(() -> new AssertionError("no " + key)).display();
    }

    @Test
    void aRealLoopbackPacketDecodesAsTsharkReadsIt() {
        byte[] b = Bytes.ofHex(PROBE).toArray();
        Pdu ip = Ipv6Codec.dissect(b, 0, b.length, TCP);
        assertThat(ip.firstMalformed()).isEmpty();
        assertThat(value(ip, "ipv6.version")).isEqualTo("6");
        assertThat(value(ip, "ipv6.tclass.dscp")).isEqualTo("0");
        assertThat(value(ip, "ipv6.tclass.ecn")).isEqualTo("00");
        assertThat(ip.field("ipv6.flow").orElseThrow().value()).isEqualTo(0x5eb84);
        assertThat(value(ip, "ipv6.plen")).isEqualTo("44");
        assertThat(value(ip, "ipv6.nxt")).isEqualTo("TCP (6)");
        assertThat(value(ip, "ipv6.hlim")).isEqualTo("64");
        assertThat(value(ip, "ipv6.src")).isEqualTo("::1");
        assertThat(value(ip, "ipv6.dst")).isEqualTo("::1");
        assertThat(ip.summary()).isEqualTo("::1 → ::1, TCP");
        Ipv6Header h = ip.header(Ipv6Header.class).orElseThrow();
        assertThat(h.upperLayerProtocol()).isEqualTo(6);
        assertThat(h.headerLength()).isEqualTo(40);
        Pdu tcp = ip.find(Protocol.TCP).orElseThrow();
        Field ck = tcp.field("tcp.checksum").orElseThrow();
        assertThat(ck.display()).isEqualTo("0x0034 [incorrect]");
        assertThat(ck.problem()).isEqualTo("checksum incorrect, should be 0x0452");
        assertThat(Coverage.problems(ip, 0, b.length)).isEmpty();
        // readHeader agrees with the dissection
        assertThat(Ipv6Codec.readHeader(b, 0, b.length)).isEqualTo(h);
    }

    /** Hop-by-Hop (PadN), Routing type 2 (a home address), an atomic Fragment, Destination Options, then TCP. */
    static byte[] withEveryExtension(Ipv6Address home) {
        Ipv6Address src = Ipv6Address.parse("2001:db8::1");
        Ipv6Address dst = Ipv6Address.parse("2001:db8::2");
        byte[] hop = Bytes.ofHex("2b00" + "01040000" + "0000").toArray();
        byte[] routing = Bytes.join(Bytes.ofHex("2c02" + "0201" + "00000000").toArray(), home.toBytes());
        byte[] fragment = Bytes.ofHex("3c00" + "0000" + "12345678").toArray();
        byte[] dest = Bytes.ofHex("0600" + "00" + "0103000000").toArray();
        Ipv6Header h = Ipv6Header.of(src, dst, 0, 64).withFlowLabel(0xabcde).withExtensions(List.of(
                new Ipv6Extension(Ipv6Layout.HOP_BY_HOP, Bytes.wrap(hop)),
                new Ipv6Extension(Ipv6Layout.ROUTING, Bytes.wrap(routing)),
                new Ipv6Extension(Ipv6Layout.FRAGMENT_HEADER, Bytes.wrap(fragment)),
                new Ipv6Extension(Ipv6Layout.DESTINATION_OPTIONS, Bytes.wrap(dest))));
        TcpHeader tcp = TcpHeader.builder().sourcePort(50000).destinationPort(3000).sequence(1).acknowledgement(1)
                .flags(TcpFlags.of((byte) 0x18)).window(512).build();
        // the checksum covers the final destination: the routing header's home address (RFC 8200 §8.1)
        byte[] segment = TcpCodec.encodeOverIpv6(tcp, Bytes.ascii("42[\"chat\",\"hi\"]").toArray(), src, home);
        return Ipv6Codec.encode(h, segment);
    }

    @Test
    void everyExtensionHeaderIsShownFieldByFieldAndTcpIsFoundBehindThem() {
        Ipv6Address home = Ipv6Address.parse("2001:db8::99");
        byte[] b = withEveryExtension(home);
        Pdu ip = Ipv6Codec.dissect(b, 0, b.length, TCP);
        assertThat(ip.firstMalformed()).isEmpty();
        assertThat(Coverage.problems(ip, 0, b.length)).isEmpty();
        assertThat(ip.fields()).extracting(Field::key).containsExactly("ipv6.version", "ipv6.tclass.dscp",
                "ipv6.tclass.ecn", "ipv6.flow", "ipv6.plen", "ipv6.nxt", "ipv6.hlim", "ipv6.src", "ipv6.dst",
                "ipv6.hopopts.nxt", "ipv6.hopopts.len", "ipv6.hopopts.option",
                "ipv6.routing.nxt", "ipv6.routing.len", "ipv6.routing.type", "ipv6.routing.segleft",
                "ipv6.routing.data",
                "ipv6.fraghdr.nxt", "ipv6.fraghdr.reserved_octet", "ipv6.fraghdr.offset",
                "ipv6.fraghdr.reserved_bits", "ipv6.fraghdr.more", "ipv6.fraghdr.ident",
                "ipv6.dstopts.nxt", "ipv6.dstopts.len", "ipv6.dstopts.option", "ipv6.dstopts.option");
        assertThat(value(ip, "ipv6.nxt")).isEqualTo("IPv6 Hop-by-Hop Option (0)");
        assertThat(value(ip, "ipv6.hopopts.option")).isEqualTo("PadN (0x01), 6 bytes");
        assertThat(value(ip, "ipv6.routing.type")).isEqualTo("2 (Type 2 Routing Header)");
        assertThat(value(ip, "ipv6.routing.len")).isEqualTo("2 (24 bytes)");
        assertThat(value(ip, "ipv6.fraghdr.ident")).isEqualTo("0x12345678");
        assertThat(ip.fields()).filteredOn(f -> f.key().equals("ipv6.dstopts.option")).extracting(Field::display)
                .containsExactly("Pad1 (0x00), 1 byte", "PadN (0x01), 5 bytes");
        Ipv6Header h = ip.header(Ipv6Header.class).orElseThrow();
        assertThat(h.extensions()).hasSize(4);
        assertThat(h.isFragment()).isFalse();
        assertThat(h.finalDestination()).isEqualTo(home);
        assertThat(h.headerLength()).isEqualTo(40 + 8 + 24 + 8 + 8);
        Pdu tcp = ip.find(Protocol.TCP).orElseThrow();
        assertThat(tcp.offset()).isEqualTo(h.headerLength());
        assertThat(value(tcp, "tcp.checksum")).endsWith("[correct]");
        // the fragment header's bit fields each own their own bits
        assertThat(ip.field("ipv6.fraghdr.more").orElseThrow().bitLength()).isEqualTo(1);
        assertThat(ip.field("ipv6.fraghdr.offset").orElseThrow().bitLength()).isEqualTo(13);
    }

    @Test
    void aFragmentKeepsItsDataRawAndSaysWhichFragmentItIs() {
        byte[] fragment = Bytes.ofHex("0600" + "0011" + "00000007").toArray(); // offset 2 (16 bytes), M set
        Ipv6Header h = Ipv6Header.of(Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK, 0, 64).withExtensions(List.of(
                new Ipv6Extension(Ipv6Layout.FRAGMENT_HEADER, Bytes.wrap(fragment))));
        byte[] b = Ipv6Codec.encode(h, new byte[24]);
        Pdu ip = Ipv6Codec.dissect(b, 0, b.length, TCP);
        assertThat(ip.find(Protocol.TCP)).isEmpty();
        assertThat(ip.summary()).isEqualTo("::1 → ::1, IPv6 fragment (next header 6, off=16, id=0x00000007, more)");
        assertThat(ip.field("ipv6.data").orElseThrow().byteEnd() - ip.field("ipv6.data").orElseThrow().byteStart())
                .isEqualTo(24);
        assertThat(Coverage.problems(ip, 0, b.length)).isEmpty();
    }

    @Test
    void brokenPacketsAreMalformedWithTheirReasonAndEveryByteOwned() {
        byte[] good = Bytes.ofHex(PROBE).toArray();
        byte[] v4 = good.clone();
        v4[0] = 0x45;
        byte[] shortHeader = java.util.Arrays.copyOf(good, 30);
        byte[] cut = java.util.Arrays.copyOf(good, 60);
        byte[] ext = Ipv6Codec.encode(Ipv6Header.of(Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK, 60, 64),
                Bytes.ofHex("0602000000000000").toArray()); // destination options claiming 24 bytes in 8
        for (Object[] c : new Object[][] {{v4, "version 4 is not IPv6"},
                {shortHeader, "truncated: 30 bytes, the IPv6 header needs 40"},
                {cut, "payload length 44 exceeds the 20 bytes available after the header"},
                {ext, "Destination Options header runs past the end of the payload"}}) {
            byte[] b = (byte[]) c[0];
            Pdu ip = Ipv6Codec.dissect(b, 0, b.length, TCP);
            assertThat(ip.malformed().reason()).isEqualTo(c[1]);
            assertThat(Coverage.problems(ip, 0, b.length)).as((String) c[1]).isEmpty();
        }
    }

    @Test
    void thePseudoHeaderSumIsTheRfcsOne() {
        // RFC 8200 §8.1: source, destination, 32-bit upper-layer length, zeros, next header
        int sum = Ipv6Codec.pseudoHeaderSum(Ipv6Address.LOOPBACK, Ipv6Address.LOOPBACK, 0x1_0002, 6);
        assertThat(sum).isEqualTo(1 + 1 + 1 + 2 + 6);
    }
}
