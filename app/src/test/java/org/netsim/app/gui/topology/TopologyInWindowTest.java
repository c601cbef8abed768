package org.netsim.app.gui.topology;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.MainWindow;
import org.netsim.app.gui.Scenarios;
import org.netsim.app.gui.TestWindow;
import org.netsim.app.gui.inspector.EventBytes;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The topology following the selection in the whole main window, driven with the mouse and the keys as a student
 * would: a frame clicked in flight becomes the selection of the event list, the inspector and the stack view, the
 * time staying where it is; an event chosen in the list is highlighted on its cable; a device clicked is picked; Tab
 * reaches the map, which shows its focus, and the keys pick devices and frames while Left and Right still step.
 */
@ExtendWith(ApplicationExtension.class)
class TopologyInWindowTest {
    private AppModels models;
    private MainWindow window;
    private TimelineEvent emit;

    @Start
    void start(Stage stage) {
        models = AppModels.create();
        window = TestWindow.show(stage, models);
    }

    @BeforeEach
    void open(FxRobot robot) {
        robot.interact(() -> assertThat(session().openShipped("one-client.yaml")).isTrue());
        // Alice's chat emit as it leaves her host
        emit = Scenarios.socketIo(session().run(), "alice", Direction.WIRE, Protocol.PHYSICAL, "\"chat\"");
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        window.dispose();
    }

    private SessionViewModel session() {
        return models.session();
    }

    private TopologyView view() {
        return window.topology();
    }

    @SuppressWarnings("unchecked")
    private TableView<TimelineEvent> table(FxRobot robot) {
        return robot.lookup("#eventTable").queryAs(TableView.class);
    }

    private static long midFlight(TimelineEvent wire) {
        return (wire.timeNanos() + ((Unit.Hop) wire.unit()).arrivalNanos()) / 2;
    }

    /** The emit's frame as drawn now, after the pulse the change of time asked for. */
    private FramePlacement.Placed emitFrame(FxRobot robot) {
        robot.interact(view()::paintNow);
        return view().placed().stream().filter(p -> p.frame().event() == emit.index()).findFirst().orElseThrow();
    }

    private Point2D onScreen(FxRobot robot, double x, double y) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> p[0] = view().localToScreen(x, y));
        return p[0];
    }

    private Drawing.DevicePlace device(String name) {
        return view().drawing().devices().stream().filter(d -> d.device().name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void clickingAFrameInFlightSelectsItsEventInTheListTheInspectorAndTheStack(FxRobot robot) {
        long mid = midFlight(emit);
        robot.interact(() -> session().showTime(mid, 0));
        FramePlacement.Placed frame = emitFrame(robot);
        assertThat(frame.selected()).isFalse();
        assertThat(frame.text()).startsWith("Socket.IO");
        // the dot, not the callout: the frame itself is what a student aims at
        robot.clickOn(onScreen(robot, frame.x(), frame.y()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(session().selectedIndex()).isEqualTo(emit.index());
        assertThat(session().currentTime()).as("the time stays where it was").isEqualTo(mid);
        assertThat(table(robot).getSelectionModel().getSelectedItem().index()).isEqualTo(emit.index());
        assertThat(models.inspector().bytesProperty().get()).isEqualTo(EventBytes.of(emit));
        assertThat(models.stack().transferProperty().get()).isNotNull();
        assertThat(models.stack().transferProperty().get().sender()).isEqualTo("alice");
        assertThat(emitFrame(robot).selected()).as("the frame is drawn as the selection").isTrue();
        assertThat(view().isFocused()).as("the click puts the focus on the map").isTrue();
    }

    @Test
    void anEventChosenInTheListIsHighlightedOnItsCable(FxRobot robot) {
        TableView<TimelineEvent> table = table(robot);
        robot.interact(() -> table.scrollTo(emit.index()));
        WaitForAsyncUtils.waitForFxEvents();
        Node row = robot.lookup("#eventTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getItem() instanceof TimelineEvent e && e.index() == emit.index()).findFirst()
                .orElseThrow();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session().selectedIndex()).isEqualTo(emit.index());
        assertThat(session().currentTime()).isEqualTo(emit.timeNanos());
        FramePlacement.Placed frame = emitFrame(robot);
        assertThat(frame.selected()).isTrue();
        assertThat(frame.frame().from()).isEqualTo("alice");
        assertThat(models.topology().eventDeviceProperty().get()).as("the frame is ringed, not its sender").isNull();
    }

    @Test
    void clickingADevicePicksItAndClickingEmptySpacePicksNone(FxRobot robot) {
        robot.interact(view()::paintNow);
        Drawing.DevicePlace server = device("server");
        robot.clickOn(onScreen(robot, server.icon().cx(), server.icon().cy()));
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo("server");
        // a host's name label picks it as well as its icon
        Drawing.DevicePlace alice = device("alice");
        robot.clickOn(onScreen(robot, alice.label().cx(), alice.label().cy()));
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo("alice");
        robot.clickOn(onScreen(robot, 4, 4));
        assertThat(models.topology().pickedDeviceProperty().get()).isNull();
        assertThat(session().selectedIndex()).as("picking a device leaves the selected event").isEqualTo(-1);
    }

    @Test
    void tabReachesTheMapWithAVisibleFocusAndTheKeysPickDevicesAndFrames(FxRobot robot) {
        robot.clickOn("#timeLabel");
        int tabs = 0;
        while (!view().isFocused() && tabs++ < 40) {
            robot.push(KeyCode.TAB);
        }
        assertThat(view().isFocused()).as("Tab reaches the topology").isTrue();
        Region ring = robot.lookup(".topology-focus-ring").queryAs(Region.class);
        assertThat(ring.isVisible()).isTrue();
        assertThat(ring.getBorder()).isNotNull();
        assertThat(ring.getBorder().getInsets().getTop()).as("a thick ring").isGreaterThanOrEqualTo(2);
        assertThat(ring.getWidth()).isEqualTo(view().getWidth());

        var devices = models.topology().graphProperty().get().devices();
        robot.push(KeyCode.DOWN);
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo(devices.get(0).name());
        robot.push(KeyCode.DOWN);
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo(devices.get(1).name());
        robot.push(KeyCode.UP);
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo(devices.get(0).name());
        robot.push(KeyCode.ESCAPE);
        assertThat(models.topology().pickedDeviceProperty().get()).isNull();

        // with the emit the only frame on a cable, Page Down selects it everywhere
        long mid = midFlight(emit);
        robot.interact(() -> session().showTime(mid, 0));
        assertThat(models.topology().inFlight()).extracting(FrameInFlight::event).containsExactly(emit.index());
        robot.push(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session().selectedIndex()).isEqualTo(emit.index());
        assertThat(table(robot).getSelectionModel().getSelectedItem().index()).isEqualTo(emit.index());
        // Enter picks the device the selected event happens at: the frame's sender
        robot.push(KeyCode.ENTER);
        assertThat(models.topology().pickedDeviceProperty().get()).isEqualTo("alice");

        // the time keys still work with the focus on the map, and leave it there
        robot.push(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(session().selectedIndex()).isEqualTo(emit.index() + 1);
        assertThat(view().isFocused()).isTrue();
        robot.push(KeyCode.TAB);
        assertThat(view().isFocused()).isFalse();
        assertThat(ring.isVisible()).isFalse();
    }
}
