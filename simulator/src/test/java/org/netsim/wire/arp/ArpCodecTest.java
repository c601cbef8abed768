package org.netsim.wire.arp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Bytes;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.random.SeededRandom;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

class ArpCodecTest {
    static final MacAddress MAC1 = MacAddress.parse("02:00:00:00:00:01");
    static final MacAddress MAC2 = MacAddress.parse("02:00:00:00:00:02");
    static final Ipv4Address IP1 = Ipv4Address.parse("192.168.1.1");
    static final Ipv4Address IP2 = Ipv4Address.parse("192.168.1.2");

    /*
     * Checked by hand against RFC 826's packet format and against tshark 4.0 (in a frame of EtherType 0x0806):
     * ar$hrd 0001 (Ethernet), ar$pro 0800 (IPv4), ar$hln 06, ar$pln 04, ar$op 0001 (request), ar$sha 02:00:00:00:00:02,
     * ar$spa c0a80102 = 192.168.1.2, ar$tha zeros, ar$tpa c0a80101 = 192.168.1.1. tshark: "Who has 192.168.1.1? Tell
     * 192.168.1.2".
     */
    static final String REQUEST_HEX = "0001 0800 06 04 0001 020000000002 c0a80102 000000000000 c0a80101";
    /*
     * The answer: ar$op 0002, sender and target swapped as RFC 826 says ("Swap hardware and protocol fields, putting
     * the local hardware and protocol addresses in the sender fields"). tshark: "192.168.1.1 is at 02:00:00:00:00:01".
     */
    static final String REPLY_HEX = "0001 0800 06 04 0002 020000000001 c0a80101 020000000002 c0a80102";

    static byte[] hex(String h) {
        return Bytes.ofHex(h).toArray();
    }

    static Pdu dissect(byte[] b) {
        Pdu pdu = ArpCodec.dissect(b, 0, b.length);
        assertThat(Coverage.problems(pdu, 0, pdu.length())).isEmpty();
        return pdu;
    }

    @Test
    void requestEncodesToTheHandCheckedBytes() {
        ArpPacket request = ArpPacket.request(MAC2, IP2, IP1);
        assertThat(request.targetMac()).isEqualTo(MacAddress.ZERO);
        assertThat(request.isRequest()).isTrue();
        assertThat(request.isReply()).isFalse();
        assertThat(ArpCodec.encode(request)).hasSize(28).isEqualTo(hex(REQUEST_HEX));
        assertThat(request).hasToString("Who has 192.168.1.1? Tell 192.168.1.2");
    }

