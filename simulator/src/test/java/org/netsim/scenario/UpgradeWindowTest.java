package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Timeline;

/**
 * What the client sends while it upgrades. engine.io-client's {@code flush()} does nothing while {@code upgrading}
 * (set when {@code 3probe} arrives, cleared once {@code 5} has gone), so an emit or a pong made in that window waits
 * and leaves on the WebSocket right after {@code 5}, never in a POST. A real client does it too: an emit made in the
 * engine's "upgrading" handler went out as a WebSocket frame 2 ms after {@code 5} (Node 20, socket.io-client 4.8.4).
 */
class UpgradeWindowTest {
    static final String ALICE = "192.168.1.2";

    /** one-client's network; the upgrade runs from 3probe (about 3.4 ms) until the server's noop at about 103 ms. */
    static String scenario(String server, String script) {
        return """
                seed: 1
                hosts:
                  - {name: server, ip: 192.168.1.1/24}
                  - {name: alice, ip: 192.168.1.2/24}
                switches: [{name: switch}]
                links:
                  - {name: lan1, between: [server, switch]}
                  - {name: lan2, between: [alice, switch]}
                server: {host: server%s}
                clients: [{host: alice}]
                script:
                %s
                """.formatted(server, script);
    }

    @Test
    void anEmitDuringTheUpgradeWaitsAndLeavesOnTheWebSocketAfterTheUpgradePacket() {
        ScenarioRun run = Wire.run(scenario("", "  - {at: 50ms, client: alice, emit: chat, args: [\"mid-upgrade\"]}\n"
                + "  - {at: 300ms, client: alice, disconnect: true}"));
        List<Wire.Message> m = Wire.messages(run, "server");
        Wire.Message probe = Wire.first(m, "192.168.1.1", "3probe");
        Wire.Message upgrade = Wire.first(m, ALICE, "5");
        Wire.Message emit = Wire.first(m, ALICE, "42[\"chat\",\"mid-upgrade\"]");
        assertThat(probe.ms()).isLessThan(50);
        assertThat(upgrade.ms()).isGreaterThan(50);
        assertThat(emit.transport()).isEqualTo("websocket");
        // right behind the upgrade packet, at the same moment
        assertThat(Wire.indexOf(m, emit)).isEqualTo(Wire.indexOf(m, upgrade) + 1);
        assertThat(emit.timeNanos() - upgrade.timeNanos()).isLessThan(100_000L);
        assertThat(postsOpenedAfter(run.timeline(), probe.timeNanos())).isZero();
    }

    @Test
    void aBinaryEmitDuringTheUpgradeSendsTextAndAttachmentOnTheWebSocket() {
        ScenarioRun run = Wire.run(scenario("", "  - {at: 50ms, client: alice, emit: pic, args: [{\"$binary\": "
                + "\"0102\"}]}\n  - {at: 300ms, client: alice, disconnect: true}"));
        List<Wire.Message> m = Wire.messages(run, "server");
        Wire.Message probe = Wire.first(m, "192.168.1.1", "3probe");
        Wire.Message upgrade = Wire.first(m, ALICE, "5");
        Wire.Message emit = Wire.firstStarting(m, ALICE, "451-[\"pic\"");
        assertThat(emit.transport()).isEqualTo("websocket");
        assertThat(Wire.indexOf(m, emit)).isGreaterThan(Wire.indexOf(m, upgrade));
        // neither the text nor the attachment went by polling
        assertThat(postsOpenedAfter(run.timeline(), probe.timeNanos())).isZero();
        long binaryFramesFromAlice = run.timeline().query().node("alice").direction(org.netsim.timeline.Direction.DOWN)
                .protocol(org.netsim.pdu.Protocol.WEBSOCKET).list().stream()
                .filter(e -> e.pdu().summary().contains("Binary")).count();
        assertThat(binaryFramesFromAlice).isOne();
    }

    @Test
    void aPingThatArrivesDuringTheUpgradeIsAnsweredOnTheWebSocketAfterTheUpgradePacket() {
        // the first ping leaves 50 ms after the open packet, in the GET the client keeps pending while it upgrades
        ScenarioRun run = Wire.run(scenario(", pingInterval: 50, pingTimeout: 40",
                "  - {at: 300ms, client: alice, disconnect: true}"));
        List<Wire.Message> m = Wire.messages(run, "server");
        Wire.Message ping = m.stream().filter(x -> x.from("192.168.1.1") && "2".equals(x.text())).findFirst()
                .orElseThrow();
        Wire.Message probe = Wire.first(m, "192.168.1.1", "3probe");
        Wire.Message upgrade = Wire.first(m, ALICE, "5");
        Wire.Message pong = Wire.first(m, ALICE, "3");
        assertThat(ping.transport()).isEqualTo("polling");
        assertThat(ping.timeNanos()).isGreaterThan(probe.timeNanos());
        assertThat(pong.transport()).isEqualTo("websocket");
        assertThat(Wire.indexOf(m, pong)).isEqualTo(Wire.indexOf(m, upgrade) + 1);
        assertThat(postsOpenedAfter(run.timeline(), probe.timeNanos())).isZero();
        // the pong came in time: the server did not close the session
        assertThat(run.timeline().query().node("server").direction(org.netsim.timeline.Direction.STATE).list())
                .noneMatch(e -> e.description().contains("ping timeout"));
    }

    /** Alice's polling POSTs whose connection opened after {@code nanos}. */
    static long postsOpenedAfter(Timeline t, long nanos) {
        return t.connections().stream().filter(c -> c.purpose().equals("polling POST"))
                .filter(c -> opened(t, c) > nanos).count();
    }

    static long opened(Timeline t, Connection c) {
        return t.query().connection(c.index()).list().get(0).timeNanos();
    }
}
