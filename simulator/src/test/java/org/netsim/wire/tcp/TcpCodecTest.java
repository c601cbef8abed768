package org.netsim.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.wire.tcp.RealFrames.FRAME_1_SYN;
import static org.netsim.wire.tcp.RealFrames.FRAME_1_TCP_CHECKSUM;
import static org.netsim.wire.tcp.RealFrames.FRAME_2_SYN_ACK;
import static org.netsim.wire.tcp.RealFrames.FRAME_4_PSH_ACK;
import static org.netsim.wire.tcp.RealFrames.FRAME_4_TCP_CHECKSUM;
import static org.netsim.wire.tcp.RealFrames.LO;
import static org.netsim.wire.tcp.RealFrames.tcpOf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bits;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.NoOperation;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/** Encode and decode against real Linux segments, and the checksum over the pseudo-header. */
class TcpCodecTest {
    private static final byte[] SYN = tcpOf(FRAME_1_SYN);
    private static final byte[] SYN_ACK = tcpOf(FRAME_2_SYN_ACK);
    private static final byte[] DATA = tcpOf(FRAME_4_PSH_ACK);

    /** The SYN of frame 1 as a sender would build it. */
    private static final TcpHeader SYN_HEADER = TcpHeader.builder().sourcePort(44304).destinationPort(3107)
            .sequence(3554423234L).flags(TcpFlags.SYN).window(65495)
            .options(TcpOptions.linuxSyn(65495, 1121905585L, 10)).build();

    /** The data segment of frame 4. */
    private static final TcpHeader DATA_HEADER = TcpHeader.builder().sourcePort(44304).destinationPort(3107)
            .sequence(3554423235L).acknowledgement(318927201L).flags(TcpFlags.PSH_ACK).window(64)
            .options(TcpOptions.linuxTimestamps(1121905588L, 3490382268L)).build();

    static Pdu dissect(byte[] segment) {
        Pdu pdu = TcpCodec.dissect(segment, 0, segment.length, LO, LO, PayloadDissector.raw());
        assertThat(Coverage.problems(pdu, 0, segment.length)).as(pdu.toString()).isEmpty();
        return pdu;
    }

    /** The segment with its checksum field replaced by the value computed independently in the test. */
    private static byte[] withRealChecksum(byte[] segment) {
        byte[] fixed = segment.clone();
        Bits.putU16(fixed, 16, RealFrames.rfc1071(LO, LO, segment));
        return fixed;
    }

    private static String display(Pdu pdu, String key) {
        return pdu.field(key).orElseThrow().display();
    }

    @Test
    void encodesTheLinuxSynByteExact() {
        // The captured field holds Linux's partial sum, so it is taken as given here...
        byte[] asCaptured = TcpCodec.encode(SYN_HEADER.toBuilder().checksum(0xfe30).build(), new byte[0], LO, LO,
                true, false);
        assertThat(Bytes.wrap(asCaptured)).isEqualTo(Bytes.wrap(SYN));
        // ...and computed, it is what tshark says the field should be; every other byte stays the same.
        byte[] computed = TcpCodec.encode(SYN_HEADER, new byte[0], LO, LO);
        assertThat(Bits.u16(computed, 16)).isEqualTo(FRAME_1_TCP_CHECKSUM);
        assertThat(computed).isEqualTo(withRealChecksum(SYN));
        // The options exactly as Linux orders them: MSS, SACK_PERM, TS, NOP, WS.
        assertThat(Bytes.of(computed, 20, 40).hexSpaced())
                .isEqualTo("02 04 ff d7 04 02 08 0a 42 de eb b1 00 00 00 00 01 03 03 0a");
    }

    @Test
    void encodesALinuxSynWithWindowScale7() {
        // The values Linux typically sends over Ethernet (MTU 1500, so MSS 1460) with window scale 7: the layout
        // is the captured one, only the MSS, TSval and shift bytes differ.
        byte[] syn = TcpCodec.encode(SYN_HEADER.toBuilder().options(TcpOptions.linuxSyn(1460, 0x01020304L, 7)).build(),
                new byte[0], LO, LO);
        assertThat(Bytes.of(syn, 20, 40).hexSpaced())
                .isEqualTo("02 04 05 b4 04 02 08 0a 01 02 03 04 00 00 00 00 01 03 03 07");
        assertThat(syn[12]).isEqualTo((byte) 0xa0);
        assertThat(TcpCodec.checksum(syn, 0, syn.length, LO, LO)).isZero();
    }