    @Test
    void replyEncodesToTheHandCheckedBytes() {
        ArpPacket reply = ArpPacket.reply(MAC1, IP1, MAC2, IP2);
        assertThat(reply.operation()).isEqualTo(ArpPacket.REPLY);
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.isRequest()).isFalse();
        assertThat(ArpCodec.encode(reply)).isEqualTo(hex(REPLY_HEX));
        assertThat(reply).hasToString("192.168.1.1 is at 02:00:00:00:00:01");
    }

    @Test
    void decodeReadsWhatEncodeWrote() {
        assertThat(ArpCodec.decode(hex(REQUEST_HEX), 0, 28)).isEqualTo(ArpPacket.request(MAC2, IP2, IP1));
        SeededRandom r = new SeededRandom(826);
        for (int i = 0; i < 500; i++) {
            ArpPacket p = new ArpPacket(i < 250 ? 1 + (i & 1) : r.nextInt(0x10000),
                    new MacAddress(r.nextLong() & 0xffff_ffff_ffffL), new Ipv4Address((int) r.nextLong()),
                    new MacAddress(r.nextLong() & 0xffff_ffff_ffffL), new Ipv4Address((int) r.nextLong()));
            byte[] bytes = ArpCodec.encode(p);
            // inside a larger buffer, followed by padding, as an Ethernet frame carries it
            byte[] frame = new byte[14 + 46];
            System.arraycopy(bytes, 0, frame, 14, bytes.length);
            assertThat(ArpCodec.decode(frame, 14, 46)).isEqualTo(p);
            Pdu pdu = ArpCodec.dissect(frame, 14, 46);
            assertThat(pdu.isMalformed()).isFalse();
            assertThat(pdu.header(ArpPacket.class)).contains(p);
            assertThat(pdu.summary()).isEqualTo(p.toString());
            assertThat(pdu.offset()).isEqualTo(14);
            assertThat(pdu.end()).isEqualTo(42);
            assertThat(Coverage.problems(pdu, 14, 28)).isEmpty();
        }
    }

    @Test
    void everyFieldHasItsPlaceValueDisplayAndExplanation() {
        Pdu pdu = dissect(hex(REQUEST_HEX));
        assertThat(pdu.protocol()).isEqualTo(Protocol.ARP);
        assertThat(pdu.summary()).isEqualTo("Who has 192.168.1.1? Tell 192.168.1.2");
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("arp.hw.type", "arp.proto.type",
                "arp.hw.size", "arp.proto.size", "arp.opcode", "arp.src.hw_mac", "arp.src.proto_ipv4",
                "arp.dst.hw_mac", "arp.dst.proto_ipv4");
        // as tshark -V shows them (it writes the zero MAC as "00:00:00_00:00:00", its OUI name resolution)
        assertThat(pdu.fields()).extracting(Field::toString).containsExactly("Hardware type: Ethernet (1)",
                "Protocol type: IPv4 (0x0800)", "Hardware size: 6", "Protocol size: 4", "Opcode: request (1)",
                "Sender MAC address: 02:00:00:00:00:02", "Sender IP address: 192.168.1.2",
                "Target MAC address: 00:00:00:00:00:00", "Target IP address: 192.168.1.1");
        assertThat(pdu.fields()).extracting(Field::bitOffset).containsExactly(0L, 16L, 32L, 40L, 48L, 64L, 112L, 144L,
                192L);
        assertThat(pdu.fields()).extracting(Field::value).containsExactly(1L, 0x0800L, 6L, 4L, 1L, 0x020000000002L,
                0xc0a80102L, 0L, 0xc0a80101L);
        for (Field f : pdu.fields()) {
            assertThat(f.explanation()).as(f.key()).isNotBlank();
            assertThat(f.spec().reference()).as(f.key()).startsWith("RFC 826");
            assertThat(f.problem()).as(f.key()).isNull();
        }
        // the fields tile the 28 bytes: each starts where the one before ends
        long at = 0;
        for (var s : ArpLayout.FIELDS) {
            assertThat(s.bitOffset()).as(s.key()).isEqualTo(at);
            at += s.bitLength();
        }
        assertThat(at).isEqualTo(ArpLayout.LENGTH * 8);
    }

    @Test
    void infoLinesAreWiresharks() {
        MacAddress ff = MacAddress.BROADCAST;
        Ipv4Address any = Ipv4Address.ANY;
        // each expected line is what tshark 4.0 printed for the same 28 bytes in an ARP frame
        assertThat(ArpPacket.request(MAC2, any, IP1)).hasToString("Who has 192.168.1.1? (ARP Probe)");
        assertThat(new ArpPacket(1, MAC2, any, ff, IP1)).hasToString("Who has 192.168.1.1? Tell 0.0.0.0");
        assertThat(ArpPacket.request(MAC2, IP1, IP1)).hasToString("ARP Announcement for 192.168.1.1");
        assertThat(new ArpPacket(1, MAC2, IP1, ff, IP1)).hasToString("Gratuitous ARP for 192.168.1.1 (Request)");
        assertThat(ArpPacket.reply(MAC2, IP1, ff, IP1)).hasToString("Gratuitous ARP for 192.168.1.1 (Reply)");
        assertThat(new ArpPacket(3, MAC1, IP1, MAC2, IP2)).hasToString(
                "Who is 02:00:00:00:00:02? Tell 02:00:00:00:00:01");
        assertThat(new ArpPacket(4, MAC1, IP1, MAC2, IP2)).hasToString("02:00:00:00:00:02 is at 192.168.1.2");
        assertThat(new ArpPacket(8, MAC1, IP1, MAC2, IP2)).hasToString(
                "Who is 02:00:00:00:00:02? Tell 02:00:00:00:00:01");
        assertThat(new ArpPacket(9, MAC1, IP1, MAC2, IP2)).hasToString("02:00:00:00:00:01 is at 192.168.1.1");
        // here the wording is ours (tshark: "ARP NAK", "Unknown ARP opcode 0x001a")
        assertThat(new ArpPacket(10, MAC1, IP1, MAC2, IP2)).hasToString("Opcode 10 (arp nak)");
        assertThat(new ArpPacket(26, MAC1, IP1, MAC2, IP2)).hasToString("Opcode 26 (Unknown)");
    }

    @Test
    void packetRejectsWhatTheWireCannotCarry() {
        assertThatThrownBy(() -> new ArpPacket(0x10000, MAC1, IP1, MAC2, IP2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArpPacket(-1, MAC1, IP1, MAC2, IP2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArpPacket.request(null, IP1, IP2)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void otherOpcodesAreNotMalformed() {
        byte[] b = hex(REQUEST_HEX);
        b[7] = 3;
        Pdu pdu = dissect(b);
        assertThat(pdu.isMalformed()).isFalse();
        assertThat(pdu.field("arp.opcode").orElseThrow().display()).isEqualTo("reverse request (3)");
        assertThat(ArpCodec.decode(b, 0, b.length).operation()).isEqualTo(3);
    }

    @Test
    void everyTruncationIsMalformedWithTheFieldsThatAreThere() {
        byte[] full = hex(REQUEST_HEX);
        for (int len = 0; len < 28; len++) {
            int available = len;
            Pdu pdu = ArpCodec.dissect(full, 0, len);
            assertThat(pdu.malformed().reason()).as("len " + len)
                    .isEqualTo("truncated: " + len + " bytes, an Ethernet/IPv4 ARP packet has 28");
            assertThat(Coverage.problems(pdu, 0, len)).as("len " + len).isEmpty();
            assertThat(pdu.header()).isNull();
            assertThat(ArpCodec.decode(full, 0, len)).isNull();
            int wholeFields = (int) ArpLayout.FIELDS.stream().filter(s -> s.endByte() <= available).count();
            assertThat(pdu.fields().stream().filter(f -> !f.key().equals("arp.malformed")).count())
                    .as("len " + len).isEqualTo(wholeFields);
        }
        // cut inside the target MAC: sender fields shown, decoding stops after the sender IP at byte 18
        Pdu cut = dissect(java.util.Arrays.copyOf(full, 20));
        assertThat(cut.malformed().offset()).isEqualTo(18);
        assertThat(cut.field("arp.src.proto_ipv4").orElseThrow().display()).isEqualTo("192.168.1.2");
        assertThat(cut.field("arp.dst.hw_mac")).isEmpty();
        Field rest = cut.field("arp.malformed").orElseThrow();
        assertThat(rest.byteStart()).isEqualTo(18);
        assertThat(rest.byteEnd()).isEqualTo(20);
        assertThat(cut.summary()).isEqualTo("request (1), malformed");
    }

    @Test
    void wrongHardwareTypeShowsEveryFieldAndStopsAtIt() {
        byte[] b = hex(REQUEST_HEX);
        b[1] = 6; // IEEE 802 networks: same lengths, so the addresses are where they would be
        Pdu pdu = dissect(b);
        assertThat(pdu.malformed().reason()).isEqualTo("hardware type 6 is not Ethernet (1)");
        assertThat(pdu.malformed().offset()).isZero();
        assertThat(pdu.fields()).hasSize(9);
        assertThat(pdu.field("arp.hw.type").orElseThrow().problem()).isEqualTo("hardware type 6 is not Ethernet (1)");
        assertThat(pdu.header()).isNull();
        assertThat(pdu.summary()).isEqualTo("Who has 192.168.1.1? Tell 192.168.1.2");
        assertThat(ArpCodec.decode(b, 0, b.length)).isNull();
    }

    @Test
    void wrongProtocolTypeIsMalformedAtItsOffset() {
        byte[] b = hex(REQUEST_HEX);
        b[2] = (byte) 0x86;
        b[3] = (byte) 0xdd;
        Pdu pdu = dissect(b);
        assertThat(pdu.malformed().reason()).isEqualTo("protocol type 0x86dd is not IPv4 (0x0800)");
        assertThat(pdu.malformed().offset()).isEqualTo(2);
        assertThat(pdu.field("arp.proto.type").orElseThrow().display()).isEqualTo("IPv6 (0x86dd)");
        assertThat(ArpCodec.decode(b, 0, b.length)).isNull();
    }

    @Test
    void wrongLengthsLeaveTheAddressesUndecodedAsFarAsTheLengthsClaim() {
        // hardware length 8: the addresses take 2 × (8 + 4) = 24 bytes after the first 8, ending at byte 32
        byte[] b = java.util.Arrays.copyOf(hex(REQUEST_HEX), 46);
        b[4] = 8;
        Pdu pdu = ArpCodec.dissect(b, 0, 46);
        assertThat(pdu.malformed().reason())
                .isEqualTo("hardware address length 8 is not 6, the length of an Ethernet MAC address");
        assertThat(pdu.malformed().offset()).isEqualTo(8);
        assertThat(pdu.fields()).extracting(Field::key).containsExactly("arp.hw.type", "arp.proto.type",
                "arp.hw.size", "arp.proto.size", "arp.opcode", "arp.malformed");
        assertThat(pdu.end()).isEqualTo(32);
        assertThat(Coverage.problems(pdu, 0, 32)).isEmpty();
        assertThat(ArpCodec.decode(b, 0, 46)).isNull();

        // IPv6 addresses (16 bytes) would need 8 + 2 × 22 = 52 bytes: the undecodable field stops at the end
        b[2] = (byte) 0x86;
        b[3] = (byte) 0xdd;
        b[4] = 6;
        b[5] = 16;
        Pdu v6 = ArpCodec.dissect(b, 0, 46);
        assertThat(v6.malformed().reason()).isEqualTo("protocol type 0x86dd is not IPv4 (0x0800); protocol address "
                + "length 16 is not 4, the length of an IPv4 address; truncated: the addresses at these lengths end "
                + "at byte 52 of the packet, only 46 bytes are there");
        assertThat(Coverage.problems(v6, 0, 46)).isEmpty();
    }

    @Test
    void garbageNeverThrowsAndEveryByteHasOneOwner() {
        SeededRandom r = new SeededRandom(1982);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[r.nextInt(60)];
            r.nextBytes(b);
            if (b.length >= 6 && (i & 1) == 0) {
                // half of them with plausible types and lengths, so the deeper paths are reached
                System.arraycopy(hex("0001 0800 0604"), 0, b, 0, 6);
            }
            Pdu pdu = ArpCodec.dissect(b, 0, b.length);
            assertThat(Coverage.problems(pdu, 0, pdu.length())).isEmpty();
            assertThat(pdu.end()).isLessThanOrEqualTo(b.length);
            assertThat(pdu.isMalformed()).isEqualTo(ArpCodec.decode(b, 0, b.length) == null);
        }
        assertThat(List.of(ArpCodec.dissect(new byte[0], 0, 0).malformed().reason()))
                .containsExactly("truncated: 0 bytes, an Ethernet/IPv4 ARP packet has 28");
    }
}
