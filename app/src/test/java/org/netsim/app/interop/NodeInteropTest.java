package org.netsim.app.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.netsim.compare.FrameComparison;
import org.netsim.compare.SimulatedTwin;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;

/**
 * Interoperability with Node's socket.io 4.8.4 (installed from the npm registry by .ci/run): the reference scripts in
 * assets/captures-src/ run a real server and client on loopback while netsim captures them live. Every Socket.IO
 * packet decoded from the live capture equals the one decoded from the reference capture recorded with dumpcap
 * (polling then upgrade, WebSocket only with acks, binary and a namespace, rooms and broadcast, a 70 KB payload); and
 * every event that fits one frame has a simulated twin that differs from Node's frame only where a real capture must.
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
        try {
            Process server = node("server.js", scenario, port);
            waitForListening(server);
            Process client = node("client.js", scenario, port);
            assertThat(client.waitFor(30, TimeUnit.SECONDS)).as("client finished").isTrue();
            assertThat(client.exitValue()).as("client exit").isZero();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).as("server finished").isTrue();
            Thread.sleep(300);
        } finally {
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
        assertThat(packets(live)).as("Socket.IO packets of the live capture")
                .isNotEmpty().containsExactlyElementsOf(packets(reference));
        assertThat(live).noneMatch(m -> m.kind() != CaptureMessage.Kind.MESSAGE);

        // every event in one WebSocket frame beside its simulated twin
        StackDissector dissector = new StackDissector();
        ObjectMapper json = new ObjectMapper();
        int compared = 0;
        for (CapturedFrame f : frames) {
            byte[] b = f.data().toArray();
            Pdu tree = dissector.dissect(b, 0, b.length, false);
            for (CaptureMessage m : live) {
                if (m.frame() != f.index() || m.firstFrame() != m.frame() || !"EVENT".equals(m.type())
                        || !"websocket".equals(m.transport()) || !m.attachments().isEmpty()) {
                    continue;
                }
                boolean fromClient = tree.find(Protocol.WEBSOCKET).flatMap(p -> p.field("websocket.mask"))
                        .map(x -> x.value() == 1).orElse(false);
                SimulatedTwin twin = SimulatedTwin.of(m.event(), json.readTree(m.args()), m.namespace(), fromClient,
                        scenario.equals("websocket-only"), m.ackId() != null);
                FrameComparison c = FrameComparison.of(twin.tree(), tree);
                assertThat(c.unexpected()).as("%s frame %d %s", scenario, f.index(), m.text()).isEmpty();
                assertThat(c.differences()).noneMatch(d -> d.protocol() == Protocol.ENGINEIO
                        || d.protocol() == Protocol.SOCKETIO && !d.key().equals("socketio.ack_id"));
                compared++;
            }
        }
        if (!scenario.equals("polling-only")) {
            assertThat(compared).as("events compared with their twins").isPositive();
        }
    }

    /** What must be equal between two captures of the same script: every Socket.IO packet but its session ids. */
    private static List<String> packets(List<CaptureMessage> messages) {
        List<String> out = new ArrayList<>();
        for (CaptureMessage m : messages) {
            if (!"socket.io".equals(m.protocol())) {
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

    private static Process node(String script, String scenario, int port) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("node", script, scenario).directory(SCRIPTS.toFile());
        pb.environment().put("PORT", Integer.toString(port));
        pb.redirectErrorStream(true);
        return pb.start();
    }

    private static void waitForListening(Process server) throws IOException {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(server.getInputStream()));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains("listening")) {
                // keep draining so the server never blocks on a full pipe
                Thread t = new Thread(() -> {
                    try {
                        while (in.readLine() != null) {
                            // discard
                        }
                    } catch (IOException e) {
                        // the server ended
                    }
                });
                t.setDaemon(true);
                t.start();
                return;
            }
        }
        throw new IllegalStateException("the Node server ended before listening");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
