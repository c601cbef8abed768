package org.netsim.app.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.testing.ExternalTool;
import org.netsim.app.gui.compare.ComparisonViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.capture.decode.CaptureMessage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A student's three clicks: start the built-in peer, start capturing, send a real emit; the table shows it. */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {
    private final LiveViewModel model = new LiveViewModel();
    private final ComparisonViewModel comparison = new ComparisonViewModel();
    private LiveView view;

    @Start
    void start(Stage stage) {
        view = new LiveView(model, m -> comparison.compare(model.comparison(m)));
        stage.setScene(new Scene(view, 900, 600));
        stage.show();
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(() -> {
            view.dispose();
            model.dispose();
        });
    }

    @Test
    void threeClicksCaptureARealEmit(FxRobot robot) throws Exception {
        try {
            LiveCapture.start("lo", "tcp port 9", 4).stop();
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
        }
        robot.interact(model::loadDevices);
        robot.interact(() -> model.deviceProperty().set("lo"));
        robot.clickOn("#livePeer");
        assertThat(model.peerRunningProperty().get()).isTrue();
        robot.clickOn("#liveStart");
        assertThat(model.capturingProperty().get()).isTrue();
        robot.clickOn("#liveSend");
        @SuppressWarnings("unchecked")
        TableView<CaptureMessage> table = robot.lookup("#liveMessages").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> table.getItems().stream()
                .filter(m -> "EVENT".equals(m.type())).count() == 2);
        assertThat(table.getItems()).filteredOn(m -> "EVENT".equals(m.type())).extracting(CaptureMessage::text)
                .containsExactly("42[\"chat\",\"hi\"]", "42[\"chat\",\"hi\"]");
        robot.clickOn("#liveStop");
        assertThat(model.capturingProperty().get()).isFalse();
        assertThat(model.messages()).filteredOn(m -> "EVENT".equals(m.type())).hasSize(2);

        // the emit to the server beside its simulated twin
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(m -> "EVENT".equals(m.type())).findFirst().orElseThrow()));
        robot.clickOn("#liveCompare");
        assertThat(comparison.summaryProperty().get()).startsWith("Event \"chat\" from the client to the server: ");
        assertThat(comparison.notesProperty().get()).contains("not", "Node");
        assertThat(comparison.differences()).extracting(r -> r.difference().key())
                .contains("eth.src", "ip.src", "tcp.srcport", "tcp.seq", "websocket.masking_key");
        assertThat(comparison.differences()).extracting(r -> r.difference())
                .filteredOn(d -> d.protocol() == Protocol.SOCKETIO).isEmpty();
        assertThat(comparison.captured().layers()).isNotEmpty();
        assertThat(comparison.simulated().layers()).isNotEmpty();
    }
}
