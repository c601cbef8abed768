package org.netsim.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRunner;
import org.netsim.stack.StackDissector;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/**
 * The simulated emit beside Node's: Alice's 42["chat","hi"] from the one-client scenario against frame 13 of the
 * reference capture websocket-only.pcap (Node socket.io 4.8.4 on loopback), which carries the same packet.
 */
class FrameComparisonTest {
    @Test
    void nodesEmitDiffersFromTheSimulatedOneOnlyWhereARealCaptureMust() throws Exception {
        var run = ScenarioRunner.run(ScenarioFile.builtIn("one-client.yaml"));
        TimelineEvent emit = run.timeline().query().node("alice").direction(Direction.DOWN)
                .protocol(Protocol.ETHERNET).list().stream()
                .filter(e -> e.wholePdu().find(Protocol.SOCKETIO).map(p -> p.summary().contains("\"chat\""))
                        .orElse(false))
                .findFirst().orElseThrow();
        Pdu simulated = emit.wholePdu();
        Pdu captured = capturedFrame("node-socketio-4.8.4/websocket-only.pcap", 13);
        assertThat(captured.find(Protocol.SOCKETIO).orElseThrow().summary()).contains("\"chat\"");

        FrameComparison c = FrameComparison.of(simulated, captured);
        assertThat(c.layers()).containsExactly(Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP, Protocol.WEBSOCKET,
                Protocol.ENGINEIO, Protocol.SOCKETIO);
        Map<String, FieldDifference> byKey = c.differences().stream()
                .collect(Collectors.toMap(FieldDifference::key, d -> d, (a, b) -> a));
        // what must differ, with the reason a student reads
        assertThat(byKey.get("eth.src").captured()).isEqualTo("00:00:00:00:00:00");
        assertThat(byKey.get("eth.src").why()).startsWith("Linux loopback has no network card");
        assertThat(byKey.get("ip.src").captured()).isEqualTo("127.0.0.1");
        assertThat(byKey).containsKeys("tcp.srcport", "tcp.seq", "tcp.ack", "websocket.masking_key");
        assertThat(byKey.get("websocket.masking_key").why()).contains("RFC 6455");
        assertThat(byKey.get("tcp.seq").why()).contains("random");
        // what must not: the application's bytes, and the protocol fields of each layer
        assertThat(c.differences()).noneMatch(d -> d.protocol() == Protocol.SOCKETIO
                || d.protocol() == Protocol.ENGINEIO);
        assertThat(byKey).doesNotContainKeys("ip.version", "ip.ttl", "ip.proto", "tcp.flags.ack",
                "websocket.opcode", "websocket.fin", "websocket.mask");
        assertThat(c.unexpected()).as("differences a real capture should not have: %s", c.unexpected()).isEmpty();
        assertThat(c.same()).isGreaterThan(20);
    }

    @Test
    void aFrameComparedWithItselfHasNoDifference() {
        var run = ScenarioRunner.run(ScenarioFile.builtIn("one-client.yaml"));
        Pdu p = run.timeline().query().node("alice").direction(Direction.DOWN).protocol(Protocol.ETHERNET).list()
                .get(5).wholePdu();
        FrameComparison c = FrameComparison.of(p, p);
        assertThat(c.differences()).isEmpty();
        int[] fields = {0};
        p.walk(x -> fields[0] += x.protocol() == Protocol.PHYSICAL ? 0 : x.fields().size());
        assertThat(c.same()).isEqualTo(fields[0]).isPositive();
    }

    /** The twin is simulated from what was captured: event, arguments, namespace, direction, transport. */
    @Test
    void theSimulatedTwinOfEachCapturedEventDiffersOnlyWhereItMust() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        SimulatedTwin chat = SimulatedTwin.of("chat", json.readTree("[\"hi\"]"), "/", true, true, false);
        FrameComparison toServer = FrameComparison.of(chat.tree(),
                capturedFrame("node-socketio-4.8.4/websocket-only.pcap", 13));
        assertThat(toServer.unexpected()).as("%s", toServer.unexpected()).isEmpty();
        assertThat(toServer.differences()).extracting(FieldDifference::key).contains("websocket.masking_key");

        SimulatedTwin reply = SimulatedTwin.of("admin-reply", json.readTree("[\"ok\"]"), "/admin", false, true, false);
        assertThat(reply.tree().find(Protocol.SOCKETIO).orElseThrow().summary()).contains("/admin", "admin-reply");
        FrameComparison toClient = FrameComparison.of(reply.tree(),
                capturedFrame("node-socketio-4.8.4/websocket-only.pcap", 44));
        assertThat(toClient.unexpected()).as("%s", toClient.unexpected()).isEmpty();
        // a server's frame is not masked: no masking key on either side
        assertThat(toClient.differences()).extracting(FieldDifference::key).doesNotContain("websocket.masking_key");
    }

    /**
     * Frame {@code number} of a reference capture in the assets module (read from its folder: the engine does not
     * depend on the assets), dissected in the context of the frames before it.
     */
    static Pdu capturedFrame(String resource, int number) throws Exception {
        Path file = Path.of("../assets/src/main/resources/captures").resolve(resource);
        StackDissector dissector = new StackDissector();
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            while (reader.hasNext()) {
                CapturedFrame f = reader.next();
                byte[] b = f.data().toArray();
                Pdu root = dissector.dissect(b, 0, b.length, false);
                if (f.index() == number) {
                    return root;
                }
            }
        }
        throw new IllegalArgumentException("no frame " + number + " in " + resource);
    }
}
