package org.netsim.app.gui.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/** Loading, the edits that run the scenario again (seed, clients, links), keeping the selection, and pcap export. */
class SessionViewModelTest {
    private SessionViewModel session;

    @BeforeEach
    void load() {
        session = new SessionViewModel();
        assertThat(session.openShipped("one-client.yaml")).isTrue();
    }

    @Test
    void openingAShippedScenarioStartsBeforeTheFirstEvent() {
        assertThat(session.scenario().name()).isEqualTo("One client and a server");
        assertThat(session.run().timeline().size()).isPositive();
        assertThat(session.selectedEvent()).isNull();
        assertThat(session.selectedIndex()).isEqualTo(-1);
        assertThat(session.currentTime()).isEqualTo(SessionViewModel.START_NANOS);
        assertThat(session.messageIsErrorProperty().get()).isFalse();
        assertThat(session.sourceProperty().get()).isEqualTo("one-client.yaml");
    }

    @Test
    void selectingSetsEventAndTime() {
        session.select(42);
        assertThat(session.selectedIndex()).isEqualTo(42);
        assertThat(session.currentTime()).isEqualTo(session.run().timeline().get(42).timeNanos());
        session.select(-1);
        assertThat(session.selectedEvent()).isNull();
        assertThat(session.currentTime()).isEqualTo(SessionViewModel.START_NANOS);
    }

    @Test
    void aBadFileKeepsTheScenarioAndSaysWhyInOneLine(@TempDir Path dir) throws Exception {
        Scenario before = session.scenario();
        session.select(10);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: broken\nhosts:\n  - {name: a, ip: 10.0.0.1/24}\nlinkz: []\n");
        assertThat(session.openFile(bad)).isFalse();
        assertThat(session.scenario()).isSameAs(before);
        assertThat(session.selectedIndex()).isEqualTo(10);
        assertThat(session.messageIsErrorProperty().get()).isTrue();
        assertThat(session.messageProperty().get()).contains("unknown key \"linkz\"").doesNotContain("\n");
        assertThat(session.openFile(dir.resolve("missing.yaml"))).isFalse();
        assertThat(session.messageProperty().get()).contains("no such file");
    }

