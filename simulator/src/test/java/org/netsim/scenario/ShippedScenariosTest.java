package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Coverage;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.Reassembly;
import org.netsim.stack.StackDissector;
import org.netsim.timeline.Cursor;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

class ShippedScenariosTest {
    static final String[] ALL = {"one-client.yaml", "broadcast-three-clients.yaml", "rooms.yaml",
        "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml", "slow-reader.yaml"};

    @ParameterizedTest
    @ValueSource(strings = {"one-client.yaml", "broadcast-three-clients.yaml", "rooms.yaml",
        "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml", "slow-reader.yaml"})
    void sameScenarioAndSeedGiveTheSameBytesTwiceAndAnotherSeedDoesNot(String name) {
        Scenario s = ScenarioFile.builtIn(name);
        ScenarioRun a = ScenarioRunner.run(s);
        ScenarioRun b = ScenarioRunner.run(ScenarioFile.builtIn(name));
        assertThat(a.capturePoints()).isEqualTo(b.capturePoints()).isNotEmpty();
        for (String p : a.capturePoints()) {
            List<ScenarioRun.CapturedFrame> fa = a.capture(p);
            List<ScenarioRun.CapturedFrame> fb = b.capture(p);
            assertThat(fa).hasSameSizeAs(fb).isNotEmpty();
            for (int i = 0; i < fa.size(); i++) {
                assertThat(fa.get(i).timeNanos()).isEqualTo(fb.get(i).timeNanos());
                assertThat(fa.get(i).bytes()).isEqualTo(fb.get(i).bytes());
            }
        }
        Scenario other = new Scenario(s.name(), s.description(), s.seed() + 1, s.duration(), s.hosts(), s.switches(),
                s.routers(), s.links(), s.capture(), s.server(), s.clients(), s.script());
        ScenarioRun c = ScenarioRunner.run(other);
        String p = a.capturePoints().get(0);
        assertThat(flatten(c.capture(p))).isNotEqualTo(flatten(a.capture(p)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"one-client.yaml", "broadcast-three-clients.yaml", "rooms.yaml",
        "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml", "slow-reader.yaml"})
    void everyFrameDecodesWithNothingMalformedAndEveryEventHasItsPdu(String name) {
        // slow-reader's 90 KB upload and every other message longer than a segment included: reassembled, not cut
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn(name)).timeline();
        for (TimelineEvent e : t.events()) {
            Pdu p = e.pdu();
            if (e.direction() == Direction.STATE) {
                assertThat(p).isNull();
                assertThat(e.description()).isNotBlank();
                continue;
            }
            assertThat(p).as(e.toString()).isNotNull();
            assertThat(p.protocol()).as(e.toString()).isEqualTo(e.protocol());
            assertThat(p.firstMalformed()).as(e.toString()).isEmpty();
            // every byte of the frame, and of each message reassembled in it, owned exactly once
            assertThat(Coverage.problems(e.wholePdu(), 0, unitBytes(e.unit()).length)).as(e.toString()).isEmpty();
        }
    }

    /** The bytes an event's tree was decoded from, as the inspector shows them. */
    static byte[] unitBytes(Unit u) {
        if (u instanceof Unit.Hop h) {
            return StackDissector.onWire(h.frame().bytes());
        }
        if (u instanceof Unit.Frame f) {
            return f.bytes();
        }
        return u instanceof Unit.Packet p ? p.bytes() : ((Unit.Message) u).bytes();
    }

