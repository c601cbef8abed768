package org.netsim.app.gui.stack;

import org.netsim.app.gui.session.LayerModel;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The stack view's state without a window: blocks, rows per layer model, sender and receiver, animation steps, and
 * each device's in- and out-stack as Packet Tracer shows them (a switch up to Ethernet, a router up to IPv4 and down
 * with a new TTL and MAC addresses).
 */
class StackViewModelTest {
    private final ScenarioRun run = Scenarios.run("one-client.yaml");
    private final StackViewModel vm = new StackViewModel();

    private TimelineEvent emit() {
        return Scenarios.socketIo(run, "alice", Direction.DOWN, Protocol.SOCKETIO, "\"chat\"");
    }

    @Test
    void aSocketIoEmitFrameHasOneBlockPerLayerThatSumsToTheFrame() {
        vm.show(emit(), run.timeline());
        // 42["chat","hi"] in a masked WebSocket text frame, in a TCP segment with timestamps, on the wire:
        // preamble+SFD 8, Ethernet 14 + FCS 4, IPv4 20, TCP 20 + 12 options, WebSocket 2 + 4 masking key,
        // Engine.IO type '4', Socket.IO 2["chat","hi"]
        assertThat(vm.blocks()).containsExactly(
                new EncapsulationBlock(Protocol.PHYSICAL, 0, 8, 91, 0),
                new EncapsulationBlock(Protocol.ETHERNET, 8, 14, 73, 4),
                new EncapsulationBlock(Protocol.IPV4, 22, 20, 53, 0),
                new EncapsulationBlock(Protocol.TCP, 42, 32, 21, 0),
                new EncapsulationBlock(Protocol.WEBSOCKET, 74, 6, 15, 0),
                new EncapsulationBlock(Protocol.ENGINEIO, 80, 1, 14, 0),
                new EncapsulationBlock(Protocol.SOCKETIO, 81, 14, 0, 0));
        int sum = vm.blocks().stream().mapToInt(b -> b.headerBytes() + b.trailerBytes()).sum();
        assertThat(sum).isEqualTo(vm.frameLength()).isEqualTo(8 + 87 + 4);
        // each layer's unit is the layer above's unit plus its own header and trailer
        for (int i = 0; i + 1 < vm.blocks().size(); i++) {
            assertThat(vm.blocks().get(i).payloadBytes()).isEqualTo(vm.blocks().get(i + 1).totalBytes());
        }
        Transfer t = vm.transferProperty().get();
        assertThat(t.sender()).isEqualTo("alice");
        assertThat(t.receiver()).isEqualTo("server");
        assertThat(t.path()).containsExactly("alice", "switch", "server");
        assertThat(t.receiverTop()).isEqualTo(Protocol.TCP);
        assertThat(vm.eventProtocolProperty().get()).isEqualTo(Protocol.SOCKETIO);
        assertThat(vm.receiverBlocksProperty().get()).isEqualTo(7);
    }

    @Test
    void osiRowsPutEngineIoAndWebSocketOnTheSessionLayer() {
        vm.show(emit(), run.timeline());
        vm.layerModelProperty().set(LayerModel.OSI);
        assertThat(LayerModel.OSI.rows()).extracting(LayerModel.LayerRow::number).containsExactly(7, 6, 5, 4, 3, 2, 1);
        assertThat(protocolsOnRows()).containsExactly(List.of(Protocol.SOCKETIO), List.of(),
                List.of(Protocol.ENGINEIO, Protocol.WEBSOCKET), List.of(Protocol.TCP), List.of(Protocol.IPV4),
                List.of(Protocol.ETHERNET), List.of(Protocol.PHYSICAL));
    }

