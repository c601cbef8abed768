package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.stack.StackDissectorReassemblyTest.notes;
import static org.netsim.stack.StackDissectorReassemblyTest.role;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.random.SeededRandom;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/**
 * The rules of reassembly on segments cut by hand: a head cut before its length is known, several messages in one
 * segment, a header cut after one byte, segments out of order or sent twice, and sequence numbers that wrap.
 */
class SegmentStreamTest {
    private static final Ipv4Address CLIENT = Ipv4Address.parse("192.168.1.2");
    private static final Ipv4Address SERVER = Ipv4Address.parse("192.168.1.1");

    /** A client's segment to the server with {@code payload} at sequence number {@code seq}. */
    static byte[] segment(long seq, byte[] payload) {
        TcpHeader tcp = TcpHeader.builder().sourcePort(40000).destinationPort(3000).sequence(seq & 0xffffffffL)
                .acknowledgement(1).flags(TcpFlags.PSH_ACK).window(502).build();
        Ipv4Header ip = Ipv4Header.builder().identification(1).dontFragment(true).ttl(64).protocol(IpProtocol.TCP)
                .source(CLIENT).destination(SERVER).build();
        return Encapsulation.ethernetFrame(new EthernetHeader(MacAddress.parse("02:00:00:00:00:01"),
                MacAddress.parse("02:00:00:00:00:02"), EtherType.IPV4), ip, tcp, payload, false);
    }

    /** {@code bytes} cut at {@code cuts}, from sequence number {@code seq}: one segment each. */
    static List<byte[]> cut(long seq, byte[] bytes, int... cuts) {
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        for (int c : cuts) {
            out.add(segment(seq + from, Arrays.copyOfRange(bytes, from, c)));
            from = c;
        }
        out.add(segment(seq + from, Arrays.copyOfRange(bytes, from, bytes.length)));
        return out;
    }

    static byte[] ws(String event, String arg) {
        return Encapsulation.webSocket(SocketIoPacket.event("/", event, arg), new SeededRandom(9));
    }

    /** Dissects {@code frames} in order, all known ahead; every byte owned, nothing malformed. */
    static List<Pdu> dissect(List<byte[]> frames) {
        StackDissector d = new StackDissector(StackDissectorReassemblyTest.known(frames));
        List<Pdu> out = new ArrayList<>();
        for (byte[] f : frames) {
            Pdu p = d.dissect(f);
            StackDissectorReassemblyTest.assertEveryByteOwned(p, f);
            out.add(p);
        }
        return out;
    }

    static String event(Pdu p) {
        return p.findAll(Protocol.SOCKETIO).stream().map(s -> s.header(SocketIoPacket.class).orElseThrow())
                .map(s -> s.event() + "=" + s.data().get(1).asText().length()).toList().toString();
    }

