package org.netsim.app.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Pdu;
import org.netsim.stack.DecodedMessage;
import org.netsim.stack.MessageExtractor;
import org.netsim.stack.StackDissector;

/**
 * The first acceptance check: the embedded real peer's traffic, captured on the loopback device, decodes to
 * exactly the events that were sent, in both directions, with nothing malformed. Needs capture rights (root in CI).
 */
class EmbeddedPeerCaptureTest {
    @ParameterizedTest(name = "webSocketOnly={0}")
    @ValueSource(booleans = {false, true})
    void theCapturedTrafficDecodesToTheEventsSentBothWays(boolean webSocketOnly) throws Exception {
        int port = freePort();
        LiveCapture capture;
        try {
            capture = LiveCapture.start("lo", "tcp port " + port, 100_000);
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
            return;
        }
        List<CapturedFrame> frames = new ArrayList<>();
        try (EmbeddedPeer peer = EmbeddedPeer.start(port, webSocketOnly)) {
            peer.emit("chat", "[\"hi\"]");
            peer.emit("score", "[{\"team\":\"blue\",\"points\":3},[1,2],true,null,2.5]");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && peer.received().size() < 4) {
                Thread.sleep(20);
            }
            // each side in the order things were sent (the two sides' callbacks run on their own threads)
            for (String side : List.of("server", "client")) {
                assertThat(peer.received()).filteredOn(r -> r.by().equals(side))
                        .extracting(EmbeddedPeer.Received::event, EmbeddedPeer.Received::argsJson)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("chat", "[\"hi\"]"),
                                org.assertj.core.groups.Tuple.tuple("score",
                                        "[{\"team\":\"blue\",\"points\":3},[1,2],true,null,2.5]"));
            }
            Thread.sleep(200);
        } finally {
            Thread.sleep(100);
            capture.stop();
            capture.drainTo(frames, Integer.MAX_VALUE);
        }
        assertThat(capture.counters().bufferDropped()).isZero();
        StackDissector dissector = new StackDissector();
        MessageExtractor extractor = new MessageExtractor();
        List<String> events = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        String toServer = ":" + port;
        for (CapturedFrame f : frames) {
            byte[] data = f.data().toArray();
            Pdu root = dissector.dissect(f.linkType(), data, 0, data.length);
            for (DecodedMessage m : extractor.accept(f.index(), f.timestampNanos(), root)) {
                if (m.isMalformed()) {
                    malformed.add("frame " + f.index() + ": " + m.malformed());
                }
                if ("EVENT".equals(m.type())) {
                    events.add((m.dst().endsWith(toServer) ? "to server " : "to client ") + m.text());
                }
            }
        }
        // netty-socketio gzips and chunks its polling responses (okhttp accepts gzip): all of it decodes, frame by
        // frame and from the reassembled streams
        assertThat(malformed).isEmpty();
        List<CaptureMessage> reassembled = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(reassembled::add);
        frames.forEach(decoder::frame);
        decoder.finish();
        assertThat(reassembled).filteredOn(m -> m.isMalformed() || m.isGap())
                .extracting(m -> m.frame() + " " + m.malformed()).isEmpty();
        assertThat(reassembled).extracting(CaptureMessage::type).contains("OPEN", "CONNECT", "EVENT");
        if (!webSocketOnly) {
            assertThat(reassembled).filteredOn(m -> "polling".equals(m.transport()))
                    .extracting(CaptureMessage::type).contains("OPEN", "CONNECT");
        }
        // the packets as they travelled; each direction in the order it was sent
        String score = "42[\"score\",{\"team\":\"blue\",\"points\":3},[1,2],true,null,2.5]";
        assertThat(events).filteredOn(e -> e.startsWith("to server"))
                .containsExactly("to server 42[\"chat\",\"hi\"]", "to server " + score);
        assertThat(events).filteredOn(e -> e.startsWith("to client"))
                .containsExactly("to client 42[\"chat\",\"hi\"]", "to client " + score);

        // the capture itself says the server is not Node: netty-socketio's handshake (over WebSocket only the
        // handshake is plain text; over polling netty-socketio gzips its responses, which the decoder reads only
        // once it inflates HTTP bodies)
        if (webSocketOnly) {
            org.netsim.compare.ServerLibraries libraries = new org.netsim.compare.ServerLibraries();
            java.util.List<org.netsim.capture.decode.CaptureMessage> messages = new ArrayList<>();
            org.netsim.capture.decode.CaptureDecoder again =
                    org.netsim.capture.decode.CaptureDecoder.forMessages(messages::add);
            frames.forEach(again::frame);
            again.finish();
            messages.forEach(libraries::observe);
            var chat = messages.stream().filter(m -> "chat".equals(m.event())).findFirst().orElseThrow();
            assertThat(libraries.notNode(chat)).hasValueSatisfying(v -> {
                assertThat(v.server()).isEqualTo("127.0.0.1:" + port);
                assertThat(v.library()).isEqualTo("netty-socketio");
            });
        }
    }

    /**
     * On Linux's {@code any} device libpcap gives Linux cooked capture (DLT 113), not Ethernet: the capture says so
     * with each frame, and everything decodes. Before, every frame was read as Ethernet and nothing was found.
     */
    @Test
    void aCaptureOnTheAnyDeviceIsCookedCaptureAndDecodes() throws Exception {
        int port = freePort();
        LiveCapture capture;
        try {
            capture = LiveCapture.start("any", "tcp port " + port, 100_000);
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on any", p.getMessage());
            return;
        }
        List<CapturedFrame> frames = new ArrayList<>();
        try (EmbeddedPeer peer = EmbeddedPeer.start(port, false)) {
            peer.emit("chat", "[\"any\"]");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (System.nanoTime() < deadline && peer.received().size() < 2) {
                Thread.sleep(20);
            }
            Thread.sleep(200);
        } finally {
            Thread.sleep(100);
            capture.stop();
            capture.drainTo(frames, Integer.MAX_VALUE);
        }
        assertThat(capture.linkType()).isEqualTo(org.netsim.wire.link.LinkType.LINUX_SLL);
        assertThat(frames).isNotEmpty().allMatch(f -> f.linkType() == org.netsim.wire.link.LinkType.LINUX_SLL);
        List<CaptureMessage> ms = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(ms::add);
        frames.forEach(decoder::frame);
        decoder.finish();
        assertThat(ms).filteredOn(m -> m.isMalformed() || m.isGap()).extracting(CaptureMessage::malformed).isEmpty();
        assertThat(ms).filteredOn(m -> "EVENT".equals(m.type())).extracting(CaptureMessage::text)
                .containsExactly("42[\"chat\",\"any\"]", "42[\"chat\",\"any\"]");
        StackDissector dissector = new StackDissector();
        for (CapturedFrame f : frames) {
            byte[] data = f.data().toArray();
            Pdu root = dissector.dissect(f.linkType(), data, 0, data.length);
            assertThat(root.protocol()).isEqualTo(org.netsim.pdu.Protocol.LINUX_SLL);
            assertThat(root.firstMalformed()).isEmpty();
        }
    }

    @Test
    void aPortInUseIsReportedInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            // (closed at once should it start after all, so the failing test leaves no server behind)
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedPeer.start(port, false).close())
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("the embedded Socket.IO server cannot listen on 127.0.0.1:" + port);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
