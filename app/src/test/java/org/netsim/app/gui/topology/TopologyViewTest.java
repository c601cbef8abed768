package org.netsim.app.gui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
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

/**
 * The topology in a window (headless): the frame in flight is drawn in its layer's colour and goes when it lands;
 * clicking a frame selects its event, clicking a device picks it; Tab reaches the view and shows its focus ring; the
 * keys pick devices and frames; what is drawn has no overlaps.
 */
@ExtendWith(ApplicationExtension.class)
class TopologyViewTest {
    private final TopologyViewModel vm = new TopologyViewModel(Scenarios.TEXT);
    private TopologyView view;
    private Button before;
    private final ScenarioRun run = Scenarios.run("one-client.yaml");
    private final TimelineEvent emit = Scenarios.socketIo(run, "alice", Direction.WIRE, Protocol.PHYSICAL,
            "\"chat\"");
    private final AtomicInteger selected = new AtomicInteger(-1);

    @Start
    void start(Stage stage) {
        view = new TopologyView(vm, Scenarios.TEXT);
        vm.setRun(run);
        vm.setOnSelectEvent(selected::set);
        before = new Button("before");
        BorderPane root = new BorderPane(view, before, null, null, null);
        stage.setScene(new Scene(root, 1000, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.hideStage();
    }

    private long pixelsOf(FxRobot robot, Color colour) {
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> {
            view.paintNow();
            shot[0] = view.framesLayer().snapshot(null, null);
        });
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

    private long midFlight(TimelineEvent wire) {
        Unit.Hop hop = (Unit.Hop) wire.unit();
        return (wire.timeNanos() + hop.arrivalNanos()) / 2;
    }

    private Point2D onScreen(FxRobot robot, double x, double y) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = view.localToScreen(x, y));
        return p[0];
    }

    @Test
    void theEmitIsDrawnInTheSocketIoColourWhileInFlight(FxRobot robot) {
        Unit.Hop hop = (Unit.Hop) emit.unit();
        Color socketIo = ProtocolPalette.colour(Protocol.SOCKETIO, Theme.LIGHT);
        assertThat(pixelsOf(robot, socketIo)).isZero();
        robot.interact(() -> vm.setTime(midFlight(emit)));
        assertThat(pixelsOf(robot, socketIo)).isGreaterThan(200);
        // the label beside the colour names the protocol
        assertThat(view.placed()).singleElement().matches(p -> p.text().startsWith("Socket.IO"));
        // the switch forwards the same frame to the server; once that copy lands, no Socket.IO frame is in flight
        TimelineEvent forwarded = run.timeline().query().node("switch").direction(Direction.WIRE)
                .between(hop.arrivalNanos(), hop.arrivalNanos() + 1_000_000).list().get(0);
        long landed = ((Unit.Hop) forwarded.unit()).arrivalNanos();
        robot.interact(() -> vm.setTime(landed + 1));
        assertThat(pixelsOf(robot, socketIo)).isZero();
        // the key names every colour in text
        assertThat(robot.lookup(".topology-key").queryAllAs(Labeled.class)).extracting(Labeled::getText)
                .contains("Socket.IO", "TCP", "ARP").anyMatch(t -> t.contains("broadcast"));
    }

    @Test
    void clickingAFrameSelectsItsEventAndTheSelectedFrameIsHighlighted(FxRobot robot) {
        robot.interact(() -> vm.setTime(midFlight(emit)));
        robot.interact(view::paintNow);
        FramePlacement.Placed p = view.placed().get(0);
        assertThat(p.selected()).isFalse();
        robot.clickOn(onScreen(robot, p.callout().cx(), p.callout().cy()));
        assertThat(selected.get()).isEqualTo(emit.index());
        // the window then makes it the selection: the frame is drawn as selected, no device is ringed
        robot.interact(() -> vm.selectedEventProperty().set(emit.index()));
        robot.interact(view::paintNow);
        assertThat(view.placed()).singleElement().matches(FramePlacement.Placed::selected);
        assertThat(vm.eventDeviceProperty().get()).isNull();
        // an event that is not on a cable rings the device it happens at
        TimelineEvent up = run.timeline().query().node("server").direction(Direction.UP).list().get(0);
        robot.interact(() -> vm.selectedEventProperty().set(up.index()));
        assertThat(vm.eventDeviceProperty().get()).isEqualTo("server");
    }

    @Test
    void clickingADevicePicksItAndClickingItAgainPicksNone(FxRobot robot) {
        robot.interact(view::paintNow);
        Drawing.DevicePlace server = view.drawing().devices().stream()
                .filter(d -> d.device().name().equals("server")).findFirst().orElseThrow();
        Point2D at = onScreen(robot, server.icon().cx(), server.icon().cy());
        robot.clickOn(at);
        assertThat(vm.pickedDeviceProperty().get()).isEqualTo("server");
        robot.clickOn(at);
        assertThat(vm.pickedDeviceProperty().get()).isNull();
    }

    @Test
    void tabReachesTheTopologyWhichShowsItsFocusAndTheKeysPickDevicesAndFrames(FxRobot robot) {
        robot.interact(before::requestFocus);
        robot.push(KeyCode.TAB);
        assertThat(view.isFocused()).isTrue();
        Node ring = robot.lookup(".topology-focus-ring").query();
        assertThat(ring.isVisible()).isTrue();
        robot.push(KeyCode.DOWN);
        String first = vm.graphProperty().get().devices().get(0).name();
        assertThat(vm.pickedDeviceProperty().get()).isEqualTo(first);
        robot.push(KeyCode.DOWN);
        assertThat(vm.pickedDeviceProperty().get()).isEqualTo(vm.graphProperty().get().devices().get(1).name());
        robot.push(KeyCode.UP);
        assertThat(vm.pickedDeviceProperty().get()).isEqualTo(first);
        robot.push(KeyCode.ESCAPE);
        assertThat(vm.pickedDeviceProperty().get()).isNull();
        robot.interact(() -> vm.setTime(midFlight(emit)));
        robot.push(KeyCode.PAGE_DOWN);
        assertThat(selected.get()).isEqualTo(emit.index());
        robot.interact(before::requestFocus);
        assertThat(ring.isVisible()).isFalse();
    }

    @Test
    void whatIsDrawnHasNoOverlaps(FxRobot robot) {
        for (TimelineEvent e : run.timeline().query().direction(Direction.WIRE).list().subList(0, 40)) {
            robot.interact(() -> {
                vm.setTime(midFlight(e));
                view.paintNow();
            });
            assertThat(TopologyLayoutTest.overlaps(view.drawing())).isEmpty();
            assertThat(TopologyLayoutTest.overlaps(view.drawing(), view.placed())).isEmpty();
        }
        assertThat(view.drawing().complete()).isTrue();
    }
}
