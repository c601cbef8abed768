package org.netsim.app.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;

/** The inspector's state without a window: rows, highlights, byte-to-field, malformed frames. */
class InspectorViewModelTest {
    private InspectorViewModel vm;
    private TimelineEvent emitOnWire;
    private Pdu tree;

    @BeforeEach
    void setUp() {
        vm = new InspectorViewModel(Scenarios.TEXT);
        emitOnWire = Scenarios.socketIo(Scenarios.run("one-client.yaml"), "alice", Direction.WIRE, Protocol.PHYSICAL,
                "\"chat\"");
        tree = emitOnWire.wholePdu();
        vm.show(emitOnWire);
    }

    private Field field(Protocol p, String key) {
        return tree.find(p).orElseThrow().field(key).orElseThrow();
    }

    @Test
    void oneLayerRowPerProtocolWithItsFields() {
        assertThat(vm.layers()).extracting(InspectorRow::protocol).containsExactly(Protocol.PHYSICAL,
                Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP, Protocol.WEBSOCKET, Protocol.ENGINEIO,
                Protocol.SOCKETIO);
        InspectorRow tcp = vm.layers().get(3);
        assertThat(tcp.text()).startsWith("TCP, ").contains("[PSH, ACK]");
        assertThat(tcp.children()).extracting(r -> r.field().key()).contains("tcp.srcport", "tcp.dstport",
                "tcp.flags.syn");
        // bit fields as Wireshark draws them: the flags byte with only the SYN bit shown
        assertThat(tcp.children()).extracting(InspectorRow::text).contains(".... ..0. = Syn: Not set",
                ".... 1... = Push: Set", "Destination port: 3000");
        InspectorRow ip = vm.layers().get(2);
        assertThat(ip.children()).extracting(InspectorRow::text).contains("0100 .... = Version: 4");
        // the Ethernet FCS is a trailer field, shown under Ethernet
        assertThat(vm.layers().get(1).children()).extracting(r -> r.field().key()).contains("eth.fcs");
        // tooltips are the fields' explanations
        InspectorRow dst = tcp.children().stream().filter(r -> r.field().key().equals("tcp.dstport")).findFirst()
                .orElseThrow();
        assertThat(dst.tooltip()).isEqualTo(dst.field().explanation()).isNotBlank();
        assertThat(vm.legend()).containsExactly(Protocol.PHYSICAL, Protocol.ETHERNET, Protocol.IPV4, Protocol.TCP,
                Protocol.WEBSOCKET, Protocol.ENGINEIO, Protocol.SOCKETIO);
        assertThat(vm.malformedProperty().get()).isEmpty();
    }

    @Test
    void selectingTcpDestinationPortHighlightsItsTwoBytes() {
        Field f = field(Protocol.TCP, "tcp.dstport");
        vm.selectField("tcp.dstport").orElseThrow();
        assertThat(vm.highlightStartProperty().get()).isEqualTo(f.byteStart()).isEqualTo(8 + 14 + 20 + 2);
        assertThat(vm.highlightEndProperty().get()).isEqualTo(f.byteEnd()).isEqualTo(8 + 14 + 20 + 4);
        byte[] b = vm.bytesProperty().get();
        assertThat((b[f.byteStart()] & 0xff) << 8 | b[f.byteStart() + 1] & 0xff).isEqualTo(3000);
        assertThat(vm.selectionTextProperty().get()).contains("44\u201345").contains("2 bytes");
    }

    @Test
    void selectingABitFieldHighlightsTheByteHoldingItAndShowsTheMask() {
        Field df = field(Protocol.IPV4, "ip.flags.df");
        vm.selectField("ip.flags.df").orElseThrow();
        assertThat(vm.highlightStartProperty().get()).isEqualTo(df.byteStart()).isEqualTo(8 + 14 + 6);
        assertThat(vm.highlightEndProperty().get()).isEqualTo(df.byteEnd()).isEqualTo(8 + 14 + 7);
        assertThat(vm.selectionTextProperty().get()).contains("mask 0x40").contains("1 bit");

        Field offset = field(Protocol.IPV4, "ip.frag_offset");
        vm.selectField("ip.frag_offset").orElseThrow();
        assertThat(vm.highlightStartProperty().get()).isEqualTo(offset.byteStart()).isEqualTo(28);
        assertThat(vm.highlightEndProperty().get()).isEqualTo(offset.byteEnd()).isEqualTo(30);
        assertThat(vm.selectionTextProperty().get()).contains("mask 0x1fff").contains("13 bits");
    }

