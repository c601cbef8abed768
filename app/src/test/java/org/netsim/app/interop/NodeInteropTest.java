package org.netsim.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.compare.CarriedMessage;
import org.netsim.compare.MessageComparison;
import org.netsim.compare.SimulatedTwin;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.wire.websocket.WebSocketCodec;

/**
 * Interoperability with Node's socket.io 4.8.4 (installed from the npm registry by .ci/run): the reference scripts in
 * assets/captures-src/ run a real server and client on loopback while netsim captures them live. Every Socket.IO
 * packet decoded from the live capture equals the one decoded from the reference capture recorded with dumpcap
 * (polling then upgrade, WebSocket only with acks, binary and a namespace, rooms and broadcast, a 70 KB payload); and
 * every event has a simulated twin whose Socket.IO, Engine.IO and WebSocket bytes equal Node's but where they must
 * differ (the masking key), compared as messages: a binary event's text part and each attachment, the 70 KB event as
 * one message over its segments, and on long-polling the Engine.IO packets of the POST body or GET response.
 */
class NodeInteropTest {
    static final Path SCRIPTS = Path.of("../assets/captures-src/node-socketio-4.8.4");
    static final Path REFERENCE = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");

    @ParameterizedTest
    @ValueSource(strings = {"polling-upgrade", "websocket-only", "rooms-broadcast", "large-payload", "polling-only"})
    void liveCaptureOfNodeDecodesToTheReferencePacketsAndTheirTwinsMatch(String scenario) throws Exception {
        ExternalTool.require("node", "Node.js 20: sudo apt-get install nodejs");
        if (!Files.isDirectory(SCRIPTS.resolve("node_modules/socket.io"))) {
            ExternalTool.missing("socket.io 4.8.4 for Node", "cd " + SCRIPTS + " && npm ci");
        }
        int port = freePort();
        LiveCapture capture;
        try {
            capture = LiveCapture.start("lo", "tcp port " + port, 200_000);
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
            return;
        }
        List<CapturedFrame> frames = new ArrayList<>();
        Process server = null;
        Process client = null;
        try {
            server = node("server.js", scenario, port);
            waitForListening(server);
            client = node("client.js", scenario, port);
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).as("client finished").isTrue();
            assertThat(client.exitValue()).as("client exit").isZero();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server finished").isTrue();
            Thread.sleep(300);
        } finally {
            // a failed or timed-out run leaves no Node process behind, and the capture always stops
            end(client);
            end(server);
            capture.stop();
            capture.drainTo(frames, Integer.MAX_VALUE);
        }
        assertThat(capture.counters().kernelDropped()).isZero();
        assertThat(capture.counters().bufferDropped()).isZero();

        List<CaptureMessage> live = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(live::add);
        frames.forEach(decoder::frame);
        decoder.finish();
        List<CaptureMessage> reference = CaptureDecoder.decodeAll(REFERENCE.resolve(scenario + ".pcap"),
                CaptureDecoder.Options.DEFAULT);
        // each direction in the order it was sent; how the two interleave depends on the machine's timing
        for (boolean toServer : new boolean[] {true, false}) {
            assertThat(packets(live, port, toServer)).as("Socket.IO packets of the live capture to the %s",
                            toServer ? "server" : "client")
                    .isNotEmpty().containsExactlyElementsOf(packets(reference, REFERENCE_PORT, toServer));
        }
        assertThat(live).noneMatch(m -> m.kind() != CaptureMessage.Kind.MESSAGE);

