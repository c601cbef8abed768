package org.netsim.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.json.JsJson;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.DataSource;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.text.PduTreePrinter;
import org.netsim.wire.socketio.SocketIoPacket;
import org.netsim.wire.tcp.TcpHeader;

/**
 * A WebSocket frame longer than one TCP segment, dissected frame by frame in order: the earlier segments are "TCP
 * segments of a reassembled PDU" (not malformed) naming the frame that completes it when the frames ahead are known,
 * and that frame carries the whole frame as a data source, decoded down to Socket.IO, with the frames it was joined
 * from. On a simulated 70 KB emit, and on a real capture of Node's socket.io judged by tshark's own reassembly.
 */
class StackDissectorReassemblyTest {
    static final Path CAPTURES = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");

    /** The dissector's reassembly PDUs among a frame's TCP payload. */
    static List<Pdu> notes(Pdu frame) {
        Pdu tcp = frame.find(Protocol.TCP).orElseThrow();
        return tcp.children().stream().filter(c -> c.header() instanceof Reassembly).toList();
    }

    static Reassembly role(Pdu p) {
        return p.header(Reassembly.class).orElseThrow();
    }

    static List<byte[]> frames(EmitSession.Result r) {
        return r.frames().stream().map(f -> f.frame().toArray()).toList();
    }

    /** Frames named as a pcap of the session numbers them, all known ahead. */
    static FrameContext known(List<byte[]> frames) {
        return new FrameContext() {
            @Override
            public String name(int n) {
                return "frame " + (n + 1);
            }

            @Override
            public byte[] frame(int n) {
                return n >= 0 && n < frames.size() ? frames.get(n) : null;
            }
        };
    }

    static void assertEveryByteOwned(Pdu p, byte[] frame) {
        assertThat(Coverage.problems(p, 0, frame.length)).as(p.toString()).isEmpty();
        assertThat(p.firstMalformed()).as(p.toString()).isEmpty();
    }

