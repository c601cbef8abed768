package org.netsim.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.wire.tcp.RealFrames.FRAME_1_SYN;
import static org.netsim.wire.tcp.RealFrames.FRAME_4_PSH_ACK;
import static org.netsim.wire.tcp.RealFrames.LO;
import static org.netsim.wire.tcp.RealFrames.tcpOf;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;

/**
 * Decoding never throws: a broken segment becomes a PDU marked malformed, with the rule it broke and the byte where
 * decoding stopped, and every byte still owned by exactly one field.
 */
class TcpMalformedTest {
    private static final byte[] SYN = tcpOf(FRAME_1_SYN);
    private static final byte[] DATA = tcpOf(FRAME_4_PSH_ACK);

    private static Pdu dissect(byte[] seg) {
        Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, LO, LO, PayloadDissector.raw());
        assertThat(Coverage.problems(pdu, 0, seg.length)).as(pdu.toString()).isEmpty();
        assertThat(pdu.protocol()).isEqualTo(Protocol.TCP);
        assertThat(pdu.length()).isEqualTo(seg.length);
        return pdu;
    }

    private static Pdu assertMalformed(byte[] seg, String reason, int at) {
        Pdu pdu = dissect(seg);
        assertThat(pdu.malformed()).as(reason).isNotNull();
        assertThat(pdu.malformed().reason()).isEqualTo(reason);
        assertThat(pdu.malformed().offset()).as(reason).isEqualTo(at);
        assertThat(pdu.header(TcpHeader.class)).isEmpty();
        assertThat(TcpCodec.readHeader(seg, 0, seg.length)).isNull();
        if (at < seg.length) {
            Field rest = pdu.field("tcp.malformed").orElseThrow();
            assertThat(rest.byteStart()).isEqualTo(at);
            assertThat(rest.byteEnd()).isEqualTo(seg.length);
            assertThat(rest.display()).isEqualTo("[Malformed: " + reason + "]");
        }
        return pdu;
    }

    /** A copy of the real SYN with its options area replaced by {@code options} (20 bytes, hex). */
    private static byte[] synWithOptions(String options) {
        byte[] seg = SYN.clone();
        byte[] o = RealFrames.hex(options);
        assertThat(o).hasSize(20);
        System.arraycopy(o, 0, seg, 20, 20);
        return seg;
    }

    @Test
    void truncatedHeader() {
        // Fields are kept up to the last whole byte that was read; the rest belongs to tcp.malformed.
        Pdu p19 = assertMalformed(Arrays.copyOf(SYN, 19), "truncated: 19 bytes, the TCP header needs 20", 18);
        assertThat(p19.field("tcp.checksum").orElseThrow().value()).isEqualTo(0xfe30);
        assertThat(p19.field("tcp.urgent_pointer")).isEmpty();
        Pdu p13 = assertMalformed(Arrays.copyOf(SYN, 13), "truncated: 13 bytes, the TCP header needs 20", 13);
        assertThat(p13.field("tcp.hdr_len").orElseThrow().value()).isEqualTo(10);
        assertThat(p13.field("tcp.flags.syn")).isEmpty();
        assertMalformed(Arrays.copyOf(SYN, 3), "truncated: 3 bytes, the TCP header needs 20", 2);
        assertMalformed(Arrays.copyOf(SYN, 1), "truncated: 1 bytes, the TCP header needs 20", 0);
        Pdu empty = assertMalformed(new byte[0], "truncated: 0 bytes, the TCP header needs 20", 0);
        assertThat(empty.fields()).isEmpty();
    }

    @Test
    void dataOffsetBelowFive() {
        byte[] seg = SYN.clone();
        seg[12] = 0x40;
        Pdu pdu = assertMalformed(seg, "data offset 4 is below the minimum of 5", 20);
        // The fixed header is still shown: it is all there.
        assertThat(pdu.field("tcp.flags.syn").orElseThrow().display()).isEqualTo("Set");
        assertThat(pdu.field("tcp.hdr_len").orElseThrow().display()).isEqualTo("4 (16 bytes)");
        assertThat(pdu.summary()).isEqualTo("44304 → 3107");
        seg[12] = 0;
        assertMalformed(seg, "data offset 0 is below the minimum of 5", 20);
    }

    @Test
    void dataOffsetBeyondTheBuffer() {
        byte[] seg = SYN.clone();
        seg[12] = (byte) 0xf0;
        assertMalformed(seg, "header length 60 (data offset 15) exceeds the 40 bytes available", 20);
        assertMalformed(Arrays.copyOf(SYN, 39), "header length 40 (data offset 10) exceeds the 39 bytes available",
                20);
        // Exactly 20 bytes with the SYN's data offset of 10: nothing of the options is there.
        assertMalformed(Arrays.copyOf(SYN, 20), "header length 40 (data offset 10) exceeds the 20 bytes available",
                20);
    }

    @Test
    void optionLengthZeroOrOne() {
        // RFC 9293 §3.2: the length "includes the two octets of option-kind and option-length", so it is at least 2.
        assertMalformed(synWithOptions("63000000000000000000000000000000" + "00000000"),
                "option kind 99 has length 0, below the minimum of 2", 20);
        Pdu one = assertMalformed(synWithOptions("020405b4" + "6301" + "0000000000000000000000000000"),
                "option kind 99 has length 1, below the minimum of 2", 24);
        // The MSS before the bad option is still decoded.
        assertThat(one.field("tcp.options.mss_val").orElseThrow().value()).isEqualTo(1460);
        // Known kinds have one right length.
        assertMalformed(synWithOptions("0200ffd70402080a42deebb1000000000103030a"),
                "option MSS has length 0, expected 4", 20);
        assertMalformed(synWithOptions("0204ffd70401080a42deebb1000000000103030a"),
                "option SACK_PERM has length 1, expected 2", 24);
        assertMalformed(synWithOptions("0204ffd70402080b42deebb1000000000103030a"),
                "option TS has length 11, expected 10", 26);
        assertMalformed(synWithOptions("0204ffd70402080a42deebb1000000000103020a"),
                "option WS has length 2, expected 3", 37);
        assertMalformed(synWithOptions("0101050100000000000000000000000000000000"),
                "option SACK has length 1, expected 10, 18, 26 or 34", 22);
        assertMalformed(synWithOptions("0101050c00000000000000000000000000000000"),
                "option SACK has length 12, expected 10, 18, 26 or 34", 22);
    }

    @Test
    void optionRunningPastTheHeader() {
        // Timestamps starting 4 bytes before the end of a 40-byte header would need 10.
        assertMalformed(synWithOptions("0204ffd7040201010101010101010101080a0000"),
                "option runs past the end of the header", 36);
        // A kind that needs a length byte in the header's very last byte.
        assertMalformed(synWithOptions("0204ffd70402080a42deebb10000000001010103"),
                "option runs past the end of the header", 39);
        // An unknown kind whose length overruns: the payload after the header is not taken for option bytes.
        byte[] data = DATA.clone();
        data[20] = 0x63;
        data[21] = 0x20;
        Pdu pdu = assertMalformed(data, "option runs past the end of the header", 20);
        assertThat(pdu.children()).isEmpty();
        assertThat(pdu.summary()).isEqualTo("44304 → 3107");
    }

    @Test
    void badChecksumIsAProblemOfTheFieldNotOfTheSegment() {
        byte[] seg = DATA.clone();
        org.netsim.pdu.Bits.putU16(seg, 16, 0x1234);
        Pdu pdu = dissect(seg);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.firstMalformed()).isEmpty();
        Field f = pdu.field("tcp.checksum").orElseThrow();
        assertThat(f.display()).isEqualTo("0x1234 [incorrect]");
        assertThat(f.problem()).isEqualTo("checksum incorrect, should be 0x5af5");
        TcpHeader h = pdu.header(TcpHeader.class).orElseThrow();
        assertThat(h.checksum()).isEqualTo(0x1234);
        assertThat(h.flags()).isEqualTo(TcpFlags.PSH_ACK);
        assertThat(pdu.children()).hasSize(1);
    }

    @Test
    void malformedSegmentInsideAnIpv4DatagramKeepsTheFrameCovered() {
        byte[] datagram = FRAME_1_SYN.clone();
        datagram[20 + 12] = 0x30;
        Pdu ip = Ipv4Codec.dissect(datagram, 0, datagram.length, (Ipv4Header h, byte[] buf, int off, int len) ->
                List.of(TcpCodec.dissect(buf, off, len, h.source(), h.destination(), PayloadDissector.raw())));
        assertThat(ip.isMalformed()).isFalse();
        Pdu tcp = ip.firstMalformed().orElseThrow();
        assertThat(tcp.protocol()).isEqualTo(Protocol.TCP);
        assertThat(tcp.malformed().reason()).isEqualTo("data offset 3 is below the minimum of 5");
        // Offsets are absolute in the buffer: the TCP header starts at 20, its options area at 40.
        assertThat(tcp.malformed().offset()).isEqualTo(40);
        assertThat(tcp.offset()).isEqualTo(20);
        assertThat(Coverage.problems(ip, 0, datagram.length)).isEmpty();
    }

    @Test
    void noInputMakesItThrowOrLeaveABytesOwnerless() {
        // Every length of every header, with every data offset, and every value of every option byte.
        for (byte[] real : List.of(SYN, DATA)) {
            for (int n = 0; n <= Math.min(real.length, 60); n++) {
                for (int dataOffset = 0; dataOffset < 16; dataOffset++) {
                    byte[] cut = Arrays.copyOf(real, n);
                    if (n > 12) {
                        cut[12] = (byte) (dataOffset << 4);
                    }
                    dissect(cut);
                    TcpCodec.readHeader(cut, 0, n);
                }
            }
            int hl = (real[12] >>> 4 & 0xf) * 4;
            for (int at = 20; at < hl; at++) {
                for (int v = 0; v < 256; v++) {
                    byte[] seg = real.clone();
                    seg[at] = (byte) v;
                    Pdu pdu = dissect(seg);
                    // A segment that decodes has a header that reads back the same.
                    pdu.header(TcpHeader.class).ifPresent(h ->
                            assertThat(TcpCodec.readHeader(seg, 0, seg.length)).isEqualTo(h));
                }
            }
        }
    }
}