        // every event beside its simulated twin, message by message: text part with text part, each attachment
        // with its attachment, a message of many segments as one, a polling body's packets with the twin's
        List<String> compared = new ArrayList<>();
        for (CaptureMessage m : live) {
            if (m.event() == null) {
                continue;
            }
            CarriedMessage captured = CarriedMessage.of(m, frames.subList((int) m.firstFrame() - 1,
                    (int) m.frame()));
            SimulatedTwin twin = SimulatedTwin.of(m, sentByClient(captured), !scenario.startsWith("polling"));
            MessageComparison c = MessageComparison.of(twin.carried(), captured);
            String what = scenario + " frame " + m.frame() + " " + m.event();
            assertThat(c.unexpected()).as(what).isEmpty();
            assertThat(c.unpairedUnits()).as(what).isZero();
            assertThat(c.parts()).as(what).filteredOn(p -> p.kind() == MessageComparison.Kind.UNIT)
                    .hasSize(captured.units().size());
            // the simulator's Socket.IO, Engine.IO and WebSocket bytes equal Node's but for the masking key (and an
            // ack id counting the emits before it)
            assertThat(c.differences()).as(what).noneMatch(d -> d.protocol() == Protocol.ENGINEIO
                    || d.protocol() == Protocol.SOCKETIO && !d.key().equals("socketio.ack_id")
                    || d.protocol() == Protocol.WEBSOCKET && !d.key().equals("websocket.masking_key"));
            // and byte for byte: each unit's Engine.IO packet as the application handed it to the transport (an
            // acknowledgement id counts its sender's earlier emits: the twin made only this one)
            for (MessageComparison.Part p : c.parts()) {
                if (p.kind() == MessageComparison.Kind.UNIT && p.role() != CarriedMessage.Role.HTTP) {
                    assertThat(withoutAckId(packet(p.simulated()), m)).as(what + " " + p.role() + " " + p.number())
                            .isEqualTo(withoutAckId(packet(p.captured()), m));
                }
            }
            compared.add(m.event() + (m.attachments().isEmpty() ? "" : " +" + m.attachments().size())
                    + (m.isReassembled() && m.attachments().isEmpty() ? " (" + captured.frames().size()
                    + " segments)" : "") + " " + m.transport());
        }
        assertThat(compared).as("events compared with their twins").isNotEmpty();
        switch (scenario) {
            case "websocket-only" -> assertThat(compared).contains("bin +1 websocket", "nested +2 websocket",
                    "srv-bin +1 websocket", "admin-event websocket");
            case "large-payload" -> assertThat(compared).anyMatch(e -> e.startsWith("big (") && e.endsWith(
                    "segments) websocket"));
            case "polling-only" -> assertThat(compared).contains("some-event polling", "bin +1 polling",
                    "srv-bin +1 polling", "reply polling");
            default -> {
            }
        }
    }

    /** A unit's Engine.IO packet: a WebSocket frame's unmasked payload, or the packet's bytes in a polling body. */
    private static String packet(MessageComparison.Shown unit) {
        if (unit.compared().protocol() == Protocol.WEBSOCKET) {
            return HexFormat.of().formatHex(WebSocketCodec.decode(unit.bytes(), 0, unit.bytes().length).frame()
                    .payload().toArray());
        }
        return HexFormat.of().formatHex(unit.comparedBytes());
    }

    /** {@code 421["x",2]} as {@code 42["x",2]}, for a packet with an ack id. */
    private static String withoutAckId(String hex, CaptureMessage m) {
        if (m.ackId() == null) {
            return hex;
        }
        String text = new String(HexFormat.of().parseHex(hex), java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceFirst("^(\\d\\d(?:\\d+-)?(?:/[^,\\[]*,)?)\\d+\\[", "$1[");
    }

    /** A client masks its frames and sends the requests (RFC 6455 §5.3); the server neither. */
    private static boolean sentByClient(CarriedMessage m) {
        Pdu first = m.units().get(0).tree();
        return first.protocol() == Protocol.HTTP ? first.field("http.request.method").isPresent()
                : first.field("websocket.mask").map(f -> f.value() == 1).orElse(false);
    }

    /** Ends a Node process if it still runs: asked first, then forced, and waited for. */
    private static void end(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        if (p.isAlive()) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** What must be equal between two captures of the same script: every Socket.IO packet but its session ids. */
    /** The Socket.IO packets sent to the server listening on {@code serverPort}, or those it sent. */
    private static List<String> packets(List<CaptureMessage> messages, int serverPort, boolean toServer) {
        List<String> out = new ArrayList<>();
        for (CaptureMessage m : messages) {
            if (!"socket.io".equals(m.protocol()) || m.dst().endsWith(":" + serverPort) != toServer) {
                continue;
            }
            String args = m.type().equals("CONNECT") && m.args() != null ? m.args().replaceAll(
                    "\"sid\":\"[^\"]+\"", "\"sid\":\"…\"") : m.args();
            StringBuilder sb = new StringBuilder(m.type()).append(' ').append(m.namespace()).append(' ')
                    .append(m.event()).append(' ').append(args).append(" ack=").append(m.ackId())
                    .append(' ').append(m.transport());
            m.attachments().forEach(a -> sb.append(" <").append(HexFormat.of().formatHex(a.toArray())).append('>'));
            out.add(sb.toString());
        }
        return out;
    }

    /** The port the reference captures' server listened on (server.js's default). */
    private static final int REFERENCE_PORT = 3000;

    private static Process node(String script, String scenario, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", script, scenario).directory(SCRIPTS.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    /** Waits (at most 30 s) for the server to say it listens; its output is drained to the end, so it never blocks. */
    private static void waitForListening(Process server) throws Exception {
        java.util.concurrent.CompletableFuture<Void> listening = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try (var in = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.contains("listening")) {
                        listening.complete(null);
                    }
                }
            } catch (IOException e) {
                // the server ended
            }
            listening.completeExceptionally(new IllegalStateException("the Node server ended before listening"));
        }, "node server output");
        t.setDaemon(true);
        t.start();
        listening.get(30, TimeUnit.SECONDS);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
