package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The script's {@code socket.disconnect}, as Node's {@code socket.disconnect()} and {@code socket.disconnect(true)}
 * put it on the wire (recorded with Node 20, socket.io 4.8.4 and socket.io-client 4.8.4 on loopback):
 * <ul>
 * <li>WebSocket: {@code 41}; the client, left with no namespace, closes its engine: a masked Close, the server's
 * Close, the server's FIN first.</li>
 * <li>WebSocket, {@code true}, two namespaces: {@code 41}, {@code 41/admin,}, then the server's Close first.</li>
 * <li>Polling: {@code 41} in the pending GET; the client polls again and POSTs {@code 1}; that GET is answered
 * {@code 6}.</li>
 * <li>Polling, {@code true}: {@code 41}; the next GET is answered {@code 6␞1}; the client's POST {@code 1} finds the
 * session gone: 400 Session ID unknown.</li>
 * </ul>
 * The client hears "io server disconnect" and does not reconnect.
 */
class ServerDisconnectTest {
    static final String SERVER = "192.168.1.1";
    static final String ALICE = "192.168.1.2";

    static ScenarioRun run(String transports, String namespaces, String step) {
        return Wire.run("""
                seed: 11
                hosts:
                  - {name: server, ip: 192.168.1.1/24}
                  - {name: alice, ip: 192.168.1.2/24}
                switches: [{name: switch}]
                links:
                  - {between: [server, switch]}
                  - {between: [alice, switch]}
                server: {host: server, namespaces: [/admin]}
                clients: [{host: alice, transports: [%s]%s}]
                script:
                  - {at: 100ms, %s}
                  - {at: 200ms, server: socket.emit, socket: alice, event: still, args: ["here?"]}
                """.formatted(transports, namespaces, step));
    }

    static final String BOTH = ", namespaces: {\"/\": null, \"/admin\": null}";

    @Test
    void onWebSocketTheServersDisconnectMakesTheClientCloseTheConnection() {
        ScenarioRun run = run("websocket", "", "server: socket.disconnect, socket: alice");
        List<Wire.Message> m = after100ms(Wire.messages(run, "server"));
        assertThat(summary(m)).containsExactly("server 41", "alice CONNECTION CLOSE", "server CONNECTION CLOSE");
        Timeline t = run.timeline();
        assertThat(notes(t, "server")).contains("alice left namespace / (server namespace disconnect)")
                .anyMatch(n -> n.endsWith("closed (transport close)"));
        assertThat(notes(t, "alice")).anyMatch(n -> n.contains("disconnected from namespace / (io server disconnect)"))
                .contains("session closed (forced close)").noneMatch(n -> n.startsWith("reconnecting"));
        assertThat(ShippedScenariosTest.received(t, "alice", "here?")).isZero();
        assertThat(firstFin(t)).isEqualTo("server");
    }

    @Test
    void withCloseTrueEveryNamespaceGetsItsDisconnectThenTheServerClosesTheWebSocket() {
        ScenarioRun run = run("websocket", BOTH, "server: socket.disconnect, socket: alice, close: true");
        List<Wire.Message> m = after100ms(Wire.messages(run, "server"));
        assertThat(summary(m)).containsExactly("server 41", "server 41/admin,", "server CONNECTION CLOSE",
                "alice CONNECTION CLOSE");
        Timeline t = run.timeline();
        assertThat(notes(t, "server")).contains("alice left namespace / (server namespace disconnect)",
                "alice left namespace /admin (server namespace disconnect)")
                .anyMatch(n -> n.endsWith("closed (forced close)"));
        assertThat(notes(t, "alice")).anyMatch(n -> n.contains("namespace / (io server disconnect)"))
                .anyMatch(n -> n.contains("namespace /admin (io server disconnect)"))
                .noneMatch(n -> n.startsWith("reconnecting"));
    }

    @Test
    void withoutCloseOnlyThatNamespaceEnds() {
        ScenarioRun run = run("websocket", BOTH, "server: socket.disconnect, socket: alice, namespace: /admin");
        List<Wire.Message> m = after100ms(Wire.messages(run, "server"));
        assertThat(summary(m)).containsExactly("server 41/admin,", "server 42[\"still\",\"here?\"]");
        assertThat(ShippedScenariosTest.received(run.timeline(), "alice", "here?")).isOne();
    }