    @Test
    void anHttpRequestWhoseHeadIsCutIsHeldUntilItsLengthIsKnownThenNamesWhereItEnds() {
        String body = "4" + "2[\"up\",\"" + "x".repeat(3000) + "\"]";
        byte[] post = ("POST /socket.io/?EIO=4&transport=polling&t=a&sid=s HTTP/1.1\r\nHost: h\r\n"
                + "Content-type: text/plain;charset=UTF-8\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
        List<Pdu> ps = dissect(cut(1000, post, 20, 1500, 2900));
        assertThat(ps.get(0).field("tcp.segment_data")).isEmpty();
        Pdu first = notes(ps.get(0)).get(0);
        assertThat(first.field("tcp.segment_data").orElseThrow().display()).isEqualTo("20 bytes: bytes 0–19 of an "
                + "HTTP request whose first bytes do not say its length yet; where it ends is looked for once its "
                + "length is known");
        // its length is known from the second segment on, and so is the frame that completes it
        assertThat(role(notes(ps.get(1)).get(0)).reassembledIn()).isEqualTo("frame 4");
        assertThat(role(notes(ps.get(2)).get(0)).reassembledIn()).isEqualTo("frame 4");
        Pdu opener = notes(ps.get(3)).get(0);
        assertThat(opener.source().length()).isEqualTo(post.length);
        assertThat(opener.source().pieces()).extracting(p -> p.frame() + ":" + p.length()).containsExactly(
                "frame 1:20", "frame 2:1480", "frame 3:1400", "frame 4:" + (post.length - 2900));
        assertThat(opener.children().get(0).header(HttpMessage.class).orElseThrow().method()).isEqualTo("POST");
        assertThat(event(ps.get(3))).isEqualTo("[up=3000]");
    }

    @Test
    void aSegmentEndsOneFrameCarriesAnotherWholeAndBeginsAThirdAndAHeaderCutAfterOneByteWaits() {
        byte[] a = ws("a", "1".repeat(2000));
        byte[] b = ws("b", "2");
        byte[] c = ws("c", "3".repeat(500));
        byte[] stream = concat(ws("hello", "x"), a, b, c);
        int start = ws("hello", "x").length;
        // a's last bytes, b and c's first byte in one segment; c's other bytes in the next
        int cut2 = start + a.length + b.length + 1;
        List<Pdu> ps = dissect(cut(7, stream, start, start + 1000, cut2));
        assertThat(event(ps.get(0))).isEqualTo("[hello=1]");
        List<Pdu> third = ps.get(2).find(Protocol.TCP).orElseThrow().children();
        assertThat(third).extracting(p -> p.protocol() + " " + p.header(Reassembly.class).map(r -> r.role().name())
                .orElse("")).containsExactly("TCP COMPLETED", "WEBSOCKET ", "TCP SEGMENT");
        assertThat(event(ps.get(2))).isEqualTo("[a=2000, b=1]");
        // one byte says nothing of the frame's length: no frame named yet
        Pdu oneByte = third.get(2);
        assertThat(role(oneByte)).isEqualTo(new Reassembly(Reassembly.Role.SEGMENT, "WebSocket frame", -1, null));
        assertThat(oneByte.length()).isEqualTo(1);
        assertThat(notes(ps.get(3)).get(0).source().pieces()).extracting(p -> p.frame() + ":" + p.length())
                .containsExactly("frame 3:1", "frame 4:" + (c.length - 1));
        assertThat(event(ps.get(3))).isEqualTo("[c=500]");
    }

    @Test
    void aSegmentOutOfOrderIsAGapAndTheOneThatArrivesLateIsNotJoinedAgain() {
        byte[] big = ws("big", "z".repeat(5000));
        byte[] after = ws("after", "y");
        byte[] hello = ws("hello", "x");
        byte[] stream = concat(hello, big, after);
        int h = hello.length;
        List<byte[]> inOrder = cut(50, stream, h, h + 1448, h + 2896, h + 4344, h + big.length);
        // the capture saw the third segment of the big frame before the second
        List<byte[]> frames = List.of(inOrder.get(0), inOrder.get(1), inOrder.get(3), inOrder.get(2), inOrder.get(4),
                inOrder.get(5));
        List<Pdu> ps = dissect(frames);
        assertThat(notes(ps.get(1)).get(0).field("tcp.segment_data").orElseThrow().display()).endsWith("; never "
                + "completed here: frame 3 comes after a gap in the sequence numbers, and segments are not joined "
                + "across one");
        assertThat(notes(ps.get(2))).extracting(p -> role(p).role()).containsExactly(Reassembly.Role.NOT_REASSEMBLED,
                Reassembly.Role.INCOMPLETE);
        assertThat(notes(ps.get(3))).extracting(p -> role(p).role()).containsExactly(Reassembly.Role.RETRANSMITTED);
        assertThat(notes(ps.get(3)).get(0).fields().get(0).display()).contains("bytes of the WebSocket frame begun "
                + "in frame 2 and left incomplete by a gap before frame 3: not joined again");
        assertThat(notes(ps.get(4))).extracting(p -> role(p).role()).containsExactly(Reassembly.Role.INCOMPLETE);
        // the message after it is found exactly where it starts
        assertThat(event(ps.get(5))).isEqualTo("[after=1]");
        assertThat(ps).noneMatch(p -> event(p).contains("big"));
    }

    @Test
    void aWholeMessageSentTwiceIsDecodedAgainAndSaysItIsARetransmission() {
        byte[] hello = ws("hello", "x");
        byte[] chat = ws("chat", "hi");
        List<byte[]> frames = new ArrayList<>(cut(0xffff_fff0L, concat(hello, chat), hello.length));
        frames.add(frames.get(1));
        List<Pdu> ps = dissect(frames);
        assertThat(event(ps.get(2))).isEqualTo("[chat=2]");
        Pdu note = notes(ps.get(2)).get(0);
        assertThat(role(note).role()).isEqualTo(Reassembly.Role.RETRANSMITTED);
        assertThat(note.length()).isZero();
        assertThat(note.fields().get(0).display()).contains("the WebSocket frame read in frame 2; decoded again on "
                + "their own");
    }

    @Test
    void sequenceNumbersThatWrapAroundDoNotBreakTheJoin() {
        byte[] hello = ws("hello", "x");
        byte[] big = ws("big", "w".repeat(4000));
        // the big frame's bytes straddle sequence number 2^32 - 1 → 0
        List<Pdu> ps = dissect(cut(0x1_0000_0000L - hello.length - 2000, concat(hello, big), hello.length,
                hello.length + 1448, hello.length + 2896));
        assertThat(event(ps.get(3))).isEqualTo("[big=4000]");
        assertThat(role(notes(ps.get(1)).get(0)).reassembledIn()).isEqualTo("frame 4");
    }

    static byte[] concat(byte[]... parts) {
        return org.netsim.pdu.Bytes.join(parts);
    }

    @Test
    void coverageStillFindsGapsInTheFrame() {
        byte[] f = segment(1, ws("x", "y"));
        Pdu p = new StackDissector().dissect(f);
        assertThat(Coverage.problems(p, 0, f.length + 1)).containsExactly("gap: bits [" + f.length * 8 + ", "
                + (f.length + 1) * 8 + ") at the end");
    }
}
