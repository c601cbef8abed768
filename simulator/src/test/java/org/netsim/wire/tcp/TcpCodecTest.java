package org.netsim.wire.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.PayloadDissector;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.tcp.TcpOption.EndOfOptionList;
import org.netsim.wire.tcp.TcpOption.MaximumSegmentSize;
import org.netsim.wire.tcp.TcpOption.NoOperation;
import org.netsim.wire.tcp.TcpOption.Sack;
import org.netsim.wire.tcp.TcpOption.SackBlock;
import org.netsim.wire.tcp.TcpOption.SackPermitted;
import org.netsim.wire.tcp.TcpOption.Timestamps;
import org.netsim.wire.tcp.TcpOption.Unknown;
import org.netsim.wire.tcp.TcpOption.WindowScale;

/** TCP headers against real Linux segments (node-socketio-4.8.4-sessions.pcap, 127.0.0.1 port 44304 to 3107). */
class TcpCodecTest {
    static final Ipv4Address LOOPBACK = Ipv4Address.parse("127.0.0.1");

    /**
     * Frame 1, the client's SYN: ports ad10 0c23, seq d3dc31c2, ack 0, data offset 10 + SYN (a0 02), window ffd7,
     * checksum fe30, urgent 0, then MSS 65495 (02 04 ff d7), SACK permitted (04 02), timestamps (08 0a, TSval 42deebb1,
     * TSecr 0), NOP (01), window scale 10 (03 03 0a): Linux's order.
     */
    static final byte[] SYN = Bytes.ofHex("ad100c23d3dc31c200000000a002ffd7fe300000"
            + "0204ffd70402080a42deebb1000000000103030a").toArray();
    /** Frame 2, the server's SYN-ACK: MSS, SACK permitted, timestamps (echoing the SYN's TSval), NOP, window scale. */
    static final byte[] SYN_ACK = Bytes.ofHex("0c23ad1013027160d3dc31c3a012ffcbfe300000"
            + "0204ffd70402080ad00b01bc42deebb10103030a").toArray();
    /** Frame 4's header: PSH, ACK, window 64 (×1024), NOP NOP timestamps; 150 bytes of HTTP follow. */
    static final byte[] DATA_HEADER = Bytes.ofHex("ad100c23d3dc31c31302716180180040febe0000"
            + "0101080a42deebb4d00b01bc").toArray();

    @Test
    void realSynDecodesFieldByField() {
        TcpHeader h = TcpCodec.readHeader(SYN, 0, SYN.length);
        assertThat(h.sourcePort()).isEqualTo(44304);
        assertThat(h.destinationPort()).isEqualTo(3107);
        assertThat(h.sequence()).isEqualTo(0xd3dc31c2L);
        assertThat(h.acknowledgement()).isZero();
        assertThat(h.dataOffset()).isEqualTo(10);
        assertThat(h.headerLength()).isEqualTo(40);
        assertThat(h.flags()).isEqualTo(TcpFlags.SYN);
        assertThat(h.window()).isEqualTo(65495);
        assertThat(h.checksum()).isEqualTo(0xfe30);
        assertThat(h.urgentPointer()).isZero();
        assertThat(h.options()).containsExactly(new MaximumSegmentSize(65495), new SackPermitted(),
                new Timestamps(0x42deebb1L, 0), new NoOperation(), new WindowScale(10));
        assertThat(h.options()).isEqualTo(TcpOptions.linuxSyn(65495, 0x42deebb1L, 10));
    }

    @Test
    void realSynAndSynAckReencodeByteExact() {
        for (byte[] real : List.of(SYN, SYN_ACK, DATA_HEADER)) {
            TcpHeader h = TcpCodec.readHeader(real, 0, real.length);
            // the checksum as captured (see loopbackLeavesThePseudoHeaderSum...), not recomputed
            assertThat(TcpCodec.encode(h, new byte[0], LOOPBACK, LOOPBACK, true, false)).isEqualTo(real);
        }
        TcpHeader synAck = TcpCodec.readHeader(SYN_ACK, 0, SYN_ACK.length);
        assertThat(synAck.flags()).isEqualTo(TcpFlags.SYN_ACK);
        assertThat(synAck.acknowledgement()).isEqualTo(0xd3dc31c3L);
        assertThat(synAck.options()).isEqualTo(TcpOptions.linuxSynAck(65495, 0xd00b01bcL, 0x42deebb1L, 10));
        TcpHeader data = TcpCodec.readHeader(DATA_HEADER, 0, DATA_HEADER.length);
        assertThat(data.flags()).isEqualTo(TcpFlags.PSH_ACK);
        assertThat(data.options()).isEqualTo(TcpOptions.linuxTimestamps(0x42deebb4L, 0xd00b01bcL));
    }

