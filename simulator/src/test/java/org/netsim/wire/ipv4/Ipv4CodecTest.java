package org.netsim.wire.ipv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;

class Ipv4CodecTest {
    private static final Ipv4Address A = Ipv4Address.parse("10.0.0.2");
    private static final Ipv4Address B = Ipv4Address.parse("10.0.0.1");

    /*
     * The IPv4 header of frame 1 of node-socketio-4.8.4-sessions.pcap (Linux loopback, a TCP SYN):
     * 45 00 00 3c c4 2d 40 00 40 06 78 8c 7f 00 00 01 7f 00 00 01
     * followed by the 40-byte TCP header:
     * ad 10 0c 23 d3 dc 31 c2 00 00 00 00 a0 02 ff d7 fe 30 00 00
     * 02 04 ff d7 04 02 08 0a 42 de eb b1 00 00 00 00 01 03 03 0a
     */
    static final byte[] REAL_SYN = Bytes.ofHex("4500003cc42d40004006788c7f0000017f000001"
            + "ad100c23d3dc31c200000000a002ffd7fe300000" + "0204ffd70402080a42deebb1000000000103030a").toArray();

    static Pdu dissect(byte[] b) {
        Pdu pdu = Ipv4Codec.dissect(b, 0, b.length, PayloadDissector.raw());
        assertThat(Coverage.problems(pdu, 0, b.length)).isEmpty();
        return pdu;
    }

