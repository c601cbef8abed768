package org.netsim.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.stack.FrameContext;
import org.netsim.stack.Reassembly;
import org.netsim.stack.StackDissector;
import org.netsim.wire.http.HttpMessage;
import org.netsim.wire.socketio.SocketIoPacket;

/**
 * Messages longer than one segment in a simulated run, as the inspector decodes its frames: the segments name the
 * event whose frame completes them ("reassembled in event 312", the event list's numbering), and that frame carries
 * the message reassembled. Over long-polling (an HTTP body of 5,000 characters each way) and across a segment the link
 * loses and TCP sends again. (A client first polls, and an emit made before the upgrade goes in a POST.)
 */
class TimelineReassemblyTest {

    private static final String HOSTS = """
            hosts:
              - {name: server, ip: 192.168.1.1/24}
              - {name: alice, ip: 192.168.1.2/24}
            switches:
              - {name: switch}
            """;

    static ScenarioRun run(String yaml) {
        return ScenarioRunner.run(ScenarioFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "test.yaml"));
    }

    /** A reassembly PDU of a frame's TCP payload, and the event it was seen at (its frame's first). */
    record Seen(TimelineEvent event, Pdu frame, Pdu pdu) {
        Reassembly reassembly() {
            return pdu.header(Reassembly.class).orElseThrow();
        }
    }

    /** Every reassembly PDU of the frames their hosts sent, at the sender's TCP event; every frame checked whole. */
    static List<Seen> sent(Timeline t) {
        List<Seen> out = new ArrayList<>();
        for (TimelineEvent e : t.events()) {
            if (e.direction() == Direction.STATE) {
                continue;
            }
            Pdu whole = e.wholePdu();
            assertThat(whole.firstMalformed()).as(e.toString()).isEmpty();
            if (e.unit() instanceof Unit.Frame f) {
                assertThat(Coverage.problems(whole, 0, f.bytes().length)).as(e.toString()).isEmpty();
                if (e.direction() == Direction.DOWN && e.protocol() == Protocol.TCP) {
                    Pdu tcp = whole.find(Protocol.TCP).orElseThrow();
                    for (Pdu c : tcp.children()) {
                        if (c.header() instanceof Reassembly) {
                            out.add(new Seen(e, whole, c));
                        }
                    }
                }
            } else if (e.unit() instanceof Unit.Hop h) {
                assertThat(Coverage.problems(whole, 0, StackDissector.onWire(h.frame().bytes()).length))
                        .as(e.toString()).isEmpty();
            }
        }
        return out;
    }

    @Test
    void aPollingBodyOverSeveralSegmentsIsReassembledAndItsSegmentsNameTheEventThatCompletesIt() {
        Timeline t = run("name: polling upload\nseed: 5\n" + HOSTS + """
                links:
                  - {name: lan1, between: [server, switch]}
                  - {name: lan2, between: [alice, switch]}
                server:
                  host: server
                  on:
                    - {event: upload, emit: socket.emit}
                clients:
                  - {host: alice}
                script:
                  - {at: 1ms, client: alice, emit: upload, args: [{"$repeat": ["0123456789", 500]}]}
                  - {at: 2s, client: alice, disconnect: true}
                """).timeline();
        List<Seen> seen = sent(t);
        List<Seen> completed = seen.stream().filter(s -> s.reassembly().role() == Reassembly.Role.COMPLETED).toList();
        // the POST that carries the upload, and the answer to a poll that carries it back
        assertThat(completed).extracting(s -> s.reassembly().message()).containsExactly("HTTP request",
                "HTTP response");
        for (Seen c : completed) {
            Pdu http = c.pdu().children().get(0);
            HttpMessage m = http.header(HttpMessage.class).orElseThrow();
            assertThat(m.isRequest() ? m.method() : String.valueOf(m.status())).isEqualTo(m.isRequest() ? "POST"
                    : "200");
            assertThat(http.offset()).isZero();
            assertThat(http.end()).isEqualTo(c.pdu().source().length());
            SocketIoPacket sio = http.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class).orElseThrow();
            assertThat(sio.event()).isEqualTo("upload");
            assertThat(sio.data().get(1).asText()).isEqualTo("0123456789".repeat(500));
            assertThat(c.reassembly().reassembledIn()).isEqualTo("event " + c.event().index());
            // every segment before it names this event, and is named among the pieces it was joined from
            List<String> pieces = c.pdu().source().pieces().stream().map(DataSource.Piece::frame).toList();
            List<Seen> earlier = seen.stream().filter(s -> s.reassembly().role() == Reassembly.Role.SEGMENT
                    && ("event " + c.event().index()).equals(s.reassembly().reassembledIn())).toList();
            assertThat(earlier).isNotEmpty();
            assertThat(pieces).hasSize(earlier.size() + 1).last().isEqualTo("event " + c.event().index());
            assertThat(pieces.subList(0, earlier.size())).containsExactlyElementsOf(earlier.stream()
                    .map(s -> "event " + s.event().index()).toList());
            for (Seen s : earlier) {
                assertThat(s.pdu().field("tcp.reassembled_in").orElseThrow().display())
                        .isEqualTo("event " + c.event().index());
                assertThat(s.pdu().field("tcp.segment_data").orElseThrow().display())
                        .endsWith("-byte " + c.reassembly().message());
            }
        }
        assertThat(seen).allMatch(s -> s.reassembly().role() == Reassembly.Role.SEGMENT
                || s.reassembly().role() == Reassembly.Role.COMPLETED);
    }

    private static final String LOSSY = "name: lossy upload\nseed: 4\n" + HOSTS + """
            links:
              - {name: lan1, between: [server, switch]}
              - {name: lan2, between: [alice, switch], drop: [%d]}
            server:
              host: server
              on:
                - {event: chat, emit: socket.emit}
            clients:
              - {host: alice, transports: [websocket]}
            script:
              - {at: 100ms, client: alice, emit: chat, args: [{"$repeat": ["does this arrive? ", 600]}]}
              - {at: 2s, client: alice, disconnect: true}
            """;

    /** A run of {@link #LOSSY} whose link loses the second segment of Alice's 10,800-character emit. */
    static ScenarioRun losingTheSecondSegment() {
        for (int n = 10; n < 40; n++) {
            ScenarioRun r = run(LOSSY.formatted(n));
            for (TimelineEvent e : r.timeline().query().direction(Direction.WIRE).list()) {
                if (e.lost()) {
                    Pdu tcp = e.wholePdu().find(Protocol.TCP).orElse(null);
                    Pdu piece = tcp == null || tcp.children().isEmpty() ? null : tcp.children().get(0);
                    if (piece != null && piece.header() instanceof Reassembly a && a.role() == Reassembly.Role.SEGMENT
                            && piece.field("tcp.segment_data").orElseThrow().display().contains(": bytes 1,448–")) {
                        return r;
                    }
                }
            }
        }
        throw new AssertionError("no frame number on lan2 carries the emit's second segment");
    }

    @Test
    void aLostSegmentAndItsRetransmissionLeaveTheReassemblyWhole() {
        ScenarioRun run = losingTheSecondSegment();
        List<Seen> seen = sent(run.timeline());
        // the timeline holds the frame as Alice sent it, so the message is joined in order; the retransmission of
        // its bytes is named as theirs, not joined again and not decoded as a new frame
        Seen done = seen.stream().filter(s -> s.reassembly().role() == Reassembly.Role.COMPLETED).findFirst()
                .orElseThrow();
        Pdu ws = done.pdu().children().get(0);
        assertThat(ws.end()).isEqualTo(done.pdu().source().length());
        assertThat(ws.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class).orElseThrow().data().get(1)
                .asText()).isEqualTo("does this arrive? ".repeat(600));
        List<Seen> again = seen.stream().filter(s -> s.reassembly().role() == Reassembly.Role.RETRANSMITTED)
                .toList();
        assertThat(again).isNotEmpty().allSatisfy(s -> assertThat(s.pdu().field("tcp.retransmitted_data")
                .orElseThrow().display()).containsPattern("bytes of the WebSocket frame (held for reassembly since"
                + " event \\d+|reassembled in " + done.event().index() + "|reassembled in event "
                + done.event().index() + "): not joined again$"));
        assertThat(again.get(0).event().index()).isGreaterThan(seen.get(0).event().index());
        // the server's Socket.IO reads it once
        assertThat(run.timeline().query().node("server").direction(Direction.UP).protocol(Protocol.SOCKETIO).list())
                .filteredOn(e -> e.pdu().summary().contains("chat")).hasSize(1);
    }

    @Test
    void inTheServersCaptureTheLostSegmentIsAGapThatIsNotJoinedAcrossAndDecodingResumesAfterTheMessage() {
        ScenarioRun run = losingTheSecondSegment();
        List<byte[]> frames = run.capture("server").stream().map(ScenarioRun.CapturedFrame::bytes).toList();
        long[] numbers = java.util.stream.LongStream.rangeClosed(1, frames.size()).toArray();
        StackDissector d = new StackDissector(FrameContext.of(frames, numbers, 1));
        List<String> roles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int disconnects = 0;
        List<String> completedFrom = new ArrayList<>();
        for (byte[] f : frames) {
            Pdu p = d.dissect(f);
            assertThat(p.firstMalformed()).as(p.toString()).isEmpty();
            assertThat(Coverage.problems(p, 0, f.length)).isEmpty();
            Pdu tcp = p.find(Protocol.TCP).orElse(null);
            for (Pdu c : tcp == null ? List.<Pdu>of() : tcp.children()) {
                if (c.header() instanceof Reassembly a) {
                    roles.add(a.role().name());
                    texts.add(c.fields().get(0).display());
                    if (a.role() == Reassembly.Role.COMPLETED) {
                        completedFrom.add(p.find(Protocol.IPV4).orElseThrow()
                                .header(org.netsim.wire.ipv4.Ipv4Header.class).orElseThrow().source().toString());
                    }
                }
            }
            disconnects += p.findAll(Protocol.SOCKETIO).stream().filter(s -> s.summary().startsWith("DISCONNECT"))
                    .count();
        }
        // the first segment is held; the next one Alice sent is past a gap: not joined, and the rest of the message
        // is skipped as incomplete up to its known end; the retransmission fills nothing; what follows decodes
        assertThat(roles).containsSubsequence("SEGMENT", "NOT_REASSEMBLED", "INCOMPLETE", "RETRANSMITTED");
        // Alice's emit is never completed here; the server's echo of it, the other way, is
        assertThat(completedFrom).containsExactly("192.168.1.1");
        assertThat(texts.get(0)).matches("1,448 bytes: bytes 0–1,447 of a [0-9,]+-byte WebSocket frame; never "
                + "completed here: frame \\d+ comes after a gap in the sequence numbers, and segments are not joined "
                + "across one");
        assertThat(texts.get(roles.indexOf("NOT_REASSEMBLED"))).contains("is 1,448 bytes past the next one expected")
                .contains("so bytes are missing (lost, or not captured)")
                .contains("stays incomplete, and decoding resumes where the next message starts");
        assertThat(texts.get(roles.indexOf("RETRANSMITTED"))).contains("left incomplete by a gap");
        assertThat(disconnects).isEqualTo(1);
    }
}