    @Test
    void slowReadersUploadIsReassembledFromItsSegmentsAndEachNamesTheEventThatCompletesIt() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("slow-reader.yaml")).timeline();
        List<Pdu> pieces = new ArrayList<>();
        Pdu completed = null;
        int completedAt = -1;
        for (TimelineEvent e : t.query().node("alice").direction(Direction.DOWN).protocol(Protocol.TCP).list()) {
            for (Pdu c : e.wholePdu().find(Protocol.TCP).orElseThrow().children()) {
                Reassembly r = c.header(Reassembly.class).orElse(null);
                if (r != null && r.role() == Reassembly.Role.SEGMENT) {
                    pieces.add(c);
                } else if (r != null && r.role() == Reassembly.Role.COMPLETED) {
                    completed = c;
                    completedAt = e.index();
                }
            }
        }
        assertThat(completed).isNotNull();
        assertThat(completed.source().length()).isEqualTo(90_030);
        assertThat(completed.source().pieces()).hasSize(pieces.size() + 1);
        String in = "event " + completedAt;
        assertThat(pieces).hasSizeGreaterThan(50).allSatisfy(c -> assertThat(c.field("tcp.reassembled_in")
                .orElseThrow().display()).isEqualTo(in));
        assertThat(completed.find(Protocol.SOCKETIO).orElseThrow().summary()).startsWith("EVENT id=0 \"upload\"");
    }

    @Test
    void steppingBackThenForwardShowsExactlyTheSameEvents() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("one-client.yaml")).timeline();
        Cursor c = t.cursor();
        List<String> forward = new ArrayList<>();
        for (TimelineEvent e = c.forward(); e != null; e = c.forward()) {
            forward.add(e.toString());
        }
        assertThat(forward).hasSize(t.size());
        List<String> back = new ArrayList<>();
        back.add(c.current().toString());
        for (TimelineEvent e = c.back(); e != null; e = c.back()) {
            back.add(e.toString());
        }
        java.util.Collections.reverse(back);
        assertThat(back).isEqualTo(forward);
        c.seek(99);
        String at100 = c.forward().toString();
        c.back();
        assertThat(c.forward().toString()).isEqualTo(at100).isEqualTo(forward.get(100));
        c.seekTime(t.get(200).timeNanos());
        assertThat(t.get(c.position()).timeNanos()).isEqualTo(t.get(200).timeNanos());
    }

    @Test
    void queriesSelectByNodeLayerProtocolAndConnection() {
        ScenarioRun run = ScenarioRunner.run(ScenarioFile.builtIn("one-client.yaml"));
        Timeline t = run.timeline();
        assertThat(t.query().node("switch").layer(OsiLayer.TRANSPORT).count()).isZero();
        assertThat(t.query().node("switch").protocol(Protocol.ETHERNET).count()).isPositive();
        List<TimelineEvent> tcpAtServer = t.query().node("server").protocol(Protocol.TCP).list();
        assertThat(tcpAtServer).isNotEmpty().allMatch(e -> e.node().equals("server") && e.protocol() == Protocol.TCP);
        // the polling handshake, the POST, the WebSocket and the polls: each its own connection
        assertThat(t.connections()).extracting(x -> x.purpose()).contains("polling GET (handshake)", "polling POST",
                "WebSocket (upgrade)", "polling GET");
        int ws = t.connections().stream().filter(x -> x.purpose().equals("WebSocket (upgrade)")).findFirst()
                .orElseThrow().index();
        List<String> states = t.query().connection(ws).node("alice").direction(Direction.STATE)
                .protocol(Protocol.TCP).list().stream().map(TimelineEvent::description).toList();
        assertThat(states).containsSubsequence("SYN_SENT", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED");
        List<String> serverStates = t.query().connection(ws).node("server").direction(Direction.STATE)
                .protocol(Protocol.TCP).list().stream().map(TimelineEvent::description).toList();
        assertThat(serverStates).containsSubsequence("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                "TIME_WAIT");
        // the upgrade, as the client sends it
        List<String> eio = t.query().node("alice").connection(ws).direction(Direction.DOWN)
                .protocol(Protocol.ENGINEIO).list().stream().map(e -> e.pdu().summary()).toList();
        assertThat(eio.get(0)).contains("probe");
        assertThat(eio.get(1)).containsIgnoringCase("upgrade");
    }

    @Test
    void arpIsAnEthernetBroadcastAndSocketIoBroadcastIsOneUnicastFramePerRecipient() {
        ScenarioRun run = ScenarioRunner.run(ScenarioFile.builtIn("broadcast-three-clients.yaml"));
        Timeline t = run.timeline();
        List<TimelineEvent> arp = t.query().protocol(Protocol.ARP).direction(Direction.DOWN).list();
        assertThat(arp).isNotEmpty();
        assertThat(arp.get(0).frameBytes()).startsWith(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        // "news" (io.emit) leaves the server three times, each frame to one client's MAC
        List<TimelineEvent> news = new ArrayList<>();
        for (TimelineEvent e : t.query().node("server").direction(Direction.DOWN).protocol(Protocol.TCP).list()) {
            Pdu sio = e.wholePdu().find(Protocol.SOCKETIO).orElse(null);
            if (sio != null && sio.summary().contains("news")) {
                news.add(e);
            }
        }
        assertThat(news).hasSize(3);
        assertThat(news.stream().map(e -> Arrays.toString(Arrays.copyOf(e.frameBytes(), 6))).distinct()).hasSize(3);
        assertThat(news).noneMatch(e -> (e.frameBytes()[0] & 1) != 0);
        // socket.broadcast.emit: Alice's chat reaches Bob and Carol, not Alice
        assertThat(received(t, "alice", "hello, everyone else")).isZero();
        assertThat(received(t, "bob", "hello, everyone else")).isOne();
        assertThat(received(t, "carol", "hello, everyone else")).isOne();
    }

    @Test
    void roomsReachTheirMembersOnly() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("rooms.yaml")).timeline();
        assertThat(List.of(received(t, "alice", "fractions"), received(t, "bob", "fractions"),
                received(t, "carol", "fractions"))).containsExactly(1, 1, 0);
        assertThat(List.of(received(t, "alice", "from alice"), received(t, "bob", "from alice"),
                received(t, "carol", "from alice"))).containsExactly(0, 1, 0);
        assertThat(List.of(received(t, "alice", "meeting at 4"), received(t, "bob", "meeting at 4"),
                received(t, "carol", "meeting at 4"))).containsExactly(0, 0, 1);
        assertThat(received(t, "carol", "grade")).isOne();
    }

    @Test
    void theRouterLowersTtlAndUsesItsOwnMac() {
        ScenarioRun run = ScenarioRunner.run(ScenarioFile.builtIn("router-two-subnets.yaml"));
        List<ScenarioRun.CapturedFrame> atServer = run.capture("server");
        List<ScenarioRun.CapturedFrame> atAlice = run.capture("alice");
        org.netsim.sim.Router router = (org.netsim.sim.Router) run.network().node("router");
        long routerMacOnServerSide = router.interfaces().get(1).port().mac().value();
        long aliceMac = ((org.netsim.sim.Host) run.network().node("alice")).port().mac().value();
        int fromAlice = 0;
        for (ScenarioRun.CapturedFrame f : atServer) {
            if ((f.bytes()[12] & 0xff) == 0x08 && f.bytes()[13] == 0 && (f.bytes()[26] & 0xff) == 192) {
                fromAlice++;
                assertThat(f.bytes()[22] & 0xff).isEqualTo(63);
                // the frame is the router's: its own MAC on the server's subnet as the source, not Alice's
                assertThat(mac(f.bytes(), 6)).isEqualTo(routerMacOnServerSide).isNotEqualTo(aliceMac);
            }
        }
        assertThat(fromAlice).isGreaterThan(5);
        // Alice asks ARP for her gateway, 192.168.1.1, not for the server
        ScenarioRun.CapturedFrame firstArp = atAlice.get(0);
        assertThat(Arrays.copyOfRange(firstArp.bytes(), 38, 42)).containsExactly(192, 168, 1, 1);
    }

    @Test
    void lostEmitIsSentAgainAndArrivesOnce() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("lossy-retransmission.yaml")).timeline();
        assertThat(t.query().direction(Direction.WIRE).list()).anyMatch(TimelineEvent::lost);
        assertThat(t.query().node("alice").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().startsWith("retransmission timeout"));
        // RFC 6298 5.1: the timer starts when the segment is sent; with an RTT of microseconds the RTO is the 200 ms
        // minimum, so the resend leaves 200 ms after the loss (the SYN's 1 s timer must not be the one that fires)
        TimelineEvent loss = t.query().direction(Direction.WIRE).list().stream().filter(TimelineEvent::lost)
                .findFirst().orElseThrow();
        TimelineEvent timeout = t.query().node("alice").direction(Direction.STATE).list().stream()
                .filter(e -> e.description().startsWith("retransmission timeout")).findFirst().orElseThrow();
        assertThat(timeout.timeNanos() - loss.timeNanos()).isEqualTo(200_000_000L);
        assertThat(timeout.description()).contains("nothing acknowledged for 200 ms");
        assertThat(received(t, "server", "does this arrive?")).isOne();
        assertThat(received(t, "alice", "does this arrive?")).isOne();
    }

    @Test
    void fragmentsArePutBackTogether() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("small-mtu.yaml")).timeline();
        assertThat(t.query().node("server").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().contains("put back together"));
        assertThat(received(t, "server", "Fragmentation splits")).isOne();
    }

    @Test
    void scenarioFileMistakesAreNamed() {
        assertThatThrownBy(() -> read("hosts:\n  - {name: a, ipp: 1.2.3.4}\n"))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("unknown key \"ipp\"");
        assertThatThrownBy(() -> ScenarioRunner.run(read(
                "hosts: [{name: a, ip: 10.0.0.1/24}]\nserver: {host: a}\nscript: [{at: 5 parsecs, server: io.emit, "
                + "event: x}]\n")))
                .isInstanceOf(ScenarioException.class).hasMessageContaining("parsecs");
        assertThatThrownBy(() -> ScenarioRunner.run(read("hosts: [{name: a, ip: 10.0.0.1/24}]\n"
                + "script: [{client: a, emit: x}]\n"))).hasMessageContaining("add a \"server\" section");
        assertThatThrownBy(() -> ScenarioRunner.run(read("hosts: [{name: a, ip: 10.0.0.1/24}]\n"
                + "links: [{between: [a, b]}]\n"))).hasMessageContaining("no host, switch or router interface named b");
        assertThatThrownBy(() -> ScenarioRunner.run(read("hosts: [{name: a, ip: 10.0.0.1/24}, "
                + "{name: b, ip: 10.0.0.2/24}]\nserver: {host: a}\nclients: [{host: b}]\n"
                + "script: [{server: io.to(room).emit, event: x}]\n"))).hasMessageContaining("needs a room");
    }

    /** Socket.IO packets that arrived at {@code node} (up the stack) whose text contains {@code text}. */
    static int received(Timeline t, String node, String text) {
        int n = 0;
        for (TimelineEvent e : t.query().node(node).direction(Direction.UP).protocol(Protocol.SOCKETIO).list()) {
            if (new String(e.pdu().allFields().stream().map(f -> String.valueOf(f.display())).reduce("", String::concat)
                    .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).contains(text)) {
                n++;
            }
        }
        return n;
    }

    static Scenario read(String yaml) {
        return ScenarioFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    private static long mac(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    @Test
    void aSlowReaderClosesTheWindowAndTheUploadStillArrivesWhole() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("slow-reader.yaml")).timeline();
        List<String> server = t.query().node("server").direction(Direction.STATE).protocol(Protocol.TCP).list()
                .stream().map(TimelineEvent::description).toList();
        List<String> alice = t.query().node("alice").direction(Direction.STATE).protocol(Protocol.TCP).list()
                .stream().map(TimelineEvent::description).toList();
        assertThat(server).anyMatch(d -> d.startsWith("receive buffer full"))
                .anyMatch(d -> d.startsWith("the program read from the receive buffer: window open again"));
        assertThat(alice).filteredOn(d -> d.startsWith("persist timer: zero-window probe")).hasSizeGreaterThan(3);
        // the 90,000-character upload reaches the server's Socket.IO once, and its acknowledgement comes back
        assertThat(received(t, "server", "0123456789".repeat(9000))).isOne();
        assertThat(received(t, "alice", "stored")).isOne();
    }

    private static byte[] flatten(List<ScenarioRun.CapturedFrame> frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        frames.forEach(f -> out.writeBytes(f.bytes()));
        return out.toByteArray();
    }
}
