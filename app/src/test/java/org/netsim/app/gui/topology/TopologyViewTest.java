package org.netsim.app.gui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.Scenarios;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The topology in a window (headless): the frame in flight is drawn in its layer's colour, and goes when it lands. */
@ExtendWith(ApplicationExtension.class)
class TopologyViewTest {
    private final TopologyViewModel vm = new TopologyViewModel(Scenarios.TEXT);
    private TopologyView view;
    private final ScenarioRun run = Scenarios.run("one-client.yaml");

    @Start
    void start(Stage stage) {
        view = new TopologyView(vm, Scenarios.TEXT);
        vm.setRun(run);
        stage.setScene(new Scene(view, 1000, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
    }

    private long pixelsOf(FxRobot robot, Color colour) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.canvas().snapshot(null, null));
        PixelReader r = shot[0].getPixelReader();
        long n = 0;
        for (int y = 0; y < shot[0].getHeight(); y++) {
            for (int x = 0; x < shot[0].getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - colour.getRed()) < 0.02 && Math.abs(c.getGreen() - colour.getGreen()) < 0.02
                        && Math.abs(c.getBlue() - colour.getBlue()) < 0.02) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void theEmitIsDrawnInTheSocketIoColourWhileInFlight(FxRobot robot) {
        TimelineEvent wire = Scenarios.socketIo(run, "alice", Direction.WIRE, Protocol.PHYSICAL, "\"chat\"");
        Unit.Hop hop = (Unit.Hop) wire.unit();
        Color socketIo = ProtocolPalette.colour(Protocol.SOCKETIO, Theme.LIGHT);
        assertThat(pixelsOf(robot, socketIo)).isZero();
        robot.interact(() -> vm.setTime((wire.timeNanos() + hop.arrivalNanos()) / 2));
        assertThat(pixelsOf(robot, socketIo)).isGreaterThan(200);
        // the switch forwards the same frame to the server; once that copy lands, no Socket.IO frame is in flight
        TimelineEvent forwarded = run.timeline().query().node("switch").direction(Direction.WIRE)
                .between(hop.arrivalNanos(), hop.arrivalNanos() + 1_000_000).list().get(0);
        long landed = ((Unit.Hop) forwarded.unit()).arrivalNanos();
        robot.interact(() -> vm.setTime(landed + 1));
        assertThat(pixelsOf(robot, socketIo)).isZero();
        assertThat(robot.lookup(".topology-legend").queryLabeled().getText()).contains("broadcast");
    }
}