    @Test
    void selectingTheMaskingKeyAndTheSocketIoPayload() {
        Field key = field(Protocol.WEBSOCKET, "websocket.masking_key");
        vm.selectField("websocket.masking_key").orElseThrow();
        assertThat(vm.highlightStartProperty().get()).isEqualTo(key.byteStart()).isEqualTo(8 + 66 + 2);
        assertThat(vm.highlightEndProperty().get()).isEqualTo(key.byteEnd()).isEqualTo(8 + 66 + 6);

        Field data = field(Protocol.SOCKETIO, "socketio.data");
        InspectorRow row = vm.selectField("socketio.data").orElseThrow();
        assertThat(row.text()).isEqualTo("Payload: \"chat\" [\"hi\"]");
        assertThat(vm.highlightStartProperty().get()).isEqualTo(data.byteStart()).isEqualTo(8 + 74);
        assertThat(vm.highlightEndProperty().get()).isEqualTo(data.byteEnd())
                .isEqualTo(vm.bytesProperty().get().length - 4);
    }

    @Test
    void selectingAByteSelectsTheInnermostFieldOwningIt() {
        Field dst = field(Protocol.TCP, "tcp.dstport");
        assertThat(vm.selectByte(dst.byteStart() + 1).orElseThrow().field()).isEqualTo(dst);
        Field payload = field(Protocol.SOCKETIO, "socketio.data");
        assertThat(vm.selectByte(payload.byteStart() + 3).orElseThrow().field()).isEqualTo(payload);
        assertThat(vm.highlightStartProperty().get()).isEqualTo(payload.byteStart());
        // the preamble's bytes belong to the physical layer
        assertThat(vm.selectByte(0).orElseThrow().field().key()).isEqualTo("phy.preamble");
        assertThat(vm.ownerOf(0)).isEqualTo(Protocol.PHYSICAL);
        assertThat(vm.ownerOf(payload.byteStart())).isEqualTo(Protocol.SOCKETIO);
        assertThat(vm.ownerOf(vm.bytesProperty().get().length - 1)).isEqualTo(Protocol.ETHERNET);
        // out of range selects nothing
        assertThat(vm.selectByte(vm.bytesProperty().get().length)).isEmpty();
    }

    @Test
    void arrowKeysMoveTheCursorAndSelectTheFieldUnderIt() {
        Field dst = field(Protocol.TCP, "tcp.dstport");
        vm.selectByte(dst.byteStart() - 16);
        vm.moveCursor(16);
        assertThat(vm.cursorProperty().get()).isEqualTo(dst.byteStart());
        assertThat(vm.selectedProperty().get().field()).isEqualTo(dst);
        vm.moveCursor(-1_000_000);
        assertThat(vm.cursorProperty().get()).isZero();
    }

    @Test
    void aMalformedFrameShowsItsReason() {
        byte[] frame = emitOnWire.frameBytes();
        byte[] cut = Arrays.copyOf(frame, 40);
        Pdu truncated = new StackDissector().dissect(cut);
        vm.show(truncated, cut);
        Pdu bad = truncated.firstMalformed().orElseThrow();
        assertThat(vm.malformedProperty().get()).contains(bad.malformed().reason())
                .contains("at byte " + bad.malformed().offset()).startsWith("[Malformed " + bad.protocol().title());
        InspectorRow layer = vm.layers().stream().filter(r -> r.pdu() == bad).findFirst().orElseThrow();
        assertThat(layer.isProblem()).isTrue();
        assertThat(layer.children()).anyMatch(r -> r.kind() == InspectorRow.Kind.MALFORMED
                && r.text().contains(bad.malformed().reason()));
        // every byte still has an owner
        for (int i = 0; i < cut.length; i++) {
            assertThat(vm.ownerOf(i)).isNotNull();
            assertThat(vm.selectByte(i)).isPresent();
        }
    }

