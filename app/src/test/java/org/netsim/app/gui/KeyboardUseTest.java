package org.netsim.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.netsim.app.gui.emit.EmitVariant;
import org.netsim.app.gui.inspector.HexPane;
import org.netsim.app.gui.inspector.InspectorRow;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window from the keyboard: the arrows and Home belong to the focused control (hex pane, layer tree, event
 * table, drop-downs), Space, + and − and F1 work wherever the focus is, the menus open with their mnemonics, Go
 * reaches every part, and Tab visits the controls in reading order with a visible ring on each.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardUseTest {
    /** The light theme's focus colour ({@code -ns-focus} in light.css). */
    private static final Color FOCUS = Color.web("#e07000");

    private AppModels models;
    private MainWindow window;
    private Scene scene;

    @Start
    void start(Stage stage) {
        models = AppModels.create();
        window = TestWindow.show(stage, models);
        scene = window.getScene();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        window.dispose();
    }

    /** One client, its chat emit's frame selected (on the wire at Alice), the inspector in front. */
    private TimelineEvent openOnTheEmitFrame(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        TimelineEvent wire = Scenarios.socketIo(models.session().run(), "alice", Direction.WIRE, Protocol.PHYSICAL,
                "\"chat\"");
        robot.interact(() -> models.session().select(wire.index()));
        robot.interact(() -> window.goTo("inspectorTab", window.inspector().tree()));
        return wire;
    }

    @Test
    void rightInTheHexPaneMovesItsCursorNotTheTime(FxRobot robot) {
        TimelineEvent wire = openOnTheEmitFrame(robot);
        HexPane hex = window.inspector().hexPane();
        var origin = hex.localToScreen(0, 0);
        robot.clickOn(origin.getX() + hex.snappedLeftInset() + 70, origin.getY() + hex.snappedTopInset() + 8);
        assertThat(hex.isFocused()).isTrue();
        int cursor = models.inspector().cursorProperty().get();
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT);
        assertThat(models.inspector().cursorProperty().get()).isEqualTo(cursor + 2);
        robot.type(KeyCode.LEFT).type(KeyCode.HOME);
        assertThat(models.inspector().cursorProperty().get()).isZero();
        assertThat(models.session().selectedIndex()).isEqualTo(wire.index());
    }

    @Test
    void rightAndLeftInTheLayerTreeOpenAndCloseALayerNotTheTime(FxRobot robot) {
        TimelineEvent wire = openOnTheEmitFrame(robot);
        var tree = window.inspector().tree();
        // Ethernet: an outer layer, shown closed
        TreeItem<InspectorRow> ethernet = tree.getRoot().getChildren().get(1);
        assertThat(ethernet.getValue().protocol()).isEqualTo(Protocol.ETHERNET);
        assertThat(ethernet.isExpanded()).isFalse();
        robot.interact(() -> {
            tree.requestFocus();
            tree.getSelectionModel().select(ethernet);
            tree.getFocusModel().focus(tree.getRow(ethernet));
        });
        robot.type(KeyCode.RIGHT);
        assertThat(ethernet.isExpanded()).isTrue();
        robot.type(KeyCode.LEFT);
        assertThat(ethernet.isExpanded()).isFalse();
        assertThat(models.session().selectedIndex()).isEqualTo(wire.index());
    }

    @Test
    void homeAndTheArrowsInTheEventTableMoveThroughItsRows(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.interact(() -> models.session().select(12));
        @SuppressWarnings("unchecked")
        TableView<TimelineEvent> table = robot.lookup("#eventTable").queryAs(TableView.class);
        robot.interact(() -> window.goTo("eventsTab", table));
        robot.type(KeyCode.RIGHT).type(KeyCode.LEFT);
        assertThat(models.session().selectedIndex()).isEqualTo(12);
        robot.type(KeyCode.DOWN);
        assertThat(models.session().selectedIndex()).isEqualTo(13);
        // Home is the table's first row (event 0), not the time control's "before the first event"
        robot.type(KeyCode.HOME);
        assertThat(models.session().selectedIndex()).isZero();
    }

    @Test
    void theArrowsAndHomeInDropDownsAndTextFieldsStayThere(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("rooms.yaml")).isTrue());
        robot.interact(() -> models.session().select(30));
        robot.interact(() -> models.emit().variantProperty().set(EmitVariant.TO_ROOM));
        robot.interact(() -> window.goTo("emitTab", window.composer()));
        @SuppressWarnings("unchecked")
        ComboBox<String> room = robot.lookup("#emitRoom").queryAs(ComboBox.class);
        robot.clickOn(room.getEditor()).write("maths");
        robot.type(KeyCode.HOME).type(KeyCode.RIGHT).write("x");
        assertThat(models.emit().roomProperty().get()).isEqualTo("mxaths");
        robot.clickOn("#emitEvent").type(KeyCode.HOME).type(KeyCode.RIGHT, 2).type(KeyCode.LEFT);
        assertThat(((TextField) robot.lookup("#emitEvent").query()).getCaretPosition()).isEqualTo(1);
        @SuppressWarnings("unchecked")
        ComboBox<Object> protocols = robot.lookup("#protocolFilter").queryAs(ComboBox.class);
        robot.interact(() -> window.goTo("eventsTab", protocols));
        robot.type(KeyCode.RIGHT).type(KeyCode.HOME);
        assertThat(models.session().selectedIndex()).isEqualTo(30);
    }

    @Test
    void spacePlusMinusAndF1WorkWhereverTheFocusIs(FxRobot robot) {
        openOnTheEmitFrame(robot);
        assertThat(window.inspector().tree().isFocused()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(models.playback().isPlaying()).isTrue();
        robot.type(KeyCode.SPACE);
        assertThat(models.playback().isPlaying()).isFalse();
        double speed = models.playback().speed();
        robot.type(KeyCode.PLUS);
        assertThat(models.playback().speed()).isGreaterThan(speed);
        robot.type(KeyCode.MINUS);
        assertThat(models.playback().speed()).isEqualTo(speed);
        robot.clickOn(window.inspector().hexPane());
        robot.type(KeyCode.F1);
        assertThat(robot.lookup("#shortcutList").tryQuery()).isPresent();
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#shortcutList").tryQuery()).isEmpty();
    }

    @Test
    void onAPlainButtonTheArrowsStepTheTime(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.clickOn("#stepForwardButton");
        assertThat(models.session().selectedIndex()).isZero();
        robot.type(KeyCode.RIGHT).type(KeyCode.RIGHT).type(KeyCode.LEFT);
        assertThat(models.session().selectedIndex()).isEqualTo(1);
        robot.type(KeyCode.HOME);
        assertThat(models.session().selectedEvent()).isNull();
    }

    @Test
    void everyMenuAndActionHasAMnemonicAndAltOpensTheMenu(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        MenuBar bar = robot.lookup("#mainMenu").queryAs(MenuBar.class);
        List<String> without = new ArrayList<>();
        Set<String> tops = new LinkedHashSet<>();
        for (Menu m : bar.getMenus()) {
            assertThat(m.getText()).contains("_");
            assertThat(tops.add(m.getText().substring(m.getText().indexOf('_') + 1, m.getText().indexOf('_') + 2)
                    .toUpperCase())).as("mnemonic of %s is unique", m.getText()).isTrue();
            collectWithoutMnemonic(m, without);
        }
        assertThat(without).isEmpty();
        robot.press(KeyCode.ALT).type(KeyCode.V).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        Menu view = bar.getMenus().stream().filter(m -> "viewMenu".equals(m.getId())).findFirst().orElseThrow();
        assertThat(view.isShowing()).isTrue();
        robot.type(KeyCode.ESCAPE);
    }

    /** Items named after data (a scenario, a client, a capture point) are shown as they are, without a mnemonic. */
    private static void collectWithoutMnemonic(Menu menu, List<String> out) {
        for (MenuItem i : menu.getItems()) {
            if (i instanceof SeparatorMenuItem || !i.isMnemonicParsing() && !(i instanceof Menu)) {
                continue;
            }
            if (i.getText() == null || !i.getText().contains("_")) {
                out.add(menu.getText() + " > " + i.getText());
            }
            if (i instanceof Menu sub) {
                collectWithoutMnemonic(sub, out);
            }
        }
    }

    @Test
    void goReachesEachPartOfTheWindowAndFocusesIt(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.clickOn("#timeLabel");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT6).release(KeyCode.CONTROL);
        assertThat(window.inspector().tree().isFocused()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#eventTable").query().isFocused()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertThat(robot.lookup("#emitVariant").query().isFocused()).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        assertThat(isInside(scene.getFocusOwner(), window.stack())).isTrue();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT4).release(KeyCode.CONTROL);
        assertThat(window.topology().isFocused()).isTrue();
    }

    /**
     * Tab from the first control goes through the time controls, the topology, the side tabs (events), the lower tabs
     * (stack) in that order and comes back round; every control it stops at shows the focus ring.
     */
    @Test
    void tabVisitsTheControlsInReadingOrderEachWithAVisibleRing(FxRobot robot) {
        robot.interact(() -> assertThat(models.session().openShipped("one-client.yaml")).isTrue());
        robot.interact(() -> models.session().select(40));
        robot.interact(() -> window.stack().jumpToEnd());
        robot.interact(() -> robot.lookup("#restartButton").query().requestFocus());
        List<Node> visited = new ArrayList<>();
        List<String> ringless = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Node focus = scene.getFocusOwner();
            if (!visited.isEmpty() && focus == visited.get(0)) {
                break;
            }
            visited.add(focus);
            if (!showsFocusRing(robot, focus)) {
                ringless.add(LayoutCheck.describe(focus));
            }
            robot.type(KeyCode.TAB);
        }
        assertThat(scene.getFocusOwner()).as("Tab comes back round to the first control").isSameAs(visited.get(0));
        List<String> ids = visited.stream().map(Node::getId).toList();
        assertThat(ids).contains("restartButton", "stepBackButton", "playButton", "stepForwardButton",
                "sideTabs", "protocolFilter", "nodeFilter", "connectionFilter", "eventTable", "lowerTabs",
                "stack-device", "stack-osi", "stack-end");
        List<Integer> regions = visited.stream().map(this::region).toList();
        assertThat(regions).as("regions in reading order: %s", ids).isSorted();
        assertThat(ringless).isEmpty();
        // OSI and TCP/IP are one group: Tab stops at the chosen one, the arrows move along it, Enter chooses
        robot.interact(() -> robot.lookup("#stack-osi").query().requestFocus());
        robot.type(KeyCode.RIGHT);
        assertThat(robot.lookup("#stack-tcpip").query().isFocused()).isTrue();
        robot.type(KeyCode.ENTER);
        assertThat(models.session().layerModelProperty().get()).isEqualTo(LayerModel.TCP_IP);
        assertThat(models.session().selectedIndex()).isEqualTo(40);
    }

    /** 0 time controls, 1 topology, 2 events/composer/live, 3 stack/inspector/comparison, 4 anything else. */
    private int region(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            String id = p.getId();
            if ("mainWindow".equals(id)) {
                break;
            }
            if (p instanceof org.netsim.app.gui.time.PlaybackBar) {
                return 0;
            }
            if ("topologyRegion".equals(id)) {
                return 1;
            }
            if ("sideTabs".equals(id)) {
                return 2;
            }
            if ("lowerTabs".equals(id)) {
                return 3;
            }
        }
        return 4;
    }

    private static boolean isInside(Node n, Parent ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pixels around {@code n} (a few beyond its bounds, where the ring is drawn) hold the focus colour. */
    private boolean showsFocusRing(FxRobot robot, Node n) {
        WritableImage[] shot = new WritableImage[1];
        Bounds b = n.localToScene(n.getBoundsInLocal());
        robot.interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setViewport(new Rectangle2D(Math.max(0, b.getMinX() - 6), Math.max(0, b.getMinY() - 6),
                    b.getWidth() + 12, b.getHeight() + 12));
            shot[0] = scene.getRoot().snapshot(p, null);
        });
        PixelReader r = shot[0].getPixelReader();
        int hits = 0;
        for (int y = 0; y < shot[0].getHeight(); y++) {
            for (int x = 0; x < shot[0].getWidth(); x++) {
                Color c = r.getColor(x, y);
                if (Math.abs(c.getRed() - FOCUS.getRed()) < 0.08 && Math.abs(c.getGreen() - FOCUS.getGreen()) < 0.08
                        && Math.abs(c.getBlue() - FOCUS.getBlue()) < 0.08) {
                    hits++;
                }
            }
        }
        return hits >= 20;
    }
}