    @Test
    void decodesTheLinuxSynFieldByField() {
        Pdu pdu = dissect(SYN);
        TcpHeader h = pdu.header(TcpHeader.class).orElseThrow();
        assertThat(h.sourcePort()).isEqualTo(44304);
        assertThat(h.destinationPort()).isEqualTo(3107);
        assertThat(h.sequence()).isEqualTo(3554423234L);
        assertThat(h.acknowledgement()).isZero();
        assertThat(h.dataOffset()).isEqualTo(10);
        assertThat(h.headerLength()).isEqualTo(40);
        assertThat(h.reserved()).isZero();
        assertThat(h.flags()).isEqualTo(TcpFlags.SYN);
        assertThat(h.window()).isEqualTo(65495);
        assertThat(h.checksum()).isEqualTo(0xfe30);
        assertThat(h.urgentPointer()).isZero();
        assertThat(h.options()).containsExactly(new MaximumSegmentSize(65495), new SackPermitted(),
                new Timestamps(1121905585L, 0), new NoOperation(), new WindowScale(10));
        assertThat(h).isEqualTo(SYN_HEADER.toBuilder().checksum(0xfe30).build());
        assertThat(h.option(WindowScale.class).orElseThrow().multiplier()).isEqualTo(1024);

        // Every byte is accounted for, in frame order: the fixed fields, then each option's parts.
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("tcp.srcport", "tcp.dstport", "tcp.seq",
                "tcp.ack", "tcp.hdr_len", "tcp.flags.res", "tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg",
                "tcp.flags.ack", "tcp.flags.push", "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin",
                "tcp.window_size_value", "tcp.checksum", "tcp.urgent_pointer",
                "tcp.option_kind", "tcp.option_len", "tcp.options.mss_val",
                "tcp.option_kind", "tcp.option_len",
                "tcp.option_kind", "tcp.option_len", "tcp.options.timestamp.tsval", "tcp.options.timestamp.tsecr",
                "tcp.options.nop",
                "tcp.option_kind", "tcp.option_len", "tcp.options.wscale.shift");
        assertThat(display(pdu, "tcp.hdr_len")).isEqualTo("10 (40 bytes)");
        assertThat(display(pdu, "tcp.flags.res")).isEqualTo("0000");
        assertThat(display(pdu, "tcp.flags.syn")).isEqualTo("Set");
        assertThat(display(pdu, "tcp.flags.ack")).isEqualTo("Not set");
        assertThat(display(pdu, "tcp.option_kind")).isEqualTo("Maximum segment size (2)");
        assertThat(display(pdu, "tcp.options.mss_val")).isEqualTo("65495");
        assertThat(display(pdu, "tcp.options.wscale.shift")).isEqualTo("10 (multiply by 1024)");
        assertThat(display(pdu, "tcp.options.timestamp.tsval")).isEqualTo("1121905585");
        assertThat(pdu.field("tcp.options.timestamp.tsval").orElseThrow().byteStart()).isEqualTo(28);
        assertThat(pdu.field("tcp.options.wscale.shift").orElseThrow().byteStart()).isEqualTo(39);
        assertThat(pdu.field("tcp.flags.syn").orElseThrow().bitOffset()).isEqualTo(110);
        assertThat(pdu.field("tcp.hdr_len").orElseThrow().bitLength()).isEqualTo(4);
        for (Field f : pdu.fields()) {
            assertThat(f.explanation()).as(f.key()).isNotBlank();
        }
        assertThat(pdu.children()).isEmpty();
        assertThat(pdu.length()).isEqualTo(40);
        // tshark's Info column shows the window scale as its multiplier and the raw window (no scaling on a SYN).
        assertThat(pdu.summary()).isEqualTo("44304 → 3107 [SYN] Seq=3554423234 Win=65495 Len=0 MSS=65495 SACK_PERM"
                + " TSval=1121905585 TSecr=0 WS=1024");
        assertThat(TcpCodec.readHeader(SYN, 0, SYN.length)).isEqualTo(h);
    }

