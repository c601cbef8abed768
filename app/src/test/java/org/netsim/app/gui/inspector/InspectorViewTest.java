package org.netsim.app.gui.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.Field;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector in a window (headless): clicking a field highlights its bytes, clicking a byte selects its field. */
@ExtendWith(ApplicationExtension.class)
class InspectorViewTest {
    private InspectorViewModel vm;
    private InspectorView view;
    private TimelineEvent emit;

    @Start
    void start(Stage stage) {
        vm = new InspectorViewModel(Scenarios.TEXT);
        view = new InspectorView(vm, Scenarios.TEXT);
        emit = Scenarios.socketIo(Scenarios.run("one-client.yaml"), "alice", Direction.WIRE, Protocol.PHYSICAL,
                "\"chat\"");
        vm.show(emit);
        stage.setScene(new Scene(view, 1200, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
    }

    @Test
    void clickingAFieldInTheTreeHighlightsItsBytes(FxRobot robot) {
        Field dst = emit.wholePdu().find(Protocol.TCP).orElseThrow().field("tcp.dstport").orElseThrow();
        TreeItem<InspectorRow> tcp = view.tree().getRoot().getChildren().get(3);
        robot.interact(() -> tcp.setExpanded(true));
        robot.clickOn("TCP, " + tcp.getValue().pdu().summary());
        robot.clickOn("Destination port: 3000");
        assertThat(vm.highlightStartProperty().get()).isEqualTo(dst.byteStart());
        assertThat(vm.highlightEndProperty().get()).isEqualTo(dst.byteEnd());
        assertThat(robot.lookup(".inspector-selection").queryLabeled().getText()).contains("2 bytes");
    }

    /** The detail pane under the tree says in full what the tooltip says, for whatever is selected, mouse or keys. */
    @Test
    void theSelectedFieldIsShownInFullUnderTheTree(FxRobot robot) {
        assertThat(texts(robot)).containsExactly(Scenarios.TEXT.getString("inspector.detail.none"));
        Field dst = emit.wholePdu().find(Protocol.TCP).orElseThrow().field("tcp.dstport").orElseThrow();
        robot.interact(() -> vm.selectField("tcp.dstport"));
        assertThat(texts(robot)).containsExactly("TCP \u00b7 Destination port", "Value: 3000",
                "Bits: from " + dst.bitOffset() + ", 16 bits \u00b7 Bytes: " + dst.byteStart() + " to "
                        + (dst.byteEnd() - 1) + " (2 bytes)", dst.explanation(), "Specified in RFC 9293 \u00a73.1");
        // the tooltip stays too
        TreeItem<InspectorRow> item = view.tree().getSelectionModel().getSelectedItem();
        assertThat(item.getValue().tooltip()).isEqualTo(dst.explanation());
        // a bit field: its bit offset and length, its one byte
        Field syn = emit.wholePdu().find(Protocol.TCP).orElseThrow().field("tcp.flags.syn").orElseThrow();
        robot.interact(() -> vm.selectField("tcp.flags.syn"));
        assertThat(texts(robot)).contains("Bits: from " + syn.bitOffset() + ", 1 bit \u00b7 Byte: " + syn.byteStart());
        // from the keyboard: Down in the tree moves to the next field and the detail follows
        robot.interact(() -> view.tree().requestFocus());
        robot.type(KeyCode.DOWN);
        assertThat(texts(robot).get(0)).isEqualTo("TCP \u00b7 " + view.tree().getSelectionModel().getSelectedItem()
                .getValue().field().name());
    }

    private static java.util.List<String> texts(FxRobot robot) {
        return robot.lookup("#inspector-detail .label").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).toList();
    }

    @Test
    void clickingAByteSelectsItsFieldInTheTreeAndArrowsMove(FxRobot robot) {
        HexPane hex = view.hexPane();
        // the first byte of the first row: the preamble
        var origin = hex.localToScreen(0, 0);
        robot.clickOn(origin.getX() + hex.snappedLeftInset() + 70, origin.getY() + 8);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(hex.isFocused()).isTrue();
        assertThat(vm.cursorProperty().get()).isEqualTo(0);
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().field().key())
                .isEqualTo("phy.preamble");
        robot.type(KeyCode.RIGHT, 8);
        assertThat(vm.cursorProperty().get()).isEqualTo(8);
        assertThat(view.tree().getSelectionModel().getSelectedItem().getValue().field().key())
                .isEqualTo("eth.dst");
        robot.type(KeyCode.DOWN, 2);
        assertThat(vm.cursorProperty().get()).isEqualTo(40);
        assertThat(vm.selectedProperty().get().protocol()).isEqualTo(Protocol.IPV4);
    }

    /** A message reassembled from several segments gets a button beside the frame's; pressing it shows its bytes. */
    @Test
    void aReassembledMessageIsATabUnderTheHex(FxRobot robot) {
        assertThat(robot.lookup("#inspector-sources").queryAs(javafx.scene.layout.FlowPane.class).isVisible())
                .isFalse();
        TimelineEvent last = Scenarios.run("slow-reader.yaml").timeline().events().stream()
                .filter(e -> e.direction() == Direction.WIRE && e.wholePdu() != null)
                .filter(e -> org.netsim.pdu.DataSources.of(e.wholePdu(), EventBytes.of(e)).size() > 1)
                .findFirst().orElseThrow();
        robot.interact(() -> vm.show(last));
        assertThat(robot.lookup("#inspector-sources").queryAs(javafx.scene.layout.FlowPane.class).isVisible())
                .isTrue();
        javafx.scene.control.ToggleButton frame = robot.lookup("#inspector-source-0").queryAs(
                javafx.scene.control.ToggleButton.class);
        javafx.scene.control.ToggleButton message = robot.lookup("#inspector-source-1").queryAs(
                javafx.scene.control.ToggleButton.class);
        assertThat(frame.isSelected()).isTrue();
        assertThat(message.getText()).startsWith("Reassembled TCP (");
        robot.clickOn(message);
        assertThat(vm.sourceProperty().get()).isEqualTo(1);
        assertThat(message.isSelected()).isTrue();
        assertThat(frame.isSelected()).isFalse();
        assertThat(vm.bytesProperty().get()).hasSize(Integer.parseInt(message.getText().replaceAll("\\D", "")));
        // a field of the frame selected in the tree brings the frame's bytes back and presses its button
        robot.interact(() -> vm.selectField("tcp.srcport"));
        assertThat(frame.isSelected()).isTrue();
    }
}