    @Test
    void aGoodFileOpens(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                name: Mine
                hosts:
                  - {name: server, ip: 10.0.0.1/24}
                  - {name: zoe, ip: 10.0.0.2/24}
                switches: [{name: sw}]
                links:
                  - {between: [server, sw]}
                  - {between: [zoe, sw]}
                server: {host: server}
                clients: [{host: zoe, transports: [websocket]}]
                script: [{at: 50ms, client: zoe, emit: hello, args: [1]}]
                """);
        assertThat(session.openFile(file)).isTrue();
        assertThat(session.scenario().name()).isEqualTo("Mine");
        assertThat(session.run().timeline().nodes()).contains("zoe", "sw");
    }

    @Test
    void aNewSeedRunsAgainKeepingTheSelectedIndex() {
        session.select(300);
        long seed = session.scenario().seed();
        ScenarioRun before = session.run();
        assertThat(session.newSeed()).isTrue();
        assertThat(session.scenario().seed()).isEqualTo(seed + 1);
        assertThat(session.run()).isNotSameAs(before);
        assertThat(session.selectedIndex()).isEqualTo(300);
        assertThat(session.selectedEvent().timeNanos()).isLessThanOrEqualTo(session.currentTime());
    }

    @Test
    void addingAClientAddsAHostALinkToTheSwitchAndASocketIoClient() {
        assertThat(session.addClient()).isTrue();
        Scenario s = session.scenario();
        Scenario.HostSpec bob = s.hosts().get(s.hosts().size() - 1);
        assertThat(bob.name()).isEqualTo("bob");
        assertThat(bob.ip()).isEqualTo("192.168.1.3/24");
        assertThat(s.links()).anyMatch(l -> l.between().equals(List.of("bob", "switch")));
        assertThat(s.clients()).extracting(Scenario.ClientSpec::host).containsExactly("alice", "bob");
        List<TimelineEvent> connects = session.run().timeline().query().node("bob").protocol(Protocol.SOCKETIO)
                .direction(Direction.UP).list();
        assertThat(connects).anyMatch(e -> e.description().startsWith("CONNECT"));
        assertThat(session.addClient()).isTrue();
        assertThat(session.scenario().clients()).extracting(Scenario.ClientSpec::host)
                .containsExactly("alice", "bob", "carol");
    }

    @Test
    void removingAClientRemovesItsHostLinksAndScript() {
        assertThat(session.removeClient("alice")).isTrue();
        Scenario s = session.scenario();
        assertThat(s.hosts()).extracting(Scenario.HostSpec::name).containsExactly("server");
        assertThat(s.links()).hasSize(1);
        assertThat(s.script()).isEmpty();
        assertThat(session.run().timeline().query().protocol(Protocol.SOCKETIO).count()).isZero();
        assertThat(session.removeClient("nobody")).isFalse();
        assertThat(session.messageIsErrorProperty().get()).isTrue();
    }

    @Test
    void aSlowerLinkMakesItsFramesTakeLongerOnTheWire() {
        long before = firstHopNanos("lan2");
        assertThat(session.changeLink(1, "10Mbps", "2ms", "0", "1500")).isTrue();
        Scenario.LinkSpec lan2 = session.scenario().links().get(1);
        assertThat(lan2.rate()).isEqualTo("10Mbps");
        assertThat(lan2.delay()).isEqualTo("2ms");
        long after = firstHopNanos("lan2");
        // 60-byte frame: 5.76 µs + 0.5 µs at 100 Mb/s; 57.6 µs + 2 ms at 10 Mb/s
        assertThat(before).isEqualTo(6_260);
        assertThat(after).isEqualTo(2_057_600);
    }

    @Test
    void badLinkSettingsAreReportedAndChangeNothing() {
        Scenario before = session.scenario();
        assertThat(session.changeLink(0, "fast", null, (Double) null, null)).isFalse();
        assertThat(session.messageProperty().get()).contains("fast");
        assertThat(session.changeLink(0, null, null, "2", null)).isFalse();
        assertThat(session.messageProperty().get()).contains("loss");
        assertThat(session.changeLink(0, null, null, null, "tiny")).isFalse();
        assertThat(session.messageProperty().get()).contains("MTU");
        assertThat(session.scenario()).isSameAs(before);
    }

    @Test
    void exportWritesOnePcapPerCapturePointWithItsFrames(@TempDir Path dir) throws Exception {
        List<Path> files = session.exportJob(dir, null).call();
        assertThat(files).containsExactly(dir.resolve("server.pcap"), dir.resolve("alice.pcap"));
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(magic(bytes)).isIn(0xa1b23c4dL, 0xa1b2c3d4L);
            assertThat(frameCount(bytes)).isEqualTo(session.run().capture(f.getFileName().toString()
                    .replace(".pcap", "")).size());
        }
        try (var left = Files.list(dir)) {
            assertThat(left).hasSize(2); // no temporary files left behind
        }
        Path one = dir.resolve("only-alice.pcap");
        assertThat(session.exportJob(one, "alice").call()).containsExactly(one);
        assertThat(frameCount(Files.readAllBytes(one))).isEqualTo(session.run().capture("alice").size());
    }

    private long firstHopNanos(String link) {
        for (TimelineEvent e : session.run().timeline().query().direction(Direction.WIRE).list()) {
            Unit.Hop h = (Unit.Hop) e.unit();
            if (h.link().equals(link)) {
                return h.arrivalNanos() - e.timeNanos();
            }
        }
        throw new AssertionError("no frame on " + link);
    }

    static long magic(byte[] pcap) {
        return (pcap[0] & 0xffL) | (pcap[1] & 0xffL) << 8 | (pcap[2] & 0xffL) << 16 | (pcap[3] & 0xffL) << 24;
    }

    /** Counts the records of a little-endian pcap file by walking their headers. */
    static int frameCount(byte[] pcap) {
        int n = 0;
        int at = 24;
        while (at + 16 <= pcap.length) {
            int captured = (pcap[at + 8] & 0xff) | (pcap[at + 9] & 0xff) << 8 | (pcap[at + 10] & 0xff) << 16
                    | (pcap[at + 11] & 0xff) << 24;
            at += 16 + captured;
            n++;
        }
        assertThat(at).isEqualTo(pcap.length);
        return n;
    }
}