    @Test
    void tcpIpRowsFoldTheUpperThreeOsiLayersIntoApplication() {
        vm.show(emit(), run.timeline());
        vm.layerModelProperty().set(LayerModel.TCP_IP);
        List<LayerModel.LayerRow> rows = LayerModel.TCP_IP.rows();
        assertThat(rows).extracting(LayerModel.LayerRow::title).containsExactly("Application", "Transport",
                "Internet", "Link");
        assertThat(rows.get(0).osi()).extracting(o -> o.number()).containsExactly(7, 6, 5);
        assertThat(rows.get(3).osi()).extracting(o -> o.number()).containsExactly(2, 1);
        assertThat(protocolsOnRows()).containsExactly(
                List.of(Protocol.SOCKETIO, Protocol.ENGINEIO, Protocol.WEBSOCKET), List.of(Protocol.TCP),
                List.of(Protocol.IPV4), List.of(Protocol.ETHERNET, Protocol.PHYSICAL));
    }

    private List<List<Protocol>> protocolsOnRows() {
        int n = vm.layerModelProperty().get().rows().size();
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(r -> vm.blocksOnRow(r).stream().map(EncapsulationBlock::protocol).toList()).toList();
    }

    @Test
    void theAnimationWrapsInnermostFirstThenUnwrapsOutermostFirst() {
        vm.show(emit(), run.timeline());
        assertThat(vm.stepCountProperty().get()).isEqualTo(14);
        assertThat(vm.shows(true, 6)).isFalse();
        vm.stepProperty().set(1);
        assertThat(vm.shows(true, 6)).isTrue();
        assertThat(vm.shows(true, 5)).isFalse();
        vm.stepProperty().set(8);
        assertThat(vm.shows(true, 0)).isTrue();
        assertThat(vm.shows(false, 0)).isTrue();
        assertThat(vm.shows(false, 1)).isFalse();
        vm.jumpToEnd();
        assertThat(vm.stepProperty().get()).isEqualTo(14);
        assertThat(java.util.stream.IntStream.range(0, 7)).allMatch(i -> vm.shows(true, i) && vm.shows(false, i));
        vm.stepProperty().set(99);
        assertThat(vm.stepProperty().get()).isEqualTo(14);
    }

    @Test
    void anArpRequestEndsAtTheDataLinkLayerWithEthernetPadding() {
        TimelineEvent arp = run.timeline().query().node("alice").direction(Direction.DOWN).protocol(Protocol.ARP)
                .list().get(0);
        vm.show(arp, run.timeline());
        assertThat(vm.blocks()).extracting(EncapsulationBlock::protocol).containsExactly(Protocol.PHYSICAL,
                Protocol.ETHERNET, Protocol.ARP);
        EncapsulationBlock eth = vm.blocks().get(1);
        assertThat(eth.headerBytes()).isEqualTo(14);
        assertThat(eth.payloadBytes()).isEqualTo(28);
        // 60-byte minimum frame: 18 bytes of padding, then the 4-byte FCS
        assertThat(eth.trailerBytes()).isEqualTo(18 + 4);
        assertThat(vm.frameLength()).isEqualTo(8 + 60 + 4);
        assertThat(vm.transferProperty().get().receiverTop()).isEqualTo(Protocol.ARP);
        assertThat(vm.transferProperty().get().receiver()).isEqualTo("server");
    }

    @Test
    void theReceiverOfAFrameOnlyTheSwitchReadsStopsAtEthernet() {
        // the switch's own forwarding event: the frame came from alice, the host that takes it up is the server
        TimelineEvent atSwitch = run.timeline().query().node("switch").direction(Direction.UP).list().get(0);
        vm.show(atSwitch, run.timeline());
        assertThat(vm.transferProperty().get().sender()).isEqualTo("alice");
        assertThat(vm.eventProtocolProperty().get()).isEqualTo(Protocol.ETHERNET);
        TimelineEvent state = run.timeline().query().direction(Direction.STATE).list().get(0);
        vm.show(state, run.timeline());
        assertThat(vm.blocks()).isEmpty();
        assertThat(vm.transferProperty().get()).isNull();
    }