    /**
     * Linux hands loopback segments over with CHECKSUM_PARTIAL: the field holds only the pseudo-header's sum (here
     * 7f00 + 0001 + 7f00 + 0001 + 0006 + 0028 = fe30), for a network card to finish. On the wire it would be wrong, so
     * the dissector says so; decoding goes on.
     */
    @Test
    void loopbackLeavesThePseudoHeaderSumInTheChecksumAndTheDissectorFlagsIt() {
        int pseudo = 0x7f00 + 0x0001 + 0x7f00 + 0x0001 + 6 + SYN.length;
        assertThat(pseudo).isEqualTo(0xfe30);
        Pdu p = dissect(SYN, PayloadDissector.raw());
        assertThat(p.isMalformed()).isFalse();
        Field sum = p.field("tcp.checksum").orElseThrow();
        int good = rfc1071(SYN, LOOPBACK, LOOPBACK);
        assertThat(sum.problem()).isEqualTo("checksum incorrect, should be 0x" + String.format("%04x", good));
        assertThat(sum.display()).isEqualTo("0xfe30 [incorrect]");
    }

    @Test
    void encodedChecksumAgreesWithAnIndependentRfc1071Sum() {
        Ipv4Address a = Ipv4Address.parse("192.168.1.2");
        Ipv4Address b = Ipv4Address.parse("192.168.1.1");
        for (int n : new int[] {0, 1, 2, 3, 21, 1460}) {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (i * 37 + 11);
            }
            TcpHeader h = TcpHeader.builder().sourcePort(60086).destinationPort(3000).sequence(0xfffffff0L)
                    .acknowledgement(7).flags(TcpFlags.PSH_ACK).window(502)
                    .options(TcpOptions.linuxTimestamps(1, 2)).build();
            byte[] seg = TcpCodec.encode(h, payload, a, b);
            int field = ((seg[16] & 0xff) << 8) | (seg[17] & 0xff);
            seg[16] = 0;
            seg[17] = 0;
            assertThat(field).as("payload of %d bytes", n).isEqualTo(rfc1071(seg, a, b));
            seg[16] = (byte) (field >>> 8);
            seg[17] = (byte) field;
            assertThat(dissect(seg, a, b, PayloadDissector.raw()).field("tcp.checksum").orElseThrow().problem())
                    .isNull();
        }
    }

    /** RFC 1071 written out plainly: 16-bit words, end-around carry, complement; pseudo-header of RFC 9293 §3.1. */
    private static int rfc1071(byte[] segment, Ipv4Address src, Ipv4Address dst) {
        long sum = (src.value() >>> 16) + (src.value() & 0xffff) + (dst.value() >>> 16) + (dst.value() & 0xffff)
                + 6 + segment.length;
        for (int i = 0; i < segment.length; i += 2) {
            if (i == 16) {
                continue; // the checksum field counts as zero
            }
            int hi = segment[i] & 0xff;
            int lo = i + 1 < segment.length ? segment[i + 1] & 0xff : 0;
            sum += (hi << 8) | lo;
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) (~sum & 0xffff);
    }

    @Test
    void everyOptionKindRoundTrips() {
        List<TcpOption> options = List.of(new MaximumSegmentSize(1460), new NoOperation(), new WindowScale(7),
                new SackPermitted(), new Sack(List.of(new SackBlock(1000, 2000))),
                new Timestamps(0xffffffffL, 1), new Unknown(30, Bytes.ofHex("0102")), new EndOfOptionList());
        TcpHeader h = TcpHeader.builder().sourcePort(1).destinationPort(2).flags(TcpFlags.ACK).options(options)
                .build();
        byte[] seg = TcpCodec.encode(h, new byte[0], LOOPBACK, LOOPBACK);
        // 4 + 1 + 3 + 2 + 10 + 10 + 4 + 1 = 35 bytes of options, padded to 36 (40 is the most a header holds)
        assertThat(seg).hasSize(56);
        TcpHeader back = TcpCodec.readHeader(seg, 0, seg.length);
        assertThat(back.options()).isEqualTo(options);
        assertThat(TcpCodec.encode(back, new byte[0], LOOPBACK, LOOPBACK)).isEqualTo(seg);
        Pdu p = dissect(seg, PayloadDissector.raw());
        assertThat(p.summary()).isEqualTo("1 → 2 [ACK] Seq=0 Ack=0 Win=0 Len=0 MSS=1460 WS=128 SACK_PERM "
                + "SLE=1000 SRE=2000 TSval=4294967295 TSecr=1");
    }

    @Test
    void twoSackBlocksFitBesideTimestamps() {
        List<TcpOption> options = List.of(new NoOperation(), new NoOperation(), new Timestamps(5, 6), new NoOperation(),
                new NoOperation(), new Sack(List.of(new SackBlock(1000, 2000), new SackBlock(3000, 4000))));
        TcpHeader h = TcpHeader.builder().sourcePort(1).destinationPort(2).flags(TcpFlags.ACK).options(options)
                .build();
        byte[] seg = TcpCodec.encode(h, new byte[0], LOOPBACK, LOOPBACK);
        assertThat(seg).hasSize(52);
        assertThat(TcpCodec.readHeader(seg, 0, seg.length).options()).isEqualTo(options);
    }

    @Test
    void flagsReadAsTsharkListsThem() {
        assertThat(TcpFlags.SYN_ACK.label()).isEqualTo("[SYN, ACK]");
        assertThat(TcpFlags.of(0xff).label()).isEqualTo("[FIN, SYN, RST, PSH, ACK, URG, ECE, CWR]");
        assertThat(TcpFlags.NONE.label()).isEqualTo("[<None>]");
        for (int bits = 0; bits < 256; bits++) {
            assertThat(TcpFlags.of(bits).bits()).isEqualTo(bits);
        }
    }

    @Test
    void payloadGoesToTheDissectorAtItsOffsetInTheFrame() {
        byte[] frame = new byte[10 + DATA_HEADER.length + 5];
        System.arraycopy(DATA_HEADER, 0, frame, 10, DATA_HEADER.length);
        byte[] payload = "hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(payload, 0, frame, 10 + DATA_HEADER.length, 5);
        List<int[]> seen = new ArrayList<>();
        Pdu p = TcpCodec.dissect(frame, 10, frame.length - 10, LOOPBACK, LOOPBACK, (h, b, o, l) -> {
            seen.add(new int[] {o, l});
            return List.of(Pdu.data(b, o, l));
        });
        assertThat(seen).singleElement().isEqualTo(new int[] {42, 5});
        assertThat(Coverage.problems(p, 10, frame.length - 10)).isEmpty();
        assertThat(p.summary()).startsWith("44304 → 3107 [PSH, ACK] Seq=3554423235 Ack=318927201 Win=64 Len=5");
    }

    @Test
    void malformedHeadersSayWhyAndWhere() {
        assertMalformed(Arrays.copyOf(SYN, 12), "truncated: 12 bytes, the TCP header needs 20", 12);
        // data offset and the reserved bits fill byte 12, so it is owned
        assertMalformed(Arrays.copyOf(SYN, 13), "truncated: 13 bytes, the TCP header needs 20", 13);
        assertMalformed(new byte[0], "truncated: 0 bytes, the TCP header needs 20", 0);

        byte[] low = SYN.clone();
        low[12] = 0x40;
        assertMalformed(low, "data offset 4 is below the minimum of 5", 20);
        byte[] high = Arrays.copyOf(SYN, 30);
        assertMalformed(high, "header length 40 (data offset 10) exceeds the 30 bytes available", 20);

        byte[] zeroLength = SYN.clone();
        zeroLength[21] = 0; // MSS with length 0
        assertMalformed(zeroLength, "option MSS has length 0, expected 4", 20);
        byte[] unknownOne = SYN.clone();
        unknownOne[20] = 30;
        unknownOne[21] = 1;
        assertMalformed(unknownOne, "option kind 30 has length 1, below the minimum of 2", 20);
        byte[] pastEnd = SYN.clone();
        pastEnd[37] = 30; // the window scale option becomes kind 30 with length 3: fits; make it longer
        pastEnd[38] = 9;
        assertMalformed(pastEnd, "option runs past the end of the header", 37);
        byte[] badSack = SYN.clone();
        badSack[20] = 5;
        badSack[21] = 4;
        assertMalformed(badSack, "option SACK has length 4, expected 10, 18, 26 or 34", 20);

        for (int n = 0; n <= SYN.length; n++) {
            byte[] cut = Arrays.copyOf(SYN, n);
            dissect(cut, PayloadDissector.raw());
            TcpCodec.readHeader(cut, 0, n);
        }
        assertThat(TcpCodec.readHeader(low, 0, low.length)).isNull();
        assertThat(TcpCodec.readHeader(high, 0, high.length)).isNull();
    }

    private static void assertMalformed(byte[] seg, String reason, int at) {
        Pdu p = dissect(seg, PayloadDissector.raw());
        assertThat(p.protocol()).isEqualTo(Protocol.TCP);
        assertThat(p.isMalformed()).as(reason).isTrue();
        assertThat(p.malformed().reason()).isEqualTo(reason);
        assertThat(p.malformed().offset()).isEqualTo(at);
    }

    private static Pdu dissect(byte[] seg, PayloadDissector<TcpHeader> payload) {
        return dissect(seg, LOOPBACK, LOOPBACK, payload);
    }

    private static Pdu dissect(byte[] seg, Ipv4Address src, Ipv4Address dst, PayloadDissector<TcpHeader> payload) {
        Pdu p = TcpCodec.dissect(seg, 0, seg.length, src, dst, payload);
        assertThat(Coverage.problems(p, 0, seg.length)).isEmpty();
        return p;
    }
}