    @Test
    void aSeventyKilobyteEmitIsHeldOverItsSegmentsAndDecodedWholeWhereItEnds() {
        String big = "a".repeat(70_000);
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(3), SocketIoPacket.event("/", "big", big),
                true);
        List<byte[]> frames = frames(r);
        int first = r.emitFrameIndex();
        int last = r.emitLastFrameIndex();
        assertThat(last - first + 1).isBetween(45, 55);
        StackDissector d = new StackDissector(known(frames));
        ByteArrayOutputStream payloads = new ByteArrayOutputStream();
        Pdu completing = null;
        for (int i = 0; i < frames.size(); i++) {
            Pdu p = d.dissect(frames.get(i));
            assertEveryByteOwned(p, frames.get(i));
            if (i < first || i > last) {
                assertThat(notes(p)).isEmpty();
                continue;
            }
            Pdu tcp = p.find(Protocol.TCP).orElseThrow();
            TcpHeader th = tcp.header(TcpHeader.class).orElseThrow();
            int payloadStart = tcp.offset() + th.headerLength();
            payloads.write(frames.get(i), payloadStart, tcp.end() - payloadStart);
            assertThat(notes(p)).singleElement().satisfies(n -> {
                assertThat(n.offset()).isEqualTo(payloadStart);
                assertThat(n.end()).isEqualTo(tcp.end());
            });
            Pdu n = notes(p).get(0);
            if (i < last) {
                assertThat(role(n).role()).isEqualTo(Reassembly.Role.SEGMENT);
                assertThat(n.summary()).isEqualTo("[TCP segment of a reassembled PDU]");
                assertThat(n.field("tcp.reassembled_in").orElseThrow().display()).isEqualTo("frame " + (last + 1));
                assertThat(n.field("tcp.segment_data").orElseThrow().display()).contains(" of a 70,026-byte "
                        + "WebSocket frame");
                assertThat(p.find(Protocol.WEBSOCKET)).isEmpty();
            } else {
                completing = p;
            }
        }
        assertThat(completing).isNotNull();
        Pdu opener = notes(completing).get(0);
        assertThat(role(opener)).isEqualTo(new Reassembly(Reassembly.Role.COMPLETED, "WebSocket frame", 70_026,
                "frame " + (last + 1)));
        DataSource source = opener.source();
        assertThat(source.title()).isEqualTo("Reassembled TCP (70026 bytes)");
        // the reassembled bytes are the segments' payloads end to end, each frame's share listed in order
        assertThat(source.bytes().toArray()).isEqualTo(payloads.toByteArray());
        assertThat(source.pieces()).hasSize(last - first + 1);
        int at = 0;
        for (int k = 0; k < source.pieces().size(); k++) {
            DataSource.Piece piece = source.pieces().get(k);
            assertThat(piece.frame()).isEqualTo("frame " + (first + k + 1));
            assertThat(piece.offset()).isEqualTo(at);
            at = piece.end();
        }
        assertThat(at).isEqualTo(70_026);
        assertThat(opener.field("tcp.segments").orElseThrow().display())
                .startsWith((last - first + 1) + " segments, 70,026 bytes: frame " + (first + 1) + " (1,448), ");
        // decoded below: the 64-bit length, and the event with its 70,000 characters
        Pdu ws = opener.children().get(0);
        assertThat(ws.protocol()).isEqualTo(Protocol.WEBSOCKET);
        assertThat(ws.offset()).isZero();
        assertThat(ws.end()).isEqualTo(70_026);
        assertThat(ws.field("websocket.payload_length").orElseThrow().value()).isEqualTo(127);
        assertThat(ws.field("websocket.payload_length_ext_64").orElseThrow().value()).isEqualTo(70_012);
        SocketIoPacket sio = completing.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class)
                .orElseThrow();
        assertThat(sio.event()).isEqualTo("big");
        assertThat(JsJson.stringify(sio.data())).isEqualTo("[\"big\",\"" + big + "\"]");
        // the data source as the inspector lists it: every byte of it owned once, fields tied to it by identity
        DataSources sources = DataSources.of(completing, frames.get(last));
        assertThat(sources.list()).extracting(DataSources.Source::title).containsExactly(
                "Frame (" + frames.get(last).length + " bytes)", "Reassembled TCP (70026 bytes)");
        Field key = ws.field("websocket.masking_key").orElseThrow();
        assertThat(sources.sourceOf(key).index()).isEqualTo(1);
        assertThat(sources.sourceOf(opener.field("tcp.segment_data").orElseThrow()).isFrame()).isTrue();
        assertThat(sources.get(1).ownerOf(10)).isSameAs(key);
    }

    @Test
    void readFrameByFrameWithNothingAheadTheEarlierSegmentsSayTheirFrameIsNamedWhenItArrives() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(3),
                SocketIoPacket.event("/", "big", "a".repeat(70_000)), true);
        List<byte[]> frames = frames(r);
        StackDissector d = new StackDissector();
        MessageExtractor x = new MessageExtractor();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            Pdu p = d.dissect(frames.get(i));
            assertEveryByteOwned(p, frames.get(i));
            if (i > r.emitFrameIndex() && i < r.emitLastFrameIndex()) {
                Pdu n = notes(p).get(0);
                assertThat(n.field("tcp.reassembled_in")).isEmpty();
                assertThat(n.field("tcp.segment_data").orElseThrow().display()).endsWith("; shown whole in the frame "
                        + "that brings its last byte (frames are read one by one here, so which one is known only "
                        + "when it arrives)");
            }
            for (DecodedMessage m : x.accept(i + 1, 0, p)) {
                events.add(m.frame() + " " + m.type() + " " + m.event());
            }
        }
        // one message, at the frame that completes it (netsim decode and Wireshark show it there too)
        assertThat(events).filteredOn(e -> e.endsWith(" big")).containsExactly((r.emitLastFrameIndex() + 1)
                + " EVENT big");
    }

    @Test
    void theTreePrinterLabelsTheReassembledBytesWithTheirOwnOffsets() {
        EmitSession.Result r = EmitSession.run(EmitSession.Config.defaults(3),
                SocketIoPacket.event("/", "big", "a".repeat(70_000)), true);
        List<byte[]> frames = frames(r);
        StackDissector d = new StackDissector(known(frames));
        for (int i = 0; i < r.emitLastFrameIndex(); i++) {
            d.dissect(frames.get(i));
        }
        byte[] wire = StackDissector.onWire(frames.get(r.emitLastFrameIndex()));
        String text = new PduTreePrinter(true).print(null, d.dissectOnWire(wire), wire);
        assertThat(text).contains("[Reassembled TCP (70026 bytes), decoded below from its own bytes; their offsets "
                + "count from its first byte]\nWebSocket, WebSocket Text [FIN] [MASKED]  [OSI 5 Session | TCP/IP "
                + "Application; Reassembled TCP (70026 bytes) bytes 0–70025]");
        assertThat(text).contains("    Extended payload length (64 bits): 70012\n        Reassembled TCP (70026 bytes)"
                + " 2–9 [00 00 00 00 00 01 11 7c]: ");
        // the unmasked text, with the masked bytes of the reassembled frame beside it
        assertThat(text).containsPattern("Packet type: 4 \\(message\\)\n        Reassembled TCP \\(70026 bytes\\) 14 "
                + "\\[34\\] \\(masked on the wire: [0-9a-f]{2}\\)");
        assertThat(text).contains("    [Reassembled TCP segments: " + (r.emitLastFrameIndex() - r.emitFrameIndex() + 1)
                + " segments, 70,026 bytes: frame " + (r.emitFrameIndex() + 1) + " (1,448), ");
        assertThat(text).contains("        (no bytes: worked out by the dissector): The frames whose segments");
    }

    /** One line of {@code large-payload.tshark-reassembly.txt}. */
    private record TsharkLine(long frame, int tcpLength, String reassembledIn, String segments, String length) {
        static TsharkLine parse(String line) {
            String[] f = line.split("\\|", -1);
            return new TsharkLine(Long.parseLong(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]);
        }
    }

    /**
     * large-payload.pcap (Node's 70,026-byte masked frame in 32768 + 32768 + 4490 bytes, the server's 70,022 back),
     * dissected frame by frame in capture order, beside tshark's reassembly of the same file:
     * {@code tshark -2 -r large-payload.pcap -T fields -E separator='|' -e frame.number -e tcp.len -e
     * tcp.reassembled_in -e tcp.segment -e tcp.reassembled.length} (tshark 4.0.17), kept in the test resources.
     */
    @Test
    void aRealCaptureIsReassembledWhereTsharkReassemblesIt() throws IOException {
        List<CapturedFrame> captured = new ArrayList<>();
        try (CaptureFileReader reader = CaptureFileReader.open(CAPTURES.resolve("large-payload.pcap"))) {
            for (CapturedFrame f; (f = reader.read()) != null; ) {
                captured.add(f);
            }
        }
        List<TsharkLine> tshark;
        try (InputStream in = getClass().getResourceAsStream("large-payload.tshark-reassembly.txt")) {
            tshark = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().map(TsharkLine::parse).toList();
        }
        assertThat(tshark).hasSameSizeAs(captured);
        List<byte[]> bytes = captured.stream().map(f -> f.data().toArray()).toList();
        long[] numbers = captured.stream().mapToLong(CapturedFrame::index).toArray();
        for (FrameContext ctx : List.of(FrameContext.of(bytes, numbers, CapturedFrame.LINKTYPE_ETHERNET),
                FrameContext.numbered())) {
            boolean ahead = ctx.frame(0) != null;
            StackDissector d = new StackDissector(ctx);
            int reassembled = 0;
            for (int i = 0; i < bytes.size(); i++) {
                byte[] f = bytes.get(i);
                Pdu p = d.dissect(captured.get(i).linkType(), f, 0, f.length);
                assertEveryByteOwned(p, f);
                TsharkLine t = tshark.get(i);
                assertThat(t.frame()).isEqualTo(numbers[i]);
                List<Pdu> notes = notes(p);
                if (!t.reassembledIn().isEmpty()) {
                    assertThat(notes).singleElement().satisfies(n -> {
                        assertThat(role(n).role()).isEqualTo(Reassembly.Role.SEGMENT);
                        assertThat(n.length()).isEqualTo(t.tcpLength());
                        assertThat(role(n).reassembledIn()).isEqualTo(ahead ? "frame " + t.reassembledIn() : null);
                    });
                } else if (!t.segments().isEmpty()) {
                    reassembled++;
                    Pdu opener = notes.get(0);
                    assertThat(role(opener).role()).isEqualTo(Reassembly.Role.COMPLETED);
                    assertThat(opener.source().length()).isEqualTo(Integer.parseInt(t.length()));
                    assertThat(opener.source().pieces()).extracting(DataSource.Piece::frame).containsExactly(
                            java.util.Arrays.stream(t.segments().split(",")).map(n -> "frame " + n)
                                    .toArray(String[]::new));
                    String text = completedText(p);
                    assertThat(text).isEqualTo(t.length().equals("70026") ? "a".repeat(70_000) : "b".repeat(70_000));
                } else {
                    assertThat(notes).isEmpty();
                }
            }
            assertThat(reassembled).isEqualTo(2);
        }
    }

    /** The big event's argument in a frame that completes it. */
    private static String completedText(Pdu frame) {
        SocketIoPacket sio = frame.find(Protocol.SOCKETIO).orElseThrow().header(SocketIoPacket.class).orElseThrow();
        return sio.data().get(1).asText();
    }
}
