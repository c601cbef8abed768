package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.timeline.Direction;

/** The heartbeat at the configured interval and a server emit that asks the client for an acknowledgement. */
class HeartbeatAndAckTest {
    static final Path CAPTURES = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");
    static final String SERVER = "192.168.1.1";
    static final String ALICE = "192.168.1.2";

    static String scenario(String server, String client, String script) {
        return """
                seed: 12
                hosts:
                  - {name: server, ip: 192.168.1.1/24}
                  - {name: alice, ip: 192.168.1.2/24}
                switches: [{name: switch}]
                links:
                  - {between: [server, switch]}
                  - {between: [alice, switch]}
                server: {host: server%s}
                clients: [{host: alice%s}]
                script:
                %s
                """.formatted(server, client, script);
    }

    @Test
    void aServerEmitWithAnAckIsAnsweredByTheClientWithItsAckPacket() throws IOException {
        // websocket-only.pcap: the server's socket.emit("srv-q", "q?", cb), answered ack("a", 3) by the client
        ScenarioRun run = Wire.run(scenario("", ", transports: [websocket], on: [{event: srv-q, ack: [\"a\", 3]}]", """
                  - {at: 100ms, server: socket.emit, socket: alice, event: srv-q, args: ["q?"], ack: true}
                  - {at: 200ms, server: socket.emit, socket: alice, event: srv-q, args: ["again?"], ack: true}
                  - {at: 300ms, client: alice, disconnect: true}"""));
        List<Wire.Message> m = Wire.messages(run, "server");
        assertThat(Wire.textsFrom(m, SERVER)).contains("420[\"srv-q\",\"q?\"]", "421[\"srv-q\",\"again?\"]");
        assertThat(Wire.textsFrom(m, ALICE)).containsSubsequence("430[\"a\",3]", "431[\"a\",3]");
        Wire.Message ask = Wire.first(m, SERVER, "420[\"srv-q\",\"q?\"]");
        Wire.Message answer = Wire.first(m, ALICE, "430[\"a\",3]");
        assertThat(answer.transport()).isEqualTo("websocket");
        assertThat(Wire.indexOf(m, answer)).isEqualTo(Wire.indexOf(m, ask) + 1);
        assertThat(run.timeline().query().node("server").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().equals("acknowledgement 0 from alice arrived"))
                .anyMatch(e -> e.description().equals("acknowledgement 1 from alice arrived"));
        // the same two texts as the real exchange
        List<String> real = texts(CaptureDecoder.decodeAll(CAPTURES.resolve("websocket-only.pcap"),
                CaptureDecoder.Options.DEFAULT));
        assertThat(real).containsSubsequence("420[\"srv-q\",\"q?\"]", "430[\"a\",3]");
    }

    @Test
    void onWebSocketThePingLeavesPingIntervalAfterTheOpenPacketThenAfterEachPong() throws IOException {
        ScenarioRun run = Wire.run(scenario(", pingInterval: 300, pingTimeout: 200", ", transports: [websocket]",
                "  - {at: 1s, client: alice, disconnect: true}"));
        List<Wire.Message> sim = Wire.messages(run, "server");
        List<Long> gaps = heartbeatGaps(sim);
        assertThat(gaps).hasSize(3).containsOnly(300_000_000L);
        // Node (heartbeat.pcap, the same options): three pings before the disconnect, each 300 ms and a little
        List<Long> real = heartbeatGaps(CaptureDecoder.decodeAll(CAPTURES.resolve("heartbeat.pcap"),
                CaptureDecoder.Options.DEFAULT).stream().map(HeartbeatAndAckTest::message).toList());
        assertThat(real).hasSize(3).allMatch(g -> g >= 300_000_000L && g < 302_000_000L);
        assertThat(sim.stream().filter(x -> "3".equals(x.text())).map(Wire.Message::transport))
                .hasSize(3).containsOnly("websocket");
    }

    @Test
    void onPollingThePingIsThePendingGetsAnswerAndTheNextOneFollowsTheHandledPong() throws IOException {
        ScenarioRun run = Wire.run(scenario(", pingInterval: 300, pingTimeout: 200", ", transports: [polling]",
                "  - {at: 1s, client: alice, disconnect: true}"));
        List<Wire.Message> sim = Wire.messages(run, "server");
        List<Wire.Message> pings = sim.stream().filter(x -> x.from(SERVER) && "2".equals(x.text())).toList();
        List<Wire.Message> pongs = sim.stream().filter(x -> x.from(ALICE) && "3".equals(x.text())).toList();
        assertThat(pings).hasSize(3).allMatch(p -> p.transport().equals("polling"));
        assertThat(pongs).hasSize(3).allMatch(p -> p.transport().equals("polling"));
        // the POST carrying the pong is handled Node's 1.5 ms after it arrives; pingInterval runs from there
        for (int i = 1; i < pings.size(); i++) {
            assertThat(pings.get(i).timeNanos() - pongs.get(i - 1).timeNanos()).isEqualTo(301_500_000L);
        }
        List<Wire.Message> real = CaptureDecoder.decodeAll(CAPTURES.resolve("heartbeat-polling.pcap"),
                CaptureDecoder.Options.DEFAULT).stream().map(HeartbeatAndAckTest::message).toList();
        List<Wire.Message> realPings = real.stream().filter(x -> x.src().endsWith(":3000") && "2".equals(x.text()))
                .toList();
        List<Wire.Message> realPongs = real.stream().filter(x -> !x.src().endsWith(":3000") && "3".equals(x.text()))
                .toList();
        for (int i = 1; i < realPings.size(); i++) {
            assertThat(realPings.get(i).timeNanos() - realPongs.get(i - 1).timeNanos())
                    .isBetween(300_000_000L, 303_000_000L);
        }
    }

    /** The server's open packet, then its pings: the time from the open packet (or last pong) to each ping. */
    static List<Long> heartbeatGaps(List<Wire.Message> m) {
        List<Long> gaps = new ArrayList<>();
        long from = -1;
        for (Wire.Message x : m) {
            String t = x.text();
            if (t == null) {
                continue;
            }
            if (t.startsWith("0{\"sid\"") || t.equals("3")) {
                from = x.timeNanos();
            } else if (t.equals("2") && from >= 0) {
                gaps.add(x.timeNanos() - from);
            }
        }
        return gaps;
    }

    static List<String> texts(List<CaptureMessage> m) {
        return m.stream().filter(x -> x.text() != null).map(CaptureMessage::text).toList();
    }

    static Wire.Message message(CaptureMessage m) {
        return new Wire.Message(m.timeNanos(), m.src(), m.transport(), m.type(), m.text());
    }
}
