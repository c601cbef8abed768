package org.netsim.app.gui.stack;

import org.netsim.app.gui.session.LayerModel;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.Scenarios;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The stack view in a window (headless): switching OSI / TCP/IP and skipping the animation to its end. */
@ExtendWith(ApplicationExtension.class)
class StackViewTest {
    private final StackViewModel vm = new StackViewModel();

    @Start
    void start(Stage stage) {
        StackView view = new StackView(vm, Scenarios.TEXT);
        ScenarioRun run = Scenarios.run("one-client.yaml");
        vm.show(Scenarios.socketIo(run, "alice", Direction.DOWN, Protocol.SOCKETIO, "\"chat\""), run.timeline());
        stage.setScene(new Scene(view, 1200, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
    }

    private static java.util.List<Node> labels(FxRobot robot, String text) {
        return robot.lookup((Node n) -> n instanceof Labeled l && text.equals(l.getText())).queryAll().stream()
                .toList();
    }

    private long visibleBars(FxRobot robot) {
        return robot.lookup(".stack-bar").queryAll().stream().filter(Node::isVisible).count();
    }

    @Test
    void skipToEndShowsEveryBlockOnBothStacks(FxRobot robot) {
        assertThat(vm.stepProperty().get()).isLessThan(vm.stepCountProperty().get());
        robot.clickOn("#stack-end");
        assertThat(vm.stepProperty().get()).isEqualTo(14);
        assertThat(visibleBars(robot)).isEqualTo(14);
        assertThat(robot.lookup(".stack-current").queryAll()).hasSize(2);
        assertThat(labels(robot, "Socket.IO 14 B")).hasSize(2);
        assertThat(labels(robot, "TCP header 32 B")).hasSize(2);
        assertThat(labels(robot, "Ethernet II trailer 4 B")).hasSize(2);
    }

    @Test
    void theLayerModelSwitchesBetweenSevenAndFourRows(FxRobot robot) {
        assertThat(robot.lookup(".stack-layer-name").queryAll()).hasSize(7);
        assertThat(labels(robot, "5  Session")).hasSize(1);
        robot.clickOn("#stack-tcpip");
        assertThat(vm.layerModelProperty().get()).isEqualTo(LayerModel.TCP_IP);
        assertThat(robot.lookup(".stack-layer-name").queryAll()).hasSize(4);
        assertThat(labels(robot, "4  Application")).hasSize(1);
        // the mapping column lists the OSI layers each TCP/IP layer folds in
        assertThat(labels(robot, "5 Session")).hasSize(1);
        robot.clickOn("#stack-osi");
        assertThat(vm.layerModelProperty().get()).isEqualTo(LayerModel.OSI);
        assertThat(robot.lookup(".stack-layer-name").queryAll()).hasSize(7);
    }
}