    @Test
    void addressParsesAndPrints() {
        assertThat(A.value()).isEqualTo(0x0a000002);
        assertThat(A).hasToString("10.0.0.2");
        Ipv4Address high = Ipv4Address.parse("255.254.0.1");
        assertThat(high.unsigned()).isEqualTo(0xfffe0001L);
        assertThat(high.value()).isNegative();
        assertThat(high).hasToString("255.254.0.1");
        for (String bad : List.of("1.2.3", "1.2.3.4.5", "256.0.0.1", "1..2.3", "a.b.c.d", "1.2.3.4.", "", "1.2.3.-4",
                "1234.1.1.1")) {
            assertThatThrownBy(() -> Ipv4Address.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void protocolLabels() {
        assertThat(IpProtocol.TCP.label()).isEqualTo("TCP");
        assertThat(IpProtocol.UDP.value()).isEqualTo(17);
        assertThat(IpProtocol.ICMP).hasToString("ICMP (1)");
        assertThat(new IpProtocol(253).label()).isEqualTo("Unknown");
    }

    @Test
    void rfc1071ChecksumExample() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to 2ddf0, folded ddf2; the checksum is its complement.
        byte[] words = {0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7};
        assertThat(Ipv4Codec.onesComplementSum(words, 0, 8, 0)).isEqualTo(0xddf2);
        assertThat(Ipv4Codec.checksum(words, 0, 8)).isEqualTo(0x220d);
        // Odd length: the last byte is padded with zero on the right; offsets inside a larger buffer work.
        byte[] odd = {0x55, 0x00, 0x01, (byte) 0xf2, 0x03, (byte) 0xf4, (byte) 0xf5, (byte) 0xf6, (byte) 0xf7, 0x12};
        assertThat(Ipv4Codec.onesComplementSum(odd, 1, 9, 0)).isEqualTo(fold(0x2ddf0 + 0x1200));
        assertThat(Ipv4Codec.onesComplementSum(odd, 1, 6, 0)).isEqualTo(fold(0x0001 + 0xf203 + 0xf4f5));
        assertThat(Ipv4Codec.onesComplementSum(odd, 1, 0, 0x1234)).isEqualTo(0x1234);
    }

    private static int fold(int s) {
        while ((s >>> 16) != 0) {
            s = (s & 0xffff) + (s >>> 16);
        }
        return s;
    }

    @Test
    void encodesTheWellKnownHeaderWithChecksumB861() {
        // 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7: a 115-byte UDP datagram, a classic checksum example.
        Ipv4Header h = Ipv4Header.builder().dontFragment(true).protocol(IpProtocol.UDP)
                .source(Ipv4Address.parse("192.168.0.1")).destination(Ipv4Address.parse("192.168.0.199")).build();
        byte[] d = Ipv4Codec.encode(h, new byte[95]);
        assertThat(Bytes.of(d, 0, 20).hex()).isEqualTo("450000730000400040 11b861c0a80001c0a800c7".replace(" ", ""));
        assertThat(Ipv4Codec.checksum(d, 0, 20)).isZero();
    }

    @Test
    void realLinuxSynHeaderDecodesFieldByFieldAndReencodesByteExact() {
        Pdu pdu = dissect(REAL_SYN);
        Ipv4Header h = pdu.header(Ipv4Header.class).orElseThrow();
        assertThat(h.version()).isEqualTo(4);
        assertThat(h.ihl()).isEqualTo(5);
        assertThat(h.headerLength()).isEqualTo(20);
        assertThat(h.dscp()).isZero();
        assertThat(h.ecn()).isZero();
        assertThat(h.totalLength()).isEqualTo(60);
        assertThat(h.identification()).isEqualTo(0xc42d);
        assertThat(h.reservedFlag()).isFalse();
        assertThat(h.dontFragment()).isTrue();
        assertThat(h.moreFragments()).isFalse();
        assertThat(h.fragmentOffset()).isZero();
        assertThat(h.ttl()).isEqualTo(64);
        assertThat(h.protocol()).isEqualTo(IpProtocol.TCP);
        assertThat(h.checksum()).isEqualTo(0x788c);
        assertThat(h.source()).isEqualTo(Ipv4Address.LOOPBACK);
        assertThat(h.destination()).isEqualTo(Ipv4Address.LOOPBACK);
        assertThat(h.options()).isEqualTo(Bytes.EMPTY);

        assertThat(pdu.summary()).isEqualTo("127.0.0.1 → 127.0.0.1, TCP");
        assertThat(pdu.field("ip.checksum").orElseThrow().display()).isEqualTo("0x788c [correct]");
        assertThat(pdu.field("ip.checksum").orElseThrow().problem()).isNull();
        assertThat(pdu.field("ip.flags.df").orElseThrow().display()).isEqualTo("Set");
        assertThat(pdu.field("ip.flags.df").orElseThrow().bitOffset()).isEqualTo(49);
        assertThat(pdu.field("ip.frag_offset").orElseThrow().bitLength()).isEqualTo(13);
        assertThat(pdu.field("ip.dsfield.ecn").orElseThrow().display()).isEqualTo("00");
        assertThat(pdu.field("ip.proto").orElseThrow().display()).isEqualTo("TCP (6)");
        assertThat(pdu.field("ip.src").orElseThrow().display()).isEqualTo("127.0.0.1");
        assertThat(pdu.field("ip.hdr_len").orElseThrow().display()).isEqualTo("5 (20 bytes)");
        assertThat(pdu.field("ip.len").orElseThrow().value()).isEqualTo(60);
        assertThat(pdu.children()).hasSize(1);
        assertThat(pdu.children().get(0).offset()).isEqualTo(20);
        assertThat(pdu.length()).isEqualTo(60);

        byte[] payload = Arrays.copyOfRange(REAL_SYN, 20, 60);
        assertThat(Ipv4Codec.encode(h, payload, false, false)).isEqualTo(REAL_SYN);
        assertThat(Ipv4Codec.encode(h, payload)).isEqualTo(REAL_SYN);
        assertThat(Ipv4Codec.readHeader(REAL_SYN, 0, 60)).isEqualTo(h);
    }

    @Test
    void everyFieldKeyIsThere() {
        Pdu pdu = dissect(REAL_SYN);
        assertThat(pdu.fields()).extracting(f -> f.key()).startsWith("ip.version", "ip.hdr_len", "ip.dsfield.dscp",
                "ip.dsfield.ecn", "ip.len", "ip.id", "ip.flags.rb", "ip.flags.df", "ip.flags.mf", "ip.frag_offset",
                "ip.ttl", "ip.proto", "ip.checksum", "ip.src", "ip.dst");
        for (var f : pdu.fields()) {
            assertThat(f.explanation()).as(f.key()).isNotBlank();
        }
    }

    @Test
    void roundTripsBothWaysWithOptionsAndOddFields() {
        // Router Alert (RFC 2113): 94 04 00 00, one word.
        Ipv4Header h = Ipv4Header.builder().dscp(46).ecn(2).identification(0xbeef).reservedFlag(true)
                .moreFragments(false).ttl(1).protocol(new IpProtocol(253)).source(A).destination(B)
                .options(Bytes.ofHex("94040000")).build();
        assertThat(h.ihl()).isEqualTo(6);
        byte[] d = Ipv4Codec.encode(h, new byte[] {1, 2, 3});
        Pdu pdu = dissect(d);
        Ipv4Header back = pdu.header(Ipv4Header.class).orElseThrow();
        assertThat(back).isEqualTo(h.toBuilder().totalLength(27).checksum(back.checksum()).build());
        assertThat(pdu.field("ip.checksum").orElseThrow().problem()).isNull();
        assertThat(pdu.field("ip.options").orElseThrow().display()).isEqualTo("Router Alert");
        assertThat(pdu.field("ip.options").orElseThrow().byteStart()).isEqualTo(20);
        assertThat(pdu.field("ip.options").orElseThrow().byteEnd()).isEqualTo(24);
        assertThat(pdu.summary()).isEqualTo("10.0.0.2 → 10.0.0.1, protocol 253");
        assertThat(Ipv4Codec.encode(back, new byte[] {1, 2, 3}, false, false)).isEqualTo(d);

        // Unpadded options are padded with zeros; the IHL follows.
        Ipv4Header nop = Ipv4Header.builder().options(Bytes.of((byte) 1)).build();
        assertThat(nop.ihl()).isEqualTo(6);
        byte[] e = Ipv4Codec.encode(nop, new byte[0]);
        assertThat(Bytes.of(e, 20, 24).hex()).isEqualTo("01000000");
        assertThat(dissect(e).field("ip.options").orElseThrow().display())
                .isEqualTo("No-Operation, End of Option List, padding");
    }

    @Test
    void encodeIntoExactBytesDefaults() {
        Ipv4Header h = Ipv4Header.builder().identification(0x1234).source(A).destination(B).build();
        assertThat(h.version()).isEqualTo(4);
        assertThat(h.ttl()).isEqualTo(64);
        assertThat(h.dontFragment()).isFalse();
        byte[] d = Ipv4Codec.encode(h, new byte[] {(byte) 0xaa});
        int sum = Ipv4Codec.checksum(d, 0, 20);
        assertThat(sum).isZero();
        assertThat(Bytes.of(d, 0, 10).hex()).isEqualTo("45000015123400004006");
        assertThat(Bytes.of(d, 12, 21).hex()).isEqualTo("0a0000020a000001aa");
        assertThat(Ipv4Codec.expectedChecksum(d, 0, 20)).isEqualTo(Bits16.u16(d, 10));
    }

    /** Tiny helper so tests do not depend on Bits' signature. */
    private static final class Bits16 {
        static int u16(byte[] b, int at) {
            return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
        }
    }

    @Test
    void lengthsAndChecksumAreTakenAsGivenWhenAsked() {
        Ipv4Header h = Ipv4Header.builder().ihl(4).totalLength(1000).checksum(0xdead).source(A).destination(B).build();
        byte[] d = Ipv4Codec.encode(h, new byte[4], false, false);
        assertThat(d).hasSize(24);
        assertThat(d[0]).isEqualTo((byte) 0x44);
        assertThat(Bits16.u16(d, 2)).isEqualTo(1000);
        assertThat(Bits16.u16(d, 10)).isEqualTo(0xdead);
        Pdu pdu = dissect(d);
        assertThat(pdu.malformed().reason()).isEqualTo("IHL 4 is below the minimum of 5");
        assertThat(pdu.malformed().offset()).isEqualTo(20);
    }

    @Test
    void badChecksumIsReportedNotFixed() {
        byte[] d = REAL_SYN.clone();
        d[10] = 0x12;
        d[11] = 0x34;
        Pdu pdu = dissect(d);
        assertThat(pdu.isMalformed()).isFalse();
        var f = pdu.field("ip.checksum").orElseThrow();
        assertThat(f.value()).isEqualTo(0x1234);
        assertThat(f.display()).isEqualTo("0x1234 [incorrect]");
        assertThat(f.problem()).isEqualTo("header checksum incorrect, should be 0x788c");
        assertThat(pdu.header(Ipv4Header.class).orElseThrow().checksum()).isEqualTo(0x1234);
    }

    @Test
    void payloadDissectorSeesOnlyBytesUpToTotalLength() {
        // A 46-byte Ethernet payload: a 24-byte datagram and 22 bytes of Ethernet padding.
        byte[] d = Ipv4Codec.encode(Ipv4Header.builder().source(A).destination(B).build(), new byte[] {9, 8, 7, 6});
        byte[] padded = Arrays.copyOf(d, 46);
        int[] seen = new int[2];
        Pdu pdu = Ipv4Codec.dissect(padded, 0, 46, (h, buf, off, len) -> {
            seen[0] = off;
            seen[1] = len;
            return List.of(Pdu.data(buf, off, len));
        });
        assertThat(seen).containsExactly(20, 4);
        assertThat(pdu.length()).isEqualTo(24);
        assertThat(Coverage.problems(pdu, 0, 24)).isEmpty();

        // Bytes the payload dissector leaves are kept as IP data.
        Pdu partial = Ipv4Codec.dissect(padded, 0, 46, (h, buf, off, len) -> List.of(Pdu.data(buf, off, 1)));
        assertThat(partial.field("ip.data").orElseThrow().byteStart()).isEqualTo(21);
        assertThat(Coverage.problems(partial, 0, 24)).isEmpty();
        Pdu none = Ipv4Codec.dissect(padded, 0, 46, (h, buf, off, len) -> List.of());
        assertThat(none.field("ip.data").orElseThrow().byteEnd()).isEqualTo(24);
        assertThat(Coverage.problems(none, 0, 24)).isEmpty();
    }

    @Test
    void dissectsAtAnOffsetInsideAFrame() {
        byte[] frame = new byte[14 + REAL_SYN.length];
        System.arraycopy(REAL_SYN, 0, frame, 14, REAL_SYN.length);
        Pdu pdu = Ipv4Codec.dissect(frame, 14, REAL_SYN.length, PayloadDissector.raw());
        assertThat(pdu.offset()).isEqualTo(14);
        assertThat(pdu.field("ip.src").orElseThrow().byteStart()).isEqualTo(26);
        assertThat(pdu.field("ip.checksum").orElseThrow().problem()).isNull();
        assertThat(Coverage.problems(pdu, 14, REAL_SYN.length)).isEmpty();
    }

    @Test
    void malformedWithExactReasons() {
        byte[] d = REAL_SYN.clone();
        d[0] = 0x44;
        assertMalformed(d, "IHL 4 is below the minimum of 5", 20);

        byte[] big = Arrays.copyOf(REAL_SYN, 60);
        big[2] = 0x03;
        big[3] = (byte) 0xe8;
        assertMalformed(big, "total length 1000 exceeds the 60 bytes available", 20);

        byte[] small = REAL_SYN.clone();
        small[2] = 0;
        small[3] = 16;
        assertMalformed(small, "total length 16 is below the header length of 20", 20);

        byte[] v6 = REAL_SYN.clone();
        v6[0] = 0x60;
        Pdu p6 = assertMalformed(v6, "version 6 is not IPv4", 1);
        assertThat(p6.field("ip.version").orElseThrow().value()).isEqualTo(6);

        assertMalformed(Arrays.copyOf(REAL_SYN, 12), "truncated: 12 bytes, the IPv4 header needs 20", 12);
        assertMalformed(Arrays.copyOf(REAL_SYN, 11), "truncated: 11 bytes, the IPv4 header needs 20", 10);
        assertMalformed(new byte[0], "truncated: 0 bytes, the IPv4 header needs 20", 0);
        // the flags end inside byte 6 (bit 51), the fragment offset runs past byte 7: byte 6 on is malformed
        assertMalformed(Arrays.copyOf(REAL_SYN, 7), "truncated: 7 bytes, the IPv4 header needs 20", 6);
        assertThat(dissect(Arrays.copyOf(REAL_SYN, 12)).field("ip.proto").orElseThrow().value()).isEqualTo(6);

        byte[] longHeader = Arrays.copyOf(REAL_SYN, 30);
        longHeader[0] = 0x4f;
        assertMalformed(longHeader, "header length 60 (IHL 15) exceeds the 30 bytes available", 20);

        for (int n = 0; n <= REAL_SYN.length; n++) {
            for (int first : new int[] {0x45, 0x46, 0x40, 0x4f, 0x65, 0x00}) {
                byte[] cut = Arrays.copyOf(REAL_SYN, n);
                if (n > 0) {
                    cut[0] = (byte) first;
                }
                dissect(cut);
                Ipv4Codec.readHeader(cut, 0, n);
            }
        }
    }

    private static Pdu assertMalformed(byte[] d, String reason, int at) {
        Pdu pdu = dissect(d);
        assertThat(pdu.malformed()).as(reason).isNotNull();
        assertThat(pdu.malformed().reason()).isEqualTo(reason);
        assertThat(pdu.malformed().offset()).isEqualTo(at);
        assertThat(pdu.protocol()).isEqualTo(Protocol.IPV4);
        return pdu;
    }

    @Test
    void readHeaderIsNullWhenTooShortOrBad() {
        assertThat(Ipv4Codec.readHeader(REAL_SYN, 0, 19)).isNull();
        byte[] d = REAL_SYN.clone();
        d[0] = 0x44;
        assertThat(Ipv4Codec.readHeader(d, 0, 60)).isNull();
        d[0] = 0x4f;
        assertThat(Ipv4Codec.readHeader(d, 0, 59)).isNull();
    }

    @Test
    void fragmentIsNotHandedToThePayloadDissector() {
        byte[] payload = new byte[3000];
        Ipv4Header h = Ipv4Header.builder().identification(7).source(A).destination(B).build();
        List<byte[]> parts = Ipv4Fragmenter.fragment(h, payload, 1500).packets();
        PayloadDissector<Ipv4Header> fail = (hh, buf, off, len) -> {
            throw new AssertionError("a fragment reached the payload dissector");
        };
        Pdu first = Ipv4Codec.dissect(parts.get(0), 0, parts.get(0).length, fail);
        assertThat(first.summary()).isEqualTo("10.0.0.2 → 10.0.0.1, Fragmented IP protocol (proto=TCP 6, off=0)");
        assertThat(first.field("ip.data").orElseThrow().byteStart()).isEqualTo(20);
        assertThat(first.field("ip.flags.mf").orElseThrow().display()).isEqualTo("Set");
        assertThat(Coverage.problems(first, 0, parts.get(0).length)).isEmpty();
        Pdu last = Ipv4Codec.dissect(parts.get(2), 0, parts.get(2).length, fail);
        assertThat(last.summary()).endsWith("Fragmented IP protocol (proto=TCP 6, off=2960)");
        assertThat(last.field("ip.frag_offset").orElseThrow().display()).isEqualTo("370 (2960 bytes)");
        assertThat(Coverage.problems(last, 0, parts.get(2).length)).isEmpty();
    }


    @Test
    void builderComputesIhlAndToBuilderKeepsValues() {
        Ipv4Header h = Ipv4Header.builder().options(Bytes.ofHex("0101010101")).build();
        assertThat(h.ihl()).isEqualTo(7);
        assertThat(h.headerLength()).isEqualTo(28);
        assertThat(h.toBuilder().build()).isEqualTo(h);
        assertThat(h.toBuilder().ihl(15).build().ihl()).isEqualTo(15);
        assertThat(h.toBuilder().options(Bytes.EMPTY).build().ihl()).isEqualTo(5);
        assertThatThrownBy(() -> Ipv4Header.builder().ttl(256).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Ipv4Header.builder().options(Bytes.wrap(new byte[41])).build())
                .isInstanceOf(IllegalArgumentException.class);
    }


    /** The header written in place (before or after its payload) into an array that may hold anything. */
    @Test
    void writingTheHeaderIntoADirtyArrayGivesTheBytesEncodeGives() {
        Ipv4Header h = Ipv4Header.builder().dontFragment(true).identification(0x1234).protocol(IpProtocol.TCP)
                .source(Ipv4Address.parse("10.0.0.1")).destination(Ipv4Address.parse("10.0.0.2")).build();
        byte[] payload = new byte[40];
        java.util.Arrays.fill(payload, (byte) 0x5a);
        byte[] expected = Ipv4Codec.encode(h, payload);
        byte[] out = new byte[14 + expected.length];
        java.util.Arrays.fill(out, (byte) 0xff);
        System.arraycopy(payload, 0, out, 14 + Ipv4Codec.headerLength(h), payload.length);
        Ipv4Codec.writeHeader(h, payload.length, out, 14, true, true);
        assertThat(Bytes.of(out, 14, 14 + expected.length).hex()).isEqualTo(Bytes.of(expected).hex());
        assertThat(Ipv4Codec.checksum(out, 14, 20)).isZero();
    }
}
