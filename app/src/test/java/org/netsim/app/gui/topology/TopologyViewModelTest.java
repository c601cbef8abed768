package org.netsim.app.gui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/** The topology's state without a window: layout, cable labels, frames in flight, the two kinds of broadcast. */
class TopologyViewModelTest {
    private final TopologyViewModel vm = new TopologyViewModel(Scenarios.TEXT);

    @ParameterizedTest
    @ValueSource(strings = {"one-client.yaml", "broadcast-three-clients.yaml", "rooms.yaml",
            "lossy-retransmission.yaml", "router-two-subnets.yaml", "small-mtu.yaml", "slow-reader.yaml"})
    void everyShippedScenarioIsLaidOutInsideTheDrawingWithoutOverlaps(String file) {
        vm.setRun(Scenarios.run(file));
        TopologyGraph g = vm.graphProperty().get();
        assertThat(g.devices()).hasSize(Scenarios.run(file).network().nodes().size());
        Set<String> places = new HashSet<>();
        for (TopologyGraph.Device d : g.devices()) {
            assertThat(d.x()).isBetween(0.0, 1.0);
            assertThat(d.y()).isBetween(0.0, 1.0);
            assertThat(places.add(Math.round(d.x() * 20) + "," + Math.round(d.y() * 20))).as(d.name()).isTrue();
        }
        assertThat(g.cables()).hasSize(Scenarios.run(file).network().links().size());
    }

    @Test
    void theSwitchIsInTheMiddleAndTheRoutersBetweenTheirSubnets() {
        vm.setRun(Scenarios.run("broadcast-three-clients.yaml"));
        TopologyGraph g = vm.graphProperty().get();
        assertThat(g.device("switch").x()).isEqualTo(0.5);
        assertThat(g.device("switch").y()).isEqualTo(0.5);
        assertThat(g.device("server").y()).isLessThan(0.5);
        assertThat(g.device("server").addresses()).containsExactly("192.168.1.1/24");

        vm.setRun(Scenarios.run("small-mtu.yaml"));
        g = vm.graphProperty().get();
        assertThat(g.device("alice").x()).isLessThan(g.device("r1").x());
        assertThat(g.device("r1").x()).isLessThan(g.device("r2").x());
        assertThat(g.device("r2").x()).isLessThan(g.device("server").x());
        assertThat(g.device("r1").kind()).isEqualTo(TopologyGraph.Kind.ROUTER);
        assertThat(g.device("r1").addresses()).containsExactly("192.168.1.1/24", "172.16.0.1/30");

        vm.setRun(Scenarios.run("router-two-subnets.yaml"));
        g = vm.graphProperty().get();
        assertThat(g.device("alice").x()).isLessThan(g.device("router").x());
        assertThat(g.device("router").x()).isLessThan(g.device("server").x());
    }

    @Test
    void cablesAreLabelledWithRateDelayMtuAndLoss() {
        CableLabels labels = new CableLabels(Scenarios.TEXT);
        vm.setRun(Scenarios.run("small-mtu.yaml"));
        TopologyGraph g = vm.graphProperty().get();
        assertThat(labels.full("lan", g.cable("lan").config())).containsExactly("lan: 100 Mb/s \u00b7 500 ns",
                "MTU 1500 \u00b7 loss 0 %");
        assertThat(labels.full("narrow", g.cable("narrow").config()).get(1)).startsWith("MTU 576");
        vm.setRun(Scenarios.run("lossy-retransmission.yaml"));
        assertThat(labels.full("lan2", vm.graphProperty().get().cable("lan2").config()).get(1))
                .isEqualTo("MTU 1500 \u00b7 loss 0 % \u00b7 drops frame 14");
    }

    @Test
    void theEmitFrameIsOnAlicesCableWithItsProgress() {
        ScenarioRun run = Scenarios.run("one-client.yaml");
        vm.setRun(run);
        TimelineEvent wire = Scenarios.socketIo(run, "alice", Direction.WIRE, Protocol.PHYSICAL, "\"chat\"");
        Unit.Hop hop = (Unit.Hop) wire.unit();
        long t = wire.timeNanos() + (hop.arrivalNanos() - wire.timeNanos()) / 4;
        vm.setTime(t);
        assertThat(vm.inFlight()).hasSize(1);
        FrameInFlight f = vm.inFlight().get(0);
        assertThat(f.event()).isEqualTo(wire.index());
        assertThat(f.link()).isEqualTo("lan2");
        assertThat(f.from()).isEqualTo("alice");
        assertThat(f.to()).isEqualTo("switch");
        assertThat(f.progress()).isCloseTo(0.25, within(0.01));
        assertThat(f.protocol()).isEqualTo(Protocol.SOCKETIO);
        assertThat(f.label()).isEqualTo("Socket.IO \"chat\" [\"hi\"]");
        assertThat(f.broadcast()).isFalse();
        assertThat(f.lost()).isFalse();
        // the last bit arrives: the frame is off the cable
        vm.setTime(hop.arrivalNanos());
        assertThat(vm.inFlight()).extracting(FrameInFlight::event).doesNotContain(wire.index());
        // before anything is sent, nothing flies
        vm.setTime(run.network().startNanos());
        assertThat(vm.inFlight()).isEmpty();
    }