    @Test
    void aChangeOfStateClearsTheInspector() {
        var run = Scenarios.run("one-client.yaml");
        TimelineEvent state = run.timeline().query().direction(Direction.STATE).list().get(0);
        vm.selectField("tcp.dstport");
        vm.show(state);
        assertThat(vm.layers()).isEmpty();
        assertThat(vm.bytesProperty().get()).isEmpty();
        assertThat(vm.highlightStartProperty().get()).isEqualTo(-1);
    }

    /**
     * Alice's 90 KB upload in slow-reader is reassembled from many segments: the event of its last segment has two
     * byte arrays, the frame and "Reassembled TCP", and its WebSocket and Socket.IO fields count in the second. A
     * field selected there switches the hex pane to that array and highlights its bytes there; a byte clicked in an
     * array finds a field of that array.
     */
    @Test
    void aReassembledMessageHasItsOwnBytesBesideTheFrame() {
        var run = Scenarios.run("slow-reader.yaml");
        TimelineEvent last = run.timeline().events().stream()
                .filter(e -> e.direction() == Direction.WIRE && e.wholePdu() != null)
                .filter(e -> DataSources.of(e.wholePdu(), EventBytes.of(e)).size() > 1)
                .filter(e -> e.wholePdu().find(Protocol.SOCKETIO).isPresent())
                .findFirst().orElseThrow();
        DataSources sources = DataSources.of(last.wholePdu(), EventBytes.of(last));
        vm.show(last);
        assertThat(vm.sourceTitles()).hasSize(sources.size());
        assertThat(vm.sourceTitles().get(0)).isEqualTo("Frame (" + EventBytes.of(last).length + " bytes)");
        assertThat(vm.sourceTitles().get(1)).startsWith("Reassembled TCP (").endsWith(" bytes)");
        assertThat(vm.sourceProperty().get()).isZero();
        assertThat(vm.bytesProperty().get()).isEqualTo(EventBytes.of(last));

        Field opcode = last.wholePdu().find(Protocol.WEBSOCKET).orElseThrow().field("websocket.opcode").orElseThrow();
        DataSources.Source in = sources.sourceOf(opcode);
        assertThat(in.isFrame()).isFalse();
        vm.selectField("websocket.opcode").orElseThrow();
        assertThat(vm.sourceProperty().get()).isEqualTo(in.index());
        assertThat(vm.bytesProperty().get()).isEqualTo(in.bytes());
        assertThat(vm.highlightStartProperty().get()).isEqualTo(opcode.byteStart()).isZero();
        // the opcode's byte of the reassembled message is the frame header's first byte: FIN and text (0x81)
        assertThat(vm.bytesProperty().get()[0] & 0xff).isEqualTo(0x81);
        assertThat(vm.ownerOf(0)).isEqualTo(Protocol.WEBSOCKET);
        assertThat(vm.detailProperty().get().bytes()).endsWith(", in Reassembled TCP");
        // a byte of the reassembled message finds the Socket.IO field owning it, never a field of the frame
        int last1 = in.length() - 1;
        InspectorRow r = vm.selectByte(last1).orElseThrow();
        assertThat(r.source()).isEqualTo(in.index());
        assertThat(r.byteStart()).isLessThanOrEqualTo(last1);
        assertThat(r.byteEnd()).isGreaterThan(last1);

        // back to the frame: the reassembled selection goes, the TCP port is found and highlighted in the frame
        vm.showSource(0);
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.bytesProperty().get()).isEqualTo(EventBytes.of(last));
        vm.selectField("tcp.srcport").orElseThrow();
        assertThat(vm.sourceProperty().get()).isZero();
        assertThat(vm.ownerOf(vm.highlightStartProperty().get())).isEqualTo(Protocol.TCP);
        // one-client's emit fits its frame: one array, no tabs to choose from
        vm.show(emitOnWire);
        assertThat(vm.sourceTitles()).hasSize(1);
    }
}
