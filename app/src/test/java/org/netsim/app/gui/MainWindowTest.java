package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The main paths through the window, driven as a student would: open, step, send an emit, export, switch looks. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private AppModels models;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        // each run starts the lessons afresh: progress a run before saved must not move the lesson test's first page
        Path progress = Path.of(System.getProperty("netsim.progress.dir", "target/test-progress"));
        if (Files.isDirectory(progress)) {
            try (var files = Files.list(progress)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        models = AppModels.create();
        window = TestWindow.show(stage, models);
        scene = window.getScene();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        window.dispose();
    }

    private SessionViewModel session() {
        return models.session();
    }

    @SuppressWarnings("unchecked")
    private TableView<TimelineEvent> table(FxRobot robot) {
        return robot.lookup("#eventTable").queryAs(TableView.class);
    }

    /** Clicks through the menu bar: {@code menu(robot, "File", "Shipped scenarios", "Rooms")}. */
    private void menu(FxRobot robot, String top, String... path) {
        robot.clickOn(robot.from(window).lookup(".menu-bar .menu-button").queryAllAs(Labeled.class).stream()
                .filter(b -> b.getText().replace("_", "").equals(top)).findFirst().orElseThrow());
        for (String item : path) {
            // an item's text keeps its mnemonic's underscore: "_Dark theme"
            Node label = robot.lookup(".context-menu .label").match((Node n) -> n instanceof Labeled l
                            && l.getText() != null && l.getText().replace("_", "").equals(item)).queryAll().stream()
                    .filter(n -> n.getScene() != null && n.getScene().getWindow() != null
                            && n.getScene().getWindow().isShowing()).findFirst().orElseThrow();
            // into a submenu sideways first: a diagonal path would cross the other items and close it
            double x = label.localToScreen(label.getBoundsInLocal()).getMinX() + 4;
            robot.moveTo(new Point2D(x, robot.robotContext().getBaseRobot().retrieveMouse().getY()));
            robot.clickOn(label);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private void open(FxRobot robot, String scenario) {
        robot.interact(() -> assertThat(session().openShipped(scenario)).isTrue());
    }

    @Test
    void aShippedScenarioOpensFromTheMenu(FxRobot robot) {
        menu(robot, "File", "Shipped scenarios", "Rooms");
        assertThat(session().scenario().name()).isEqualTo("Rooms");
        assertThat(table(robot).getItems()).hasSize(session().run().timeline().size());
        assertThat(robot.lookup("#statusMessage").queryAs(Label.class).getText()).startsWith("Loaded \u201cRooms\u201d");
    }

    @Test
    void aBadFileIsReportedInOneLineAndTheScenarioStays(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, "one-client.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: [unclosed\n");
        robot.interact(() -> session().openFile(bad));
        Label status = robot.lookup("#statusMessage").queryAs(Label.class);
        assertThat(status.getText()).startsWith("Could not do that: bad.yaml").doesNotContain("\n");
        assertThat(status.getStyleClass()).contains("ns-error");
        assertThat(session().scenario().name()).isEqualTo("One client and a server");
        assertThat(table(robot).getItems()).isNotEmpty();
    }

    @Test
    void stepForwardAndBackWithKeysAndButtonsAreExact(FxRobot robot) {
        open(robot, "one-client.yaml");
        robot.clickOn("#timeLabel");
        for (int i = 0; i < 6; i++) {
            robot.type(KeyCode.RIGHT);
        }
        assertThat(session().selectedIndex()).isEqualTo(5);
        long time = session().currentTime();
        TimelineEvent fifth = session().selectedEvent();
        robot.type(KeyCode.LEFT).type(KeyCode.LEFT);
        assertThat(session().selectedIndex()).isEqualTo(3);
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertThat(session().selectedIndex()).isEqualTo(5);
        assertThat(session().currentTime()).isEqualTo(time);
        assertThat(table(robot).getSelectionModel().getSelectedItem().index()).isEqualTo(fifth.index());
        robot.clickOn("#stepBackButton").clickOn("#stepForwardButton").clickOn("#stepForwardButton");
        assertThat(session().selectedIndex()).isEqualTo(6);
        robot.type(KeyCode.HOME);
        assertThat(session().selectedEvent()).isNull();
        assertThat(robot.lookup("#timeLabel").queryAs(Label.class).getText()).isEqualTo("t = start");
    }

    @Test
    void spacePlaysAndPausesAndTheTableFollows(FxRobot robot) {
        open(robot, "one-client.yaml");
        robot.clickOn("#restartButton"); // a focused button: Space still plays, Enter presses it
        robot.type(KeyCode.PLUS).type(KeyCode.PLUS).type(KeyCode.PLUS); // 10x
        assertThat(models.playback().speed()).isEqualTo(10);
        robot.type(KeyCode.SPACE);
        assertThat(models.playback().isPlaying()).isTrue();
        WaitForAsyncUtils.sleep(600, TimeUnit.MILLISECONDS);
        robot.type(KeyCode.SPACE);
        assertThat(models.playback().isPlaying()).isFalse();
        assertThat(session().currentTime()).isGreaterThan(SessionViewModel.START_NANOS);
        assertThat(session().selectedEvent()).isNotNull();
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(table(robot).getSelectionModel().getSelectedItem().index()).isEqualTo(session().selectedIndex());
        robot.type(KeyCode.MINUS);
        assertThat(models.playback().speed()).isEqualTo(5);
        robot.type(KeyCode.ENTER); // presses the focused Start button
        assertThat(session().selectedEvent()).isNull();
    }

    @Test
    void anEmitTypedInTheComposerIsSentAndSelected(FxRobot robot) {
        open(robot, "one-client.yaml");
        robot.interact(() -> session().select(session().lastEventAtOrBefore(
                SessionViewModel.START_NANOS + 200_000_000L)));
        robot.clickOn(robot.lookup(".tab").match(n -> "emitTab".equals(n.getId())).queryAs(Node.class));
        robot.doubleClickOn("#emitEvent").eraseText(10).write("quiz");
        robot.doubleClickOn("#emitArgs").press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL)
                .type(KeyCode.BACK_SPACE).write("[6, 7,");
        Label problem = robot.lookup("#emitArgsProblem").queryAs(Label.class);
        assertThat(problem.getText()).startsWith("Unexpected end of input");
        assertThat(robot.lookup("#emitSend").queryAs(Button.class).isDisabled()).isTrue();
        robot.write(" \"x\"]");
        assertThat(problem.getText()).isEmpty();
        assertThat(problem.isVisible()).isFalse();
        robot.clickOn("#emitSend");
        robot.interact(() -> models.playback().pause());
        TimelineEvent sent = session().run().timeline().query().node("alice").protocol(Protocol.SOCKETIO)
                .direction(Direction.DOWN).list().stream().filter(e -> e.description().contains("quiz"))
                .findFirst().orElseThrow();
        assertThat(sent.description()).isEqualTo("EVENT \"quiz\" [6,7,\"x\"]");
        assertThat(session().run().timeline().query().node("server").protocol(Protocol.SOCKETIO)
                .direction(Direction.UP).list()).anyMatch(e -> e.description().equals("EVENT \"quiz\" [6,7,\"x\"]"));
        assertThat(session().selectedIndex()).isGreaterThanOrEqualTo(sent.index());
        assertThat(table(robot).getSelectionModel().getSelectedItem().index()).isEqualTo(session().selectedIndex());
    }

    @Test
    void exportWritesAPcapOfTheCapturePoint(FxRobot robot, @TempDir Path dir) throws Exception {
        open(robot, "broadcast-three-clients.yaml");
        Path file = dir.resolve("bob.pcap");
        robot.interact(() -> window.exportPcap(file, "bob"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session().messageProperty().get().startsWith("Wrote"));
        byte[] pcap = Files.readAllBytes(file);
        long magic = (pcap[0] & 0xffL) | (pcap[1] & 0xffL) << 8 | (pcap[2] & 0xffL) << 16 | (pcap[3] & 0xffL) << 24;
        assertThat(magic).isIn(0xa1b23c4dL, 0xa1b2c3d4L);
        var frames = session().run().capture("bob");
        int at = 24;
        for (var f : frames) {
            int length = (pcap[at + 8] & 0xff) | (pcap[at + 9] & 0xff) << 8;
            assertThat(length).isEqualTo(f.bytes().length);
            assertThat(java.util.Arrays.copyOfRange(pcap, at + 16, at + 16 + length)).isEqualTo(f.bytes());
            at += 16 + length;
        }
        assertThat(at).isEqualTo(pcap.length);
    }

    @Test
    void themeProjectorAndLayerModelSwitchFromTheViewMenu(FxRobot robot) {
        open(robot, "one-client.yaml");
        menu(robot, "View", "Dark theme");
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("/theme/dark.css"))
                .noneMatch(s -> s.endsWith("/theme/light.css"));
        menu(robot, "View", "Projector mode (everything larger)");
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("/theme/projector.css"));
        menu(robot, "View", "Layers: TCP/IP (4)");
        assertThat(session().layerModelProperty().get()).isEqualTo(LayerModel.TCP_IP);
        menu(robot, "View", "Light theme");
        assertThat(scene.getStylesheets()).anyMatch(s -> s.endsWith("/theme/light.css"));
    }

    @Test
    void helpListsTheKeyboardShortcuts(FxRobot robot) {
        robot.clickOn("#timeLabel");
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#shortcutList .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Space", "Play or pause", "Right arrow", "Left arrow", "Home", "+", "\u2212");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#shortcutList").tryQuery()).isEmpty();
    }

    @Test
    void addingAClientFromTheMenuRunsAgain(FxRobot robot) {
        open(robot, "one-client.yaml");
        menu(robot, "Scenario", "Add a client");
        assertThat(session().scenario().clients()).hasSize(2);
        assertThat(models.events().nodes()).contains("bob");
        menu(robot, "Scenario", "Remove a client", "bob");
        assertThat(session().scenario().clients()).hasSize(1);
    }

    /**
     * The inspector and the stack in the window: the emit's TCP segment selected, clicking "Destination port" in the
     * layer tree highlights exactly its two bytes in the hex pane; the stack's TCP/IP button switches every view.
     */
    @Test
    void aFieldClickedInTheInspectorHighlightsItsBytesAndTheStackSwitchesLayerModels(FxRobot robot) {
        open(robot, "one-client.yaml");
        TimelineEvent emit = session().run().timeline().query().node("alice").direction(Direction.DOWN)
                .protocol(Protocol.TCP).list().stream().filter(e -> e.description().contains("PSH")
                        && e.timeNanos() >= session().run().timeline().query().protocol(Protocol.SOCKETIO)
                        .node("alice").direction(Direction.DOWN).list().get(1).timeNanos())
                .findFirst().orElseThrow();
        robot.interact(() -> session().select(emit.index()));
        robot.clickOn(robot.lookup(".tab").match(n -> "inspectorTab".equals(n.getId()))
                .queryAs(Node.class));
        var field = emit.pdu().field("tcp.dstport").orElseThrow();
        // the lower pane is short: open the TCP layer and scroll its port into view, as a student would
        robot.interact(() -> {
            var tree = window.inspector().tree();
            for (var layer : tree.getRoot().getChildren()) {
                for (var row : layer.getChildren()) {
                    if (row.getValue().text().startsWith("Destination port: 3000")) {
                        layer.setExpanded(true);
                        tree.scrollTo(tree.getRow(row));
                    }
                }
            }
        });
        robot.clickOn("Destination port: 3000");
        assertThat(models.inspector().highlightStartProperty().get()).isEqualTo(field.byteStart());
        assertThat(models.inspector().highlightEndProperty().get()).isEqualTo(field.byteEnd());
        assertThat(field.byteEnd() - field.byteStart()).isEqualTo(2);

        robot.clickOn(robot.lookup(".tab").match(n -> "stackTab".equals(n.getId()))
                .queryAs(Node.class));
        assertThat(robot.lookup("#stackRegion .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("OSI layer", "7  Application", "1  Physical");
        robot.clickOn("#stack-tcpip");
        assertThat(session().layerModelProperty().get()).isEqualTo(LayerModel.TCP_IP);
        assertThat(robot.lookup("#stackRegion .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("TCP/IP layer", "4  Application", "1  Link").doesNotContain("7  Application");
        assertThat(models.events().layer(emit)).isEqualTo("3 Transport");
    }

    /** A student opens a lesson from the first screen, reads, and answers its first quiz in the panel. */
    @Test
    void aLessonOpensFromTheFirstScreenAndItsQuizAnswersInThePanel(FxRobot robot) {
        robot.clickOn("#lessonsButton");
        assertThat(robot.lookup("#lessonPanel").tryQuery()).isPresent();
        @SuppressWarnings("unchecked")
        javafx.scene.control.ListView<org.netsim.lessons.Lesson> list =
                robot.lookup("#lessonList").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> list.getSelectionModel().select(1));
        robot.clickOn("#lessonOpen");
        assertThat(session().sourceProperty().get()).isEqualTo("one-client.yaml");
        assertThat(robot.lookup("#lessonPosition").queryAs(Label.class).getText()).isEqualTo("Page 1 of 11");
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonInput").write("the network layer");
        robot.clickOn("#lessonAnswer");
        assertThat(robot.lookup("#lessonFeedback").queryAs(Label.class).getText()).contains("Internet layer");
        assertThat(robot.lookup("#lessonNext").queryAs(Button.class).isDisabled()).isTrue();
        robot.doubleClickOn("#lessonInput").eraseText(20).write("internet");
        robot.clickOn("#lessonAnswer");
        assertThat(window.lessons().passedProperty().get()).isTrue();
        assertThat(robot.lookup("#lessonNext").queryAs(Button.class).isDisabled()).isFalse();
    }
}