    @Test
    void theSwitchReadsTheFrameUpToEthernetAndSendsTheSameBytesDown() {
        vm.show(emit(), run.timeline());
        assertThat(vm.devices()).containsExactly("alice", "switch", "server");
        vm.deviceProperty().set("switch");
        assertThat(vm.shownDeviceProperty().get()).isEqualTo("switch");
        StackColumn in = vm.leftProperty().get();
        StackColumn out = vm.rightProperty().get();
        assertThat(in.direction()).isEqualTo(Direction.UP);
        assertThat(out.direction()).isEqualTo(Direction.DOWN);
        assertThat(in.reach()).isEqualTo(2);
        assertThat(out.reach()).isEqualTo(2);
        assertThat(in.blocks().subList(0, 2)).extracting(EncapsulationBlock::protocol)
                .containsExactly(Protocol.PHYSICAL, Protocol.ETHERNET);
        Transfer.Visit v = vm.transferProperty().get().visit("switch");
        assertThat(((Unit.Hop) v.departure().unit()).frame().bytes())
                .isEqualTo(((Unit.Hop) v.arrival().unit()).frame().bytes());
        assertThat(vm.rewrites()).isEmpty();
        // up: Physical, then Ethernet; down: Ethernet, then Physical
        assertThat(vm.stepCountProperty().get()).isEqualTo(4);
        vm.stepProperty().set(1);
        assertThat(vm.shows(true, 0)).isTrue();
        assertThat(vm.shows(true, 1)).isFalse();
        vm.stepProperty().set(3);
        assertThat(vm.shows(false, 1)).isTrue();
        assertThat(vm.shows(false, 0)).isFalse();
        assertThat(vm.shows(false, 2)).isFalse();
    }

    @Test
    void theRouterReadsUpToIpv4AndSendsACopyWithTtlOneLessAndNewMacs() {
        ScenarioRun routed = Scenarios.run("router-two-subnets.yaml");
        TimelineEvent chat = Scenarios.socketIo(routed, "alice", Direction.DOWN, Protocol.SOCKETIO, "\"chat\"");
        vm.show(chat, routed.timeline());
        assertThat(vm.devices()).containsExactly("alice", "router", "server");
        vm.deviceProperty().set("router");
        StackColumn in = vm.leftProperty().get();
        StackColumn out = vm.rightProperty().get();
        assertThat(in.reach()).isEqualTo(3);
        assertThat(out.reach()).isEqualTo(3);
        assertThat(in.blocks().get(2).protocol()).isEqualTo(Protocol.IPV4);
        assertThat(vm.rewrites()).extracting(w -> w.field().key())
                .contains("eth.src", "eth.dst", "ip.ttl", "ip.checksum");
        Rewrite ttl = vm.rewrites().stream().filter(w -> w.field().key().equals("ip.ttl")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(ttl.after().replaceAll("\\D.*", "")))
                .isEqualTo(Integer.parseInt(ttl.before().replaceAll("\\D.*", "")) - 1);
        // nothing above IPv4 changed: the router does not read it
        assertThat(vm.rewrites()).allMatch(w -> w.protocol().osi().number() <= 3);
    }

    @Test
    void theSenderHasOnlyAnOutStackAndTheReceiverOnlyAnInStack() {
        vm.show(emit(), run.timeline());
        vm.deviceProperty().set("alice");
        assertThat(vm.leftProperty().get().isEmpty()).isTrue();
        assertThat(vm.rightProperty().get().reach()).isEqualTo(7);
        vm.deviceProperty().set("server");
        assertThat(vm.leftProperty().get().reach()).isEqualTo(7);
        assertThat(vm.rightProperty().get().isEmpty()).isTrue();
        assertThat(vm.stepCountProperty().get()).isEqualTo(7);
    }

    @Test
    void aDeviceTheFrameDoesNotPassShowsTheWholeJourneyAndStaysChosen() {
        ScenarioRun three = Scenarios.run("broadcast-three-clients.yaml");
        TimelineEvent chat = Scenarios.socketIo(three, "alice", Direction.DOWN, Protocol.SOCKETIO, "\"chat\"");
        vm.deviceProperty().set("bob");
        vm.show(chat, three.timeline());
        assertThat(vm.devices()).doesNotContain("bob");
        assertThat(vm.shownDeviceProperty().get()).isNull();
        assertThat(vm.leftProperty().get().node()).isEqualTo("alice");
        assertThat(vm.rightProperty().get().node()).isEqualTo("server");
        assertThat(vm.deviceProperty().get()).isEqualTo("bob");
    }
}
