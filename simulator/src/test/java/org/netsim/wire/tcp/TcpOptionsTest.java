package org.netsim.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.netsim.wire.tcp.RealFrames.LO;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.wire.tcp.TcpOption.EndOfOptionList;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.NoOperation;
import org.netsim.wire.tcp.TcpOption.Sack;
import org.netsim.wire.tcp.TcpOption.SackBlock;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.Unknown;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/** Every option kind, the control bits, and encode → decode → encode round trips. */
class TcpOptionsTest {
    private static final NoOperation NOP = new NoOperation();
    private static final EndOfOptionList EOL = new EndOfOptionList();

    private static TcpHeader.Builder ack() {
        return TcpHeader.builder().sourcePort(3107).destinationPort(44304).sequence(1000).acknowledgement(2000)
                .flags(TcpFlags.ACK).window(512);
    }

    /**
     * Encodes a segment with {@code options}, checks the options area is {@code hex}, decodes it and checks the
     * decoded header encodes to the same bytes. Returns the decoded PDU.
     */
    private static Pdu roundTrip(List<TcpOption> options, String hex) {
        TcpHeader h = ack().options(options).build();
        byte[] seg = TcpCodec.encode(h, new byte[] {'h', 'i'}, LO, LO);
        assertThat(Bytes.of(seg, 20, h.headerLength()).hex()).isEqualTo(hex);
        Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, LO, LO, PayloadDissector.raw());
        assertThat(Coverage.problems(pdu, 0, seg.length)).isEmpty();
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.field("tcp.checksum").orElseThrow().problem()).isNull();
        TcpHeader back = pdu.header(TcpHeader.class).orElseThrow();
        assertThat(TcpCodec.encode(back, new byte[] {'h', 'i'}, LO, LO, false, false)).isEqualTo(seg);
        assertThat(TcpCodec.readHeader(seg, 0, seg.length)).isEqualTo(back);
        return pdu;
    }

    private static List<String> keys(Pdu pdu) {
        List<String> out = new ArrayList<>();
        for (Field f : pdu.fields()) {
            if (f.byteStart() >= 20) {
                out.add(f.key());
            }
        }
        return out;
    }

    @Test
    void maximumSegmentSize() {
        Pdu pdu = roundTrip(List.of(new MaximumSegmentSize(1460)), "020405b4");
        assertThat(pdu.header(TcpHeader.class).orElseThrow().options()).containsExactly(new MaximumSegmentSize(1460));
        assertThat(keys(pdu)).containsExactly("tcp.option_kind", "tcp.option_len", "tcp.options.mss_val");
        assertThat(pdu.field("tcp.option_len").orElseThrow().display()).isEqualTo("4");
        assertThat(pdu.field("tcp.options.mss_val").orElseThrow().bitLength()).isEqualTo(16);
        assertThat(pdu.summary()).endsWith("Len=2 MSS=1460");
    }

    @Test
    void windowScale() {
        // RFC 7323 §2.3: a shift above 14 is treated as 14 by the receiver; the codec keeps what is on the wire.
        Pdu pdu = roundTrip(List.of(NOP, new WindowScale(14)), "0103030e");
        assertThat(pdu.field("tcp.options.wscale.shift").orElseThrow().display()).isEqualTo("14 (multiply by 16384)");
        assertThat(pdu.field("tcp.options.nop").orElseThrow().display()).isEqualTo("No-Operation (NOP)");
        assertThat(pdu.summary()).endsWith("WS=16384");
        assertThat(roundTrip(List.of(NOP, new WindowScale(0)), "01030300").summary()).endsWith("WS=1");
    }

    @Test
    void sackPermittedAndEndOfOptionListWithPadding() {
        // 04 02, then EOL: "the end of the option list", and the rest of the word is padding (RFC 9293 §3.2).
        Pdu pdu = roundTrip(List.of(new SackPermitted(), EOL), "04020000");
        assertThat(pdu.header(TcpHeader.class).orElseThrow().options()).containsExactly(new SackPermitted(), EOL);
        assertThat(keys(pdu)).containsExactly("tcp.option_kind", "tcp.option_len", "tcp.options.eol",
                "tcp.options.padding");
        assertThat(pdu.field("tcp.option_kind").orElseThrow().display()).isEqualTo("SACK permitted (4)");
        assertThat(pdu.field("tcp.options.eol").orElseThrow().display()).isEqualTo("End of Option List (EOL)");
        Field padding = pdu.field("tcp.options.padding").orElseThrow();
        assertThat(padding.byteStart()).isEqualTo(23);
        assertThat(padding.byteEnd()).isEqualTo(24);
        assertThat(padding.problem()).isNull();
        assertThat(pdu.summary()).endsWith("SACK_PERM");
    }

    @Test
    void optionsShortOfAWordArePaddedWithZerosThatReadBackAsEol() {
        // MSS + NOP is 5 bytes; the encoder pads with three zero bytes, and a zero byte is End of Option List. So
        // the decoded header lists an EOL the original did not, and encodes to the very same bytes.
        TcpHeader h = ack().options(List.of(new MaximumSegmentSize(536), NOP)).build();
        assertThat(h.dataOffset()).isEqualTo(7);
        byte[] seg = TcpCodec.encode(h, new byte[0], LO, LO);
        assertThat(Bytes.of(seg, 20, 28).hex()).isEqualTo("0204021801000000");
        TcpHeader back = TcpCodec.readHeader(seg, 0, seg.length);
        assertThat(back.options()).containsExactly(new MaximumSegmentSize(536), NOP, EOL);
        assertThat(TcpCodec.encode(back, new byte[0], LO, LO)).isEqualTo(seg);
    }

    @Test
    void nonZeroPaddingAfterEolIsAProblemNotAnError() {
        byte[] seg = TcpCodec.encode(ack().options(List.of(EOL)).build(), new byte[0], LO, LO);
        seg[22] = 0x55;
        Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, null, null, PayloadDissector.raw());
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.field("tcp.options.padding").orElseThrow().problem()).isEqualTo("padding is not zero");
        assertThat(pdu.field("tcp.options.padding").orElseThrow().display()).isEqualTo("005500");
        assertThat(Coverage.problems(pdu, 0, seg.length)).isEmpty();
    }

    @Test
    void sackWithOneToFourBlocks() {
        SackBlock b1 = new SackBlock(0xfffffff0L, 0x10L);
        SackBlock b2 = new SackBlock(3000, 4000);
        SackBlock b3 = new SackBlock(5000, 6000);
        SackBlock b4 = new SackBlock(7000, 8000);
        Pdu one = roundTrip(List.of(NOP, NOP, new Sack(List.of(b1))), "0101050afffffff000000010");
        assertThat(keys(one)).containsExactly("tcp.options.nop", "tcp.options.nop", "tcp.option_kind",
                "tcp.option_len", "tcp.options.sack_le", "tcp.options.sack_re");
        assertThat(one.field("tcp.options.sack_le").orElseThrow().display()).isEqualTo("4294967280");
        assertThat(one.field("tcp.option_kind").orElseThrow().display()).isEqualTo("SACK (5)");
        assertThat(one.summary()).endsWith("SLE=4294967280 SRE=16");

        // RFC 2018 §3: with timestamps in use, at most three blocks fit; Linux sends NOP NOP TS NOP NOP SACK.
        List<TcpOption> linux = new ArrayList<>(TcpOptions.linuxTimestamps(7, 9));
        linux.addAll(List.of(NOP, NOP, new Sack(List.of(b2, b3, b4))));
        Pdu three = roundTrip(linux, "0101080a0000000700000009" + "0101051a"
                + "00000bb800000fa0" + "0000138800001770" + "00001b5800001f40");
        assertThat(three.header(TcpHeader.class).orElseThrow().dataOffset()).isEqualTo(15);
        assertThat(three.summary()).endsWith("TSval=7 TSecr=9 SLE=3000 SRE=4000 SLE=5000 SRE=6000 SLE=7000 SRE=8000");

        Pdu four = roundTrip(List.of(NOP, NOP, new Sack(List.of(b1, b2, b3, b4))), "01010522"
                + "fffffff000000010" + "00000bb800000fa0" + "0000138800001770" + "00001b5800001f40");
        assertThat(four.header(TcpHeader.class).orElseThrow().option(Sack.class).orElseThrow().blocks())
                .containsExactly(b1, b2, b3, b4);
        assertThat(four.field("tcp.option_len").orElseThrow().value()).isEqualTo(34);
        roundTrip(List.of(new Sack(List.of(b1, b2)), NOP, NOP), "0512fffffff00000001000000bb800000fa00101");

        assertThatThrownBy(() -> new Sack(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sack(List.of(b1, b1, b1, b1, b1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SackBlock(1L << 32, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timestamps() {
        Pdu pdu = roundTrip(TcpOptions.linuxTimestamps(0xffffffffL, 0), "0101080affffffff00000000");
        assertThat(pdu.field("tcp.option_kind").orElseThrow().display()).isEqualTo("Timestamps (8)");
        assertThat(pdu.field("tcp.options.timestamp.tsval").orElseThrow().value()).isEqualTo(0xffffffffL);
        assertThat(pdu.field("tcp.options.timestamp.tsecr").orElseThrow().byteStart()).isEqualTo(28);
        assertThat(pdu.summary()).endsWith("TSval=4294967295 TSecr=0");
        assertThatThrownBy(() -> new Timestamps(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownKindsSurviveWithTheirBytes() {
        // TCP Fast Open cookie (RFC 7413, kind 34) is not interpreted: its value is kept as option data.
        Unknown tfo = new Unknown(34, Bytes.ofHex("0011223344556677"));
        Pdu pdu = roundTrip(List.of(tfo, NOP, NOP), "220a00112233445566770101");
        assertThat(pdu.header(TcpHeader.class).orElseThrow().options()).containsExactly(tfo, NOP, NOP);
        assertThat(pdu.field("tcp.option_kind").orElseThrow().display()).isEqualTo("TCP Fast Open Cookie (34)");
        assertThat(pdu.field("tcp.options.data").orElseThrow().display()).isEqualTo("0011223344556677");
        assertThat(pdu.field("tcp.options.data").orElseThrow().byteStart()).isEqualTo(22);

        // A kind nobody assigned, with no value: just kind and length.
        Pdu bare = roundTrip(List.of(new Unknown(99, Bytes.EMPTY), NOP, NOP), "63020101");
        assertThat(bare.field("tcp.option_kind").orElseThrow().display()).isEqualTo("Unknown (99)");
        assertThat(bare.field("tcp.options.data")).isEmpty();
        Pdu experimental = roundTrip(List.of(new Unknown(254, Bytes.ofHex("f989"))), "fe04f989");
        assertThat(experimental.field("tcp.option_kind").orElseThrow().display()).isEqualTo("Experimental (254)");

        assertThatThrownBy(() -> new Unknown(1, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Unknown(256, Bytes.EMPTY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionLengthsAndLimits() {
        assertThat(TcpOptions.length(TcpOptions.linuxSyn(1460, 1, 7))).isEqualTo(20);
        assertThat(TcpOptions.paddedLength(List.of(NOP))).isEqualTo(4);
        assertThat(TcpOptions.paddedLength(List.of())).isZero();
        assertThat(new WindowScale(7).multiplier()).isEqualTo(128);
        // 41 bytes of options cannot fit: the data offset field tops out at 15 words.
        List<TcpOption> tooMany = new ArrayList<>();
        for (int i = 0; i < 41; i++) {
            tooMany.add(NOP);
        }
        assertThatThrownBy(() -> TcpHeader.builder().options(tooMany).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MaximumSegmentSize(65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpHeader.builder().sequence(1L << 32).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TcpHeader.builder().reserved(16).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void flagsRenderLikeTsharkAndMapToTheirBits() {
        assertThat(TcpFlags.SYN.label()).isEqualTo("[SYN]");
        assertThat(TcpFlags.SYN_ACK.label()).isEqualTo("[SYN, ACK]");
        assertThat(TcpFlags.PSH_ACK).hasToString("[PSH, ACK]");
        assertThat(TcpFlags.FIN_ACK.label()).isEqualTo("[FIN, ACK]");
        assertThat(TcpFlags.RST_ACK.label()).isEqualTo("[RST, ACK]");
        assertThat(TcpFlags.NONE.label()).isEqualTo("[<None>]");
        assertThat(TcpFlags.of(0xff).label()).isEqualTo("[FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]");
        assertThat(TcpFlags.of(0xc2).label()).isEqualTo("[SYN, ECE, CWR]");
        assertThat(TcpFlags.SYN_ACK.bits()).isEqualTo(0x12);
        assertThat(TcpFlags.PSH_ACK.bits()).isEqualTo(0x18);
        for (int bits = 0; bits < 256; bits++) {
            assertThat(TcpFlags.of(bits).bits()).isEqualTo(bits);
        }
        // Only the low eight bits count.
        assertThat(TcpFlags.of(0x112)).isEqualTo(TcpFlags.SYN_ACK);

        // In a decoded segment every control bit is its own one-bit field, CWR at bit 104 down to FIN at 111.
        byte[] seg = TcpCodec.encode(ack().flags(TcpFlags.of(0xa9)).urgentPointer(5).build(), new byte[8], LO, LO);
        assertThat(seg[13]).isEqualTo((byte) 0xa9);
        Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, LO, LO, PayloadDissector.raw());
        String[] keys = {"tcp.flags.cwr", "tcp.flags.ece", "tcp.flags.urg", "tcp.flags.ack", "tcp.flags.push",
                "tcp.flags.reset", "tcp.flags.syn", "tcp.flags.fin"};
        for (int i = 0; i < 8; i++) {
            Field f = pdu.field(keys[i]).orElseThrow();
            assertThat(f.bitOffset()).as(keys[i]).isEqualTo(104 + i);
            assertThat(f.bitLength()).isEqualTo(1);
            assertThat(f.display()).as(keys[i]).isEqualTo(((0xa9 >> (7 - i)) & 1) == 1 ? "Set" : "Not set");
        }
        assertThat(pdu.summary()).isEqualTo("3107 → 44304 [FIN, PSH, URG, CWR] Seq=1000 Win=512 Len=8 Urg=5");
    }

    @Test
    void randomHeadersRoundTripBothWays() {
        Random r = new Random(9293);
        for (int n = 0; n < 500; n++) {
            List<TcpOption> options = new ArrayList<>();
            int room = 40;
            while (r.nextInt(4) != 0) {
                TcpOption o = switch (r.nextInt(7)) {
                    case 0 -> NOP;
                    case 1 -> new MaximumSegmentSize(r.nextInt(65536));
                    case 2 -> new WindowScale(r.nextInt(256));
                    case 3 -> new SackPermitted();
                    case 4 -> new Timestamps(r.nextLong() & 0xffffffffL, r.nextLong() & 0xffffffffL);
                    case 5 -> new Sack(List.of(new SackBlock(r.nextInt() & 0xffffffffL, r.nextInt() & 0xffffffffL)));
                    default -> new Unknown(9 + r.nextInt(200), Bytes.wrap(new byte[r.nextInt(4)]));
                };
                if (o.length() > room) {
                    break;
                }
                options.add(o);
                room -= o.length();
            }
            TcpHeader h = TcpHeader.builder().sourcePort(r.nextInt(65536)).destinationPort(r.nextInt(65536))
                    .sequence(r.nextInt() & 0xffffffffL).acknowledgement(r.nextInt() & 0xffffffffL)
                    .reserved(r.nextInt(16)).flags(TcpFlags.of(r.nextInt(256))).window(r.nextInt(65536))
                    .urgentPointer(r.nextInt(65536)).options(options).build();
            byte[] payload = new byte[r.nextInt(3) == 0 ? 0 : r.nextInt(100)];
            r.nextBytes(payload);
            byte[] seg = TcpCodec.encode(h, payload, LO, LO);
            Pdu pdu = TcpCodec.dissect(seg, 0, seg.length, LO, LO, PayloadDissector.raw());
            assertThat(pdu.isMalformed()).as(h.toString()).isFalse();
            assertThat(Coverage.problems(pdu, 0, seg.length)).as(h.toString()).isEmpty();
            TcpHeader back = pdu.header(TcpHeader.class).orElseThrow();
            // Decoding adds an EOL where the zero padding begins, if the options leave any; nothing else changes.
            List<TcpOption> expected = new ArrayList<>(options);
            if (TcpOptions.length(options) % 4 != 0) {
                expected.add(EOL);
            }
            assertThat(back).isEqualTo(h.toBuilder().options(expected).checksum(back.checksum()).build());
            assertThat(TcpCodec.encode(back, payload, LO, LO, false, false)).isEqualTo(seg);
        }
    }
}