    @Test
    void decodesTheSynAckAndReencodesIt() {
        Pdu pdu = dissect(SYN_ACK);
        TcpHeader h = pdu.header(TcpHeader.class).orElseThrow();
        assertThat(h.flags()).isEqualTo(TcpFlags.SYN_ACK);
        assertThat(h.acknowledgement()).isEqualTo(3554423235L);
        assertThat(h.options()).isEqualTo(TcpOptions.linuxSynAck(65495, 3490382268L, 1121905585L, 10));
        assertThat(pdu.summary()).isEqualTo("3107 → 44304 [SYN, ACK] Seq=318927200 Ack=3554423235 Win=65483 Len=0"
                + " MSS=65495 SACK_PERM TSval=3490382268 TSecr=1121905585 WS=1024");
        assertThat(TcpCodec.encode(h, new byte[0], LO, LO, false, false)).isEqualTo(SYN_ACK);
    }

    @Test
    void dataSegmentWithPshAckAndTimestamps() {
        byte[] http = Arrays.copyOfRange(DATA, 32, DATA.length);
        assertThat(http).hasSize(150);
        assertThat(new String(http, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GET /socket.io/");

        byte[] encoded = TcpCodec.encode(DATA_HEADER, http, LO, LO);
        assertThat(Bits.u16(encoded, 16)).isEqualTo(FRAME_4_TCP_CHECKSUM);
        assertThat(encoded).isEqualTo(withRealChecksum(DATA));
        assertThat(TcpCodec.encode(DATA_HEADER.toBuilder().checksum(0xfebe).build(), http, LO, LO, true, false))
                .isEqualTo(DATA);
        // RFC 7323 Appendix A: two NOPs put the 10-byte option on a 32-bit boundary.
        assertThat(Bytes.of(encoded, 20, 24).hexSpaced()).isEqualTo("01 01 08 0a");
        assertThat(encoded[12]).isEqualTo((byte) 0x80);
        assertThat(encoded[13]).isEqualTo((byte) 0x18);

        Pdu pdu = dissect(encoded);
        TcpHeader h = pdu.header(TcpHeader.class).orElseThrow();
        assertThat(h).isEqualTo(DATA_HEADER.toBuilder().checksum(FRAME_4_TCP_CHECKSUM).build());
        assertThat(h.flags().psh()).isTrue();
        assertThat(h.flags().ack()).isTrue();
        assertThat(h.flags().label()).isEqualTo("[PSH, ACK]");
        assertThat(display(pdu, "tcp.checksum")).isEqualTo("0x5af5 [correct]");
        assertThat(display(pdu, "tcp.options.timestamp.tsecr")).isEqualTo("3490382268");
        // The raw dissector hands the 150 bytes on as one Data PDU; with no dissector they stay TCP's payload.
        assertThat(pdu.children()).singleElement().satisfies(c -> {
            assertThat(c.protocol()).isEqualTo(Protocol.DATA);
            assertThat(c.offset()).isEqualTo(32);
            assertThat(c.end()).isEqualTo(182);
        });
        Pdu kept = TcpCodec.dissect(encoded, 0, encoded.length, LO, LO, (hh, buf, off, len) -> List.of());
        Field payload = kept.field("tcp.payload").orElseThrow();
        assertThat(payload.byteStart()).isEqualTo(32);
        assertThat(payload.byteEnd()).isEqualTo(182);
        assertThat(payload.bytes()).isEqualTo(Bytes.wrap(http));
        assertThat(Coverage.problems(kept, 0, encoded.length)).isEmpty();
        assertThat(pdu.summary()).isEqualTo("44304 → 3107 [PSH, ACK] Seq=3554423235 Ack=318927201 Win=64 Len=150"
                + " TSval=1121905588 TSecr=3490382268");
    }

    @Test
    void checksumCoversThePseudoHeader() {
        byte[] good = withRealChecksum(DATA);
        assertThat(TcpCodec.checksum(good, 0, good.length, LO, LO)).isZero();
        assertThat(TcpCodec.expectedChecksum(DATA, 0, DATA.length, LO, LO)).isEqualTo(FRAME_4_TCP_CHECKSUM);
        // The same bytes between other addresses fail: the addresses are part of what is summed.
        Ipv4Address other = Ipv4Address.parse("10.0.0.1");
        assertThat(TcpCodec.checksum(good, 0, good.length, other, LO)).isNotZero();
        Pdu moved = TcpCodec.dissect(good, 0, good.length, other, LO, PayloadDissector.raw());
        assertThat(moved.field("tcp.checksum").orElseThrow().problem())
                .isEqualTo("checksum incorrect, should be " + hex16(RealFrames.rfc1071(other, LO, DATA)));
        // An odd length pads the last byte with zero on the right (RFC 9293 §3.1).
        byte[] odd = TcpCodec.encode(DATA_HEADER, new byte[] {1, 2, 3}, LO, other);
        assertThat(Bits.u16(odd, 16)).isEqualTo(RealFrames.rfc1071(LO, other, odd));
        assertThat(TcpCodec.checksum(odd, 0, odd.length, LO, other)).isZero();
        // Inside a larger buffer the offset is honoured.
        byte[] framed = new byte[34 + good.length];
        System.arraycopy(good, 0, framed, 34, good.length);
        assertThat(TcpCodec.checksum(framed, 34, good.length, LO, LO)).isZero();
    }

    @Test
    void capturedPartialChecksumIsFlaggedButTheSegmentIsStillDecoded() {
        // Linux leaves the folded pseudo-header sum in the field on loopback; tshark calls it incorrect too.
        assertThat(Bits.u16(SYN, 16)).isEqualTo(RealFrames.pseudoHeaderSum(LO, LO, SYN.length));
        assertThat(Bits.u16(DATA, 16)).isEqualTo(RealFrames.pseudoHeaderSum(LO, LO, DATA.length));
        Pdu pdu = dissect(SYN);
        assertThat(pdu.isMalformed()).isFalse();
        Field f = pdu.field("tcp.checksum").orElseThrow();
        assertThat(f.value()).isEqualTo(0xfe30);
        assertThat(f.display()).isEqualTo("0xfe30 [incorrect]");
        assertThat(f.problem()).isEqualTo("checksum incorrect, should be 0x629c");
        assertThat(pdu.header(TcpHeader.class).orElseThrow().checksum()).isEqualTo(0xfe30);

        // A flipped payload bit is caught; the header still decodes and the payload is still handed on.
        byte[] damaged = withRealChecksum(DATA);
        damaged[100] ^= 0x20;
        Pdu bad = dissect(damaged);
        assertThat(bad.isMalformed()).isFalse();
        assertThat(bad.field("tcp.checksum").orElseThrow().problem())
                .isEqualTo("checksum incorrect, should be " + hex16(RealFrames.rfc1071(LO, LO, damaged)));
        assertThat(bad.children()).hasSize(1);

        // Without addresses nothing can be verified, and nothing is claimed.
        Pdu unverified = TcpCodec.dissect(SYN, 0, SYN.length, null, null, PayloadDissector.raw());
        assertThat(unverified.field("tcp.checksum").orElseThrow().display()).isEqualTo("0xfe30 [unverified]");
        assertThat(unverified.field("tcp.checksum").orElseThrow().problem()).isNull();
    }

    private static String hex16(int v) {
        return String.format(java.util.Locale.ROOT, "0x%04x", v);
    }

    @Test
    void payloadDissectorGetsThePayloadAtItsOffsetInTheFrame() {
        // The whole frame 4 as Ethernet would hand it over: 14 bytes before the TCP header's IPv4 header.
        byte[] frame = new byte[14 + FRAME_4_PSH_ACK.length];
        System.arraycopy(FRAME_4_PSH_ACK, 0, frame, 14, FRAME_4_PSH_ACK.length);
        int tcpStart = 14 + 20;
        List<int[]> seen = new ArrayList<>();
        List<TcpHeader> headers = new ArrayList<>();
        PayloadDissector<TcpHeader> http = (h, buf, off, len) -> {
            seen.add(new int[] {off, len});
            headers.add(h);
            // Claims the request line only; the rest must stay with TCP.
            return List.of(Pdu.data(buf, off, 61));
        };
        Pdu pdu = TcpCodec.dissect(frame, tcpStart, DATA.length, LO, LO, http);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsExactly(tcpStart + 32, 150);
        assertThat(headers.get(0).flags()).isEqualTo(TcpFlags.PSH_ACK);
        assertThat(pdu.offset()).isEqualTo(tcpStart);
        assertThat(pdu.end()).isEqualTo(frame.length);
        assertThat(pdu.children()).hasSize(1);
        assertThat(pdu.children().get(0).offset()).isEqualTo(tcpStart + 32);
        assertThat(pdu.field("tcp.payload").orElseThrow().byteStart()).isEqualTo(tcpStart + 32 + 61);
        assertThat(pdu.field("tcp.srcport").orElseThrow().byteStart()).isEqualTo(tcpStart);
        assertThat(Coverage.problems(pdu, tcpStart, DATA.length)).isEmpty();

        // A dissector that claims everything leaves no tcp.payload; one that claims nothing leaves all of it.
        Pdu all = TcpCodec.dissect(frame, tcpStart, DATA.length, LO, LO, PayloadDissector.raw());
        assertThat(all.field("tcp.payload")).isEmpty();
        assertThat(all.children().get(0).protocol()).isEqualTo(Protocol.DATA);
        Pdu none = TcpCodec.dissect(frame, tcpStart, DATA.length, LO, LO, (h, buf, off, len) -> List.of());
        assertThat(none.field("tcp.payload").orElseThrow().byteStart()).isEqualTo(tcpStart + 32);
        assertThat(Coverage.problems(none, tcpStart, DATA.length)).isEmpty();

        // A segment without data never calls the dissector.
        TcpCodec.dissect(SYN, 0, SYN.length, LO, LO, (h, buf, off, len) -> {
            throw new AssertionError("no payload to dissect");
        });
    }

    @Test
    void everySegmentOfTheCaptureDecodesAndReencodesByteExact() throws Exception {
        List<RealFrames.Datagram> datagrams = RealFrames.datagrams(RealFrames.SESSIONS_PCAP);
        assertThat(datagrams).hasSize(168);
        // The constants above are those frames.
        assertThat(datagrams.get(0).bytes()).isEqualTo(FRAME_1_SYN);
        assertThat(datagrams.get(1).bytes()).isEqualTo(FRAME_2_SYN_ACK);
        assertThat(datagrams.get(3).bytes()).isEqualTo(FRAME_4_PSH_ACK);
        int withData = 0;
        for (RealFrames.Datagram d : datagrams) {
            byte[] seg = tcpOf(d.bytes());
            Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, LO, LO, PayloadDissector.raw());
            String frame = "frame " + d.frame();
            assertThat(pdu.isMalformed()).as(frame).isFalse();
            assertThat(Coverage.problems(pdu, 0, seg.length)).as(frame).isEmpty();
            TcpHeader h = pdu.header(TcpHeader.class).orElseThrow();
            byte[] payload = Arrays.copyOfRange(seg, h.headerLength(), seg.length);
            withData += payload.length > 0 ? 1 : 0;
            assertThat(TcpCodec.encode(h, payload, LO, LO, false, false)).as(frame).isEqualTo(seg);
            assertThat(TcpCodec.encode(h, payload, LO, LO)).as(frame).isEqualTo(withRealChecksum(seg));
            assertThat(pdu.field("tcp.checksum").orElseThrow().problem()).as(frame)
                    .isEqualTo("checksum incorrect, should be " + hex16(RealFrames.rfc1071(LO, LO, seg)));
        }
        assertThat(withData).isPositive();
    }

    /** A host writes segment, datagram and frame into one array that may hold anything: the bytes equal encode's. */
    @Test
    void writingIntoADirtyArrayAtAnOffsetGivesTheBytesEncodeGives() {
        byte[] payload = "42[\"chat\",\"hi\"]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (TcpHeader h : java.util.List.of(SYN_HEADER, DATA_HEADER)) {
            byte[] expected = TcpCodec.encode(h, payload, LO, LO);
            byte[] out = new byte[7 + expected.length + 3];
            java.util.Arrays.fill(out, (byte) 0xff);
            byte[] data = new byte[payload.length + 5];
            System.arraycopy(payload, 0, data, 5, payload.length);
            TcpCodec.writeSegment(h, data, 5, payload.length, LO, LO, out, 7, true, true);
            assertThat(TcpCodec.headerLength(h) + payload.length).isEqualTo(expected.length);
            assertThat(Bytes.of(out, 7, 7 + expected.length).hex()).isEqualTo(Bytes.of(expected).hex());
            assertThat(out[6]).isEqualTo((byte) 0xff);
            assertThat(out[7 + expected.length]).isEqualTo((byte) 0xff);
        }
    }
}