    @Test
    void handshakeFramesAreLabelledWithTheirFlags() {
        ScenarioRun run = Scenarios.run("one-client.yaml");
        vm.setRun(run);
        List<String> labels = run.timeline().query().direction(Direction.WIRE).list().stream().limit(12)
                .map(e -> vm.framesAt(e.timeNanos()).stream().filter(f -> f.event() == e.index()).findFirst()
                        .orElseThrow().label()).toList();
        assertThat(labels).startsWith("ARP request", "ARP request", "ARP reply", "ARP reply", "TCP SYN", "TCP SYN",
                "TCP SYN/ACK", "TCP SYN/ACK", "TCP ACK");
    }

    @Test
    void anArpBroadcastFloodsOneFrameOutOfEveryOtherSwitchPort() {
        ScenarioRun run = Scenarios.run("broadcast-three-clients.yaml");
        vm.setRun(run);
        TimelineEvent flood = run.timeline().query().node("switch").direction(Direction.WIRE).list().get(0);
        vm.setTime(flood.timeNanos() + 100);
        List<FrameInFlight> fromSwitch = vm.inFlight().stream().filter(f -> f.from().equals("switch")).toList();
        // four ports: the request came in on one, goes out of the other three, at the same moment
        assertThat(fromSwitch).hasSize(3).allMatch(f -> f.broadcast() && f.protocol() == Protocol.ARP);
        assertThat(fromSwitch).extracting(FrameInFlight::link).doesNotHaveDuplicates();
        assertThat(fromSwitch).extracting(FrameInFlight::to).doesNotContain("alice");
        assertThat(fromSwitch.stream().map(f -> run.timeline().get(f.event()).timeNanos()).distinct()).hasSize(1);
        assertThat(vm.notes()).anyMatch(n -> n.contains("ff:ff:ff:ff:ff:ff") && n.contains("switch"));
    }

    @Test
    void anIoEmitToThreeClientsIsThreeUnicastFramesToThreeHosts() {
        ScenarioRun run = Scenarios.run("broadcast-three-clients.yaml");
        vm.setRun(run);
        TimelineEvent emit = Scenarios.socketIo(run, "server", Direction.DOWN, Protocol.SOCKETIO, "\"news\"");
        Map<Integer, FrameInFlight> lastHops = new LinkedHashMap<>();
        boolean noted = false;
        for (long t = emit.timeNanos(); t < emit.timeNanos() + 200_000; t += 500) {
            vm.setTime(t);
            for (FrameInFlight f : vm.inFlight()) {
                if (f.label().contains("news") && f.from().equals("switch")) {
                    lastHops.put(f.event(), f);
                }
                assertThat(f.progress()).isBetween(0.0, 1.0);
            }
            noted |= vm.notes().stream().anyMatch(n -> n.contains("3 unicast frames")
                    && n.contains("alice, bob, carol"));
        }
        assertThat(lastHops.values()).hasSize(3).noneMatch(FrameInFlight::broadcast)
                .allMatch(f -> f.protocol() == Protocol.SOCKETIO);
        assertThat(lastHops.values()).extracting(FrameInFlight::to).containsExactlyInAnyOrder("alice", "bob", "carol");
        assertThat(noted).isTrue();
    }

    @Test
    void aLostFrameIsMarkedLost() {
        ScenarioRun run = Scenarios.run("lossy-retransmission.yaml");
        vm.setRun(run);
        TimelineEvent lost = run.timeline().query().direction(Direction.WIRE).list().stream()
                .filter(TimelineEvent::lost).findFirst().orElseThrow();
        Unit.Hop hop = (Unit.Hop) lost.unit();
        vm.setTime((lost.timeNanos() + hop.arrivalNanos()) / 2 + 1);
        FrameInFlight f = vm.inFlight().stream().filter(x -> x.event() == lost.index()).findFirst().orElseThrow();
        assertThat(f.lost()).isTrue();
        assertThat(f.progress()).isGreaterThan(0.5);
        assertThat(f.link()).isEqualTo("lan2");
    }
}
