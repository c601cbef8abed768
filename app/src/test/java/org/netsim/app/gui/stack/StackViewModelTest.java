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

/** The stack view's state without a window: blocks, rows per layer model, sender and receiver, animation steps. */
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
        assertThat(vm.senderShows(6)).isFalse();
        vm.stepProperty().set(1);
        assertThat(vm.senderShows(6)).isTrue();
        assertThat(vm.senderShows(5)).isFalse();
        vm.stepProperty().set(8);
        assertThat(vm.senderShows(0)).isTrue();
        assertThat(vm.receiverShows(0)).isTrue();
        assertThat(vm.receiverShows(1)).isFalse();
        vm.jumpToEnd();
        assertThat(vm.stepProperty().get()).isEqualTo(14);
        assertThat(java.util.stream.IntStream.range(0, 7)).allMatch(i -> vm.senderShows(i) && vm.receiverShows(i));
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
}
