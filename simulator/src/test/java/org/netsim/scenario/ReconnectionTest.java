package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * When the network fails, the client does what socket.io-client 4.8 does (checked against Node 20 with a proxy that
 * held the traffic): its engine closes with "ping timeout" when no ping comes for pingInterval + pingTimeout, with
 * "transport error" when a poll is answered 400, with "transport close" when the server closes the WebSocket; the
 * namespace hears {@code disconnect} with that reason; the manager waits its back-off, opens a new session, sends
 * CONNECT again, then what was emitted meanwhile.
 */
class ReconnectionTest {
    static final String SERVER = "192.168.1.1";
    static final String ALICE = "192.168.1.2";

    static String network(long seed, String drop, String server, String client, String script) {
        return """
                seed: %d
                hosts:
                  - {name: server, ip: 192.168.1.1/24}
                  - {name: alice, ip: 192.168.1.2/24}
                switches: [{name: switch}]
                links:
                  - {name: lan1, between: [server, switch], drop: [%s]}
                  - {name: lan2, between: [alice, switch]}
                server: {host: server, %s}
                clients: [{host: alice%s}]
                script:
                %s
                """.formatted(seed, drop, server, client, script);
    }

    static String range(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    static String outage(String drop) {
        return network(8, drop, "pingInterval: 300, pingTimeout: 200, on: [{event: chat, emit: socket.emit}]", "", """
                  - {at: 500ms, client: alice, emit: chat, args: ["before"]}
                  - {at: 1600ms, client: alice, emit: chat, args: ["while away"]}
                  - {at: 1600ms, client: alice, emit: chat, args: ["volatile, while away"], volatile: true}
                  - {at: 2500ms, client: alice, emit: chat, args: ["volatile, reconnecting"], volatile: true}
                  - {at: 5s, client: alice, disconnect: true}""");
    }

    /**
     * The server's cable loses ten frames in a row from the first it carries at 1.2 s or later (the ping of 1.2 s):
     * with TCP's retransmissions backing off, about 2 s without a frame through.
     */
    static final String OUTAGE = outageFrom(firstFrameFrom(Wire.run(outage("")).timeline(), "lan1", "1.2s"));

    static String outageFrom(int frame) {
        return outage(range(frame, frame + 9));
    }

    @Test
    void anOutageEndsInPingTimeoutsAndTheClientReconnectsAndSendsWhatItBuffered() {
        ScenarioRun run = Wire.run(OUTAGE);
        Timeline t = run.timeline();
        // the client's heartbeat: pingInterval + pingTimeout after the last ping that reached it
        TimelineEvent lastPing = last(t.query().node("alice").direction(Direction.UP).protocol(Protocol.ENGINEIO)
                .list().stream().filter(e -> e.description().equals("ping")).filter(e -> e.timeNanos() < at("1.3s"))
                .toList());
        TimelineEvent clientTimeout = note(t, "alice", "no ping for 500 ms");
        assertThat(clientTimeout.timeNanos() - lastPing.timeNanos()).isEqualTo(500_000_000L);
        assertThat(note(t, "alice", "disconnected from namespace / (ping timeout)").timeNanos())
                .isEqualTo(clientTimeout.timeNanos());
        // the server's: pingTimeout after the ping the outage swallowed
        TimelineEvent serverPing = t.query().node("server").direction(Direction.DOWN).protocol(Protocol.ENGINEIO)
                .list().stream().filter(e -> e.description().equals("ping") && e.timeNanos() > lastPing.timeNanos())
                .findFirst().orElseThrow();
        assertThat(note(t, "server", "left namespace / (ping timeout)").timeNanos() - serverPing.timeNanos())
                .isEqualTo(200_000_000L);

        // the back-off: 1 s ± half, from the seeded random source, then the attempt
        TimelineEvent waiting = note(t, "alice", "reconnecting in ");
        Matcher d = Pattern.compile("reconnecting in (\\d+) ms \\(attempt 1\\)").matcher(waiting.description());
        assertThat(d.find()).as(waiting.description()).isTrue();
        long delay = Long.parseLong(d.group(1));
        assertThat(delay).isBetween(500L, 1500L);
        TimelineEvent attempt = note(t, "alice", "reconnect attempt 1");
        assertThat(attempt.timeNanos() - waiting.timeNanos()).isEqualTo(delay * 1_000_000L);
        TimelineEvent reopened = note(t, "alice", "reconnected after 1 attempt");
        // the scenario's volatile emits fall on both sides of the attempt
        assertThat(attempt.timeNanos()).isBetween(at("1.6s"), at("2.5s"));
        assertThat(reopened.timeNanos()).isGreaterThan(at("2.5s"));

        // on the wire: a second handshake with a new sid, CONNECT again, then the buffered emit, echoed
        List<Wire.Message> m = Wire.messages(run, "server");
        List<Wire.Message> opens = m.stream().filter(x -> x.from(SERVER) && x.text() != null
                && x.text().startsWith("0{\"sid\"")).toList();
        assertThat(opens).hasSize(2);
        assertThat(opens.get(1).text()).isNotEqualTo(opens.get(0).text());
        assertThat(opens.get(1).timeNanos()).isGreaterThan(attempt.timeNanos());
        List<String> fromAlice = Wire.textsFrom(m.subList(Wire.indexOf(m, opens.get(1)), m.size()), ALICE);
        // emitBuffered writes both at once: the first leaves in a POST, the second waits for its ok, then for the
        // upgrade the probe has begun meanwhile, and leaves on the WebSocket after 5
        assertThat(fromAlice).containsSubsequence("40", "42[\"chat\",\"while away\"]", "5",
                "42[\"chat\",\"volatile, while away\"]");
        Wire.Message reconnected = m.stream().filter(x -> x.from(SERVER) && x.text() != null
                && x.text().startsWith("40{\"sid\"") && x.timeNanos() > opens.get(1).timeNanos()).findFirst()
                .orElseThrow();
        Wire.Message buffered = Wire.first(m, ALICE, "42[\"chat\",\"while away\"]");
        assertThat(buffered.timeNanos()).isGreaterThan(reconnected.timeNanos());
        // both buffered emits were echoed in the new session
        assertThat(ShippedScenariosTest.received(t, "alice", "while away")).isEqualTo(2);
        // the WebSocket that was closed still reads writable, so Node kept the first volatile emit; once the new
        // engine exists its polling transport is not open yet, and the second is dropped
        assertThat(note(t, "alice", "volatile emit \"chat\" dropped").timeNanos()).isEqualTo(at("2.5s"));
        assertThat(ShippedScenariosTest.received(t, "server", "volatile, reconnecting")).isZero();
        assertThat(ShippedScenariosTest.received(t, "alice", "before")).isOne();
    }

    @Test
    void aPollAnswered400IsATransportErrorTheClientSaysGoodbyeAndReconnects() {
        // a polling-only client; the server's cable loses the connections the client opens after the first ping,
        // so the pong comes a second late, after the server closed the session (ping timeout)
        ScenarioRun run = Wire.run(network(9, range(39, 45), "pingInterval: 1000, pingTimeout: 200",
                ", transports: [polling]", "  - {at: 4s, client: alice, disconnect: true}"));
        Timeline t = run.timeline();
        TimelineEvent serverTimeout = note(t, "server", "left namespace / (ping timeout)");
        TimelineEvent error = note(t, "alice", "transport error (xhr poll error)");
        assertThat(error.timeNanos()).isGreaterThan(serverTimeout.timeNanos());
        assertThat(note(t, "alice", "disconnected from namespace / (transport error)").timeNanos())
                .isEqualTo(error.timeNanos());
        List<Wire.Message> m = Wire.messages(run, "server");
        // engine.io-client closes its polling transport with the close packet, answered 400 too
        Wire.Message goodbye = m.stream().filter(x -> x.from(ALICE) && "1".equals(x.text())).findFirst()
                .orElseThrow();
        assertThat(goodbye.transport()).isEqualTo("polling");
        assertThat(goodbye.timeNanos()).isGreaterThanOrEqualTo(error.timeNanos());
        List<TimelineEvent> refused = t.query().node("alice").direction(Direction.UP).protocol(Protocol.HTTP).list()
                .stream().filter(e -> e.description().contains("400 Bad Request")).toList();
        assertThat(refused).hasSizeGreaterThanOrEqualTo(2);
        assertThat(new String(((org.netsim.timeline.Unit.Message) refused.get(0).unit()).bytes(),
                java.nio.charset.StandardCharsets.US_ASCII)).contains("{\"code\":1,\"message\":\"Session ID unknown\"}");
        assertThat(note(t, "alice", "reconnected after 1 attempt").timeNanos()).isGreaterThan(error.timeNanos());
        assertThat(m.stream().filter(x -> x.from(SERVER) && x.text() != null && x.text().startsWith("40{\"sid\"")))
                .hasSize(2);
    }

    @Test
    void aWebSocketTheServerClosesIsATransportClose() {
        // the client's first pong is lost; the server's pingTimeout (100 ms) ends before TCP sends it again
        String server = "pingInterval: 300, pingTimeout: 100, namespaces: [/admin]";
        String client = ", transports: [websocket], namespaces: {\"/\": null, \"/admin\": {\"token\": \"t\"}}";
        String script = "  - {at: 2s, client: alice, disconnect: true}";
        int pong = frameOnLink(Wire.run(network(10, "", server, client, script)).timeline(), "lan1", "pong");
        ScenarioRun run = Wire.run(network(10, Integer.toString(pong), server, client, script));
        Timeline t = run.timeline();
        TimelineEvent serverTimeout = note(t, "server", "left namespace / (ping timeout)");
        List<Wire.Message> m = Wire.messages(run, "server");
        Wire.Message serverClose = m.stream().filter(x -> x.from(SERVER) && "CONNECTION CLOSE".equals(x.type()))
                .findFirst().orElseThrow(() -> new AssertionError(m.toString()));
        assertThat(serverClose.timeNanos()).isEqualTo(serverTimeout.timeNanos());
        // ws answers the Close, ends TCP 0.4 ms later, and then the engine hears "transport close"
        Wire.Message reply = m.stream().filter(x -> x.from(ALICE) && "CONNECTION CLOSE".equals(x.type()))
                .findFirst().orElseThrow();
        assertThat(reply.timeNanos()).isGreaterThan(serverClose.timeNanos());
        TimelineEvent closed = note(t, "alice", "disconnected from namespace / (transport close)");
        assertThat(closed.timeNanos()).isGreaterThan(serverClose.timeNanos());
        assertThat(note(t, "alice", "disconnected from namespace /admin (transport close)").timeNanos())
                .isEqualTo(closed.timeNanos());
        TimelineEvent reopened = note(t, "alice", "reconnected after 1 attempt");
        assertThat(reopened.timeNanos()).isGreaterThan(closed.timeNanos());
        // CONNECT again for each namespace, with its auth, in the order the client lists them
        List<String> again = Wire.textsFrom(m.stream().filter(x -> x.timeNanos() >= reopened.timeNanos()).toList(),
                ALICE);
        assertThat(again).startsWith("40", "40/admin,{\"token\":\"t\"}");
        assertThat(m.stream().filter(x -> x.from(SERVER) && x.text() != null && x.text().startsWith("40/admin,{")))
                .hasSize(2);
    }

    @Test
    void theSameOutageGivesTheSameBytesTwice() {
        ScenarioRun a = Wire.run(OUTAGE);
        ScenarioRun b = Wire.run(OUTAGE);
        for (String p : a.capturePoints()) {
            List<ScenarioRun.CapturedFrame> fa = a.capture(p);
            List<ScenarioRun.CapturedFrame> fb = b.capture(p);
            assertThat(fa).hasSameSizeAs(fb);
            for (int i = 0; i < fa.size(); i++) {
                assertThat(fa.get(i).timeNanos()).isEqualTo(fb.get(i).timeNanos());
                assertThat(fa.get(i).bytes()).isEqualTo(fb.get(i).bytes());
            }
        }
    }

    /** The number on {@code link} of its first frame sent at {@code time} or later. */
    static int firstFrameFrom(Timeline t, String link, String time) {
        int n = 0;
        for (TimelineEvent e : t.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).list()) {
            if (((org.netsim.timeline.Unit.Hop) e.unit()).link().equals(link)) {
                n++;
                if (e.timeNanos() >= at(time)) {
                    return n;
                }
            }
        }
        throw new AssertionError("nothing on " + link + " from " + time);
    }

    /** The number on {@code link} (1 = its first frame, either way) of the first frame carrying Engine.IO {@code what}. */
    static int frameOnLink(Timeline t, String link, String what) {
        int n = 0;
        for (TimelineEvent e : t.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).list()) {
            if (!((org.netsim.timeline.Unit.Hop) e.unit()).link().equals(link)) {
                continue;
            }
            n++;
            var eio = e.wholePdu().find(Protocol.ENGINEIO);
            if (eio.isPresent() && eio.get().summary().equals(what)) {
                return n;
            }
        }
        throw new AssertionError("no " + what + " on " + link);
    }

    static long at(String time) {
        return ScenarioRunner.START_NANOS + Units.nanos(time, "test");
    }

    static TimelineEvent note(Timeline t, String node, String text) {
        return t.query().node(node).direction(Direction.STATE).list().stream()
                .filter(e -> e.description().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no note \"" + text + "\" at " + node));
    }

    static TimelineEvent last(List<TimelineEvent> events) {
        assertThat(events).isNotEmpty();
        return events.get(events.size() - 1);
    }
}