    @Test
    void onPollingTheDisconnectRidesThePendingGetAndTheClientPostsItsClosePacket() {
        ScenarioRun run = run("polling", "", "server: socket.disconnect, socket: alice");
        List<Wire.Message> m = after100ms(Wire.messages(run, "server"));
        assertThat(summary(m)).containsExactly("server 41", "alice 1", "server 6");
        assertThat(m).allMatch(x -> x.transport().equals("polling"));
        Timeline t = run.timeline();
        assertThat(notes(t, "server")).anyMatch(n -> n.endsWith("closed (transport close)"));
        assertThat(notes(t, "alice")).noneMatch(n -> n.startsWith("reconnecting"));
        // the client polls again before it closes: a GET left before the POST carrying 1
        assertThat(requestsAfter100ms(t)).startsWith("GET", "POST");
    }

    @Test
    void onPollingCloseTrueAnswersTheNextGetWithNoopAndCloseAndTheClientsCloseFindsNoSession() {
        ScenarioRun run = run("polling", "", "server: socket.disconnect, socket: alice, close: true");
        List<Wire.Message> m = after100ms(Wire.messages(run, "server"));
        assertThat(summary(m)).containsExactly("server 41", "alice 1", "server 6", "server 1");
        Wire.Message noop = m.get(2);
        Wire.Message close = m.get(3);
        assertThat(close.timeNanos()).isEqualTo(noop.timeNanos());
        Timeline t = run.timeline();
        assertThat(notes(t, "server")).anyMatch(n -> n.endsWith("closed (forced close)"));
        List<String> answers = t.query().node("alice").direction(Direction.UP).protocol(Protocol.HTTP).list().stream()
                .filter(e -> e.timeNanos() > ReconnectionTest.at("100ms"))
                .map(e -> new String(((Unit.Message) e.unit()).bytes(), StandardCharsets.US_ASCII)).toList();
        assertThat(answers).anyMatch(a -> a.startsWith("HTTP/1.1 400 Bad Request")
                && a.contains("Session ID unknown"));
        assertThat(notes(t, "alice")).noneMatch(n -> n.startsWith("reconnecting"));
    }

    @Test
    void socketDisconnectNeedsASocketAndCloseBelongsToIt() {
        assertThatThrownBy(() -> run("websocket", "", "server: socket.disconnect"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("socket.disconnect needs a \"socket\"");
        assertThatThrownBy(() -> run("websocket", "", "server: io.emit, event: x, close: true"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("\"close\" belongs to socket.disconnect");
    }

    private static List<Wire.Message> after100ms(List<Wire.Message> m) {
        return m.stream().filter(x -> x.timeNanos() >= ReconnectionTest.at("100ms")).toList();
    }

    /** "server 41", "alice CONNECTION CLOSE": who sent what. */
    private static List<String> summary(List<Wire.Message> m) {
        return m.stream().map(x -> (x.from(SERVER) ? "server " : "alice ") + (x.text() == null || x.text().isEmpty() ? x.type() : x.text()))
                .toList();
    }

    private static List<String> notes(Timeline t, String node) {
        return t.query().node(node).direction(Direction.STATE).list().stream().map(TimelineEvent::description)
                .toList();
    }

    private static List<String> requestsAfter100ms(Timeline t) {
        return t.query().node("alice").direction(Direction.DOWN).protocol(Protocol.HTTP).list().stream()
                .filter(e -> e.timeNanos() > ReconnectionTest.at("100ms"))
                .map(e -> e.description().split(" ")[0]).toList();
    }

    /** Who sent the WebSocket connection's first FIN. */
    private static String firstFin(Timeline t) {
        return t.query().direction(Direction.STATE).protocol(Protocol.TCP).list().stream()
                .filter(e -> e.timeNanos() > ReconnectionTest.at("100ms") && e.description().equals("FIN_WAIT_1"))
                .findFirst().orElseThrow().node();
    }
}
