package org.netsim.app.gui;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.netsim.app.gui.compare.ComparisonView;
import org.netsim.app.gui.emit.EmitComposerView;
import org.netsim.app.gui.events.EventListView;
import org.netsim.app.gui.inspector.InspectorView;
import org.netsim.app.gui.lesson.LessonPanelView;
import org.netsim.app.gui.lesson.LessonPanelViewModel;
import org.netsim.app.gui.lesson.PointsAt;
import org.netsim.app.gui.live.LiveView;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.stack.StackView;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.app.gui.time.PlaybackBar;
import org.netsim.app.gui.topology.TopologyView;
import org.netsim.lessons.ScreenPart;

/**
 * The classroom window: menu and time controls on top; the topology with the event list and the emit composer (as
 * tabs) beside it; below, across the whole width, the stack view and the inspector (as tabs); a status line at the
 * bottom. Until a scenario is loaded the centre shows the welcome pane. The shell is {@code MainWindow.fxml}; the
 * views are code from their own packages, put into its regions ({@code topologyRegion}, {@code stackRegion},
 * {@code inspectorRegion}) and tabs, and follow the appearance's theme.
 */
public final class MainWindow extends BorderPane {
    private final AppModels models;
    /**
     * The views of a run, made when first needed (with the first run, or before it when the lesson panel wants the
     * parts of the window its steps point at): the first screen shows none of them, and making them (their classes,
     * their controls) would cost it a third of a second.
     */
    private Views views;
    /** Made when first needed: nothing of them shows on the first screen, and the lessons take a while to read. */
    private EmitComposerView composerView;
    private LessonPanelViewModel lessons;
    private LessonPanelView lessonPanel;
    private final BooleanProperty lessonsShown = new SimpleBooleanProperty(false);
    private final PlaybackBar playbackBar;
    private final MainMenu menu;

    @FXML private VBox topBar;
    @FXML private HBox timeBar;
    @FXML private SplitPane body;
    @FXML private StackPane middle;
    @FXML private SplitPane workspace;
    @FXML private SplitPane upper;
    @FXML private StackPane topologyRegion;
    @FXML private TabPane sideTabs;
    @FXML private Tab eventsTab;
    @FXML private Tab emitTab;
    @FXML private Tab liveTab;
    @FXML private ScrollPane composer;
    @FXML private TabPane lowerTabs;
    @FXML private StackPane stackRegion;
    @FXML private StackPane inspectorRegion;
    @FXML private Tab inspectorTab;
    @FXML private Tab comparisonTab;
    @FXML private Label statusMessage;
    @FXML private Label statusScenario;

    public MainWindow(AppModels models, Stage stage) {
        this.models = models;
        Fxml.load(this);
        SessionViewModel session = models.session();
        menu = new MainMenu(models, stage);
        playbackBar = new PlaybackBar(models.playback(), session);
        topBar.getChildren().add(0, menu);
        timeBar.getChildren().add(0, playbackBar);
        HBox.setHgrow(playbackBar, Priority.ALWAYS);
        // the time controls never shrink; what is loaded shows beside them when it fits on the line (it is in the
        // title too), so a projector's short line is not cut
        playbackBar.setMinWidth(Region.USE_PREF_SIZE);
        timeBar.widthProperty().addListener(o -> fitSummary());
        statusScenario.textProperty().addListener(o -> fitSummary());
        emitTab.setOnSelectionChanged(e -> {
            if (emitTab.isSelected()) {
                composer();
            }
        });
        // libpcap is asked for its devices only when someone opens the tab: starting the window never waits for it
        liveTab.setOnSelectionChanged(e -> {
            if (liveTab.isSelected() && models.live().devices().isEmpty()) {
                models.live().loadDevices();
            }
        });
        // upper half: the network and, beside it, the events and the composer; lower half, the whole width: the
        // stack and the inspector, which need it (two stacks side by side; a layer tree beside 16 bytes a row)
        upper.setDividerPositions(0.5);
        workspace.setDividerPositions(0.52);
        workspace.visibleProperty().bind(session.runProperty().isNotNull());

        installLessonsMenu();
        installGoMenu();
        if (session.run() != null) {
            views();
        } else {
            // the welcome pane is needed only until the first scenario opens; then it leaves the scene for good and
            // the workspace joins it: styling and laying out its tables, trees and tabs unseen would cost the first
            // screen about a second
            WelcomePane welcome = new WelcomePane(session::openShipped, menu::openFile, () -> showLessons(true));
            middle.getChildren().setAll(welcome);
            session.runProperty().addListener((o, was, run) -> {
                if (run != null && middle.getChildren().remove(welcome)) {
                    views();
                    middle.getChildren().add(0, workspace);
                }
            });
        }
        bindStatus(session);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> session.scenario() == null
                ? Messages.get("app.title") : Messages.get("app.title.scenario", session.scenario().name()),
                session.scenarioProperty()));
    }

    /** A run's views, in the workspace's regions and tabs. */
    private record Views(TopologyView topology, StackView stack, InspectorView inspector, EventListView eventList,
                         LiveView live, ComparisonView comparison) {
    }

    /** The run's views, made and put into the workspace when first needed. */
    private Views views() {
        if (views != null) {
            return views;
        }
        var topology = new TopologyView(models.topology(), Messages.bundle());
        var stack = new StackView(models.stack(), Messages.bundle());
        var inspector = new InspectorView(models.inspector(), Messages.bundle());
        var comparison = new ComparisonView(models.comparison());
        for (var themed : List.of(topology.themeProperty(), stack.themeProperty(), inspector.themeProperty(),
                comparison.themeProperty())) {
            themed.bind(models.appearance().themeProperty());
        }
        topologyRegion.getChildren().add(topology);
        stackRegion.getChildren().add(stack);
        // the tabs behind the front ones join the scene when first chosen: styling and laying out a layer tree, a
        // capture list and two comparison halves nobody sees yet would add about a second to the first frame
        attachOnFirstSelection(inspectorTab, () -> inspectorRegion.getChildren().add(inspector));
        var eventList = new EventListView(models.events(), models.session());
        eventsTab.setContent(eventList);
        eventList.setEm(em(models.appearance().projectorProperty().get()));
        models.appearance().projectorProperty().addListener((o, was, on) -> eventList.setEm(em(on)));
        var live = new LiveView(models.live(), this::compare);
        attachOnFirstSelection(liveTab, () -> liveTab.setContent(live));
        attachOnFirstSelection(comparisonTab, () -> comparisonTab.setContent(comparison));
        views = new Views(topology, stack, inspector, eventList, live, comparison);
        return views;
    }

    /** The Lessons menu, to show the lesson panel on the left. */
    private void installLessonsMenu() {
        CheckMenuItem show = new CheckMenuItem(Messages.get("lesson.menu.show"));
        show.setId("showLessons");
        show.selectedProperty().addListener((o, was, on) -> showLessons(on));
        lessonsShown.addListener((o, was, on) -> show.setSelected(on));
        Menu m = new Menu(Messages.get("lesson.menu"), null, show);
        m.setId("lessonsMenu");
        menu.getMenus().add(menu.getMenus().size() - 1, m);
    }

    /** The lessons, read when first asked for; with them the panel and the parts of the window steps point at. */
    public LessonPanelViewModel lessons() {
        if (lessons != null) {
            return lessons;
        }
        lessons = new LessonPanelViewModel(models);
        lessonPanel = new LessonPanelView(lessons);
        lessons.openProperty().addListener((o, was, open) -> {
            if (open) {
                showLessons(true);
            }
        });
        Views v = views();
        Map<ScreenPart, Node> targets = new EnumMap<>(ScreenPart.class);
        targets.put(ScreenPart.TOPOLOGY, topologyRegion);
        targets.put(ScreenPart.EVENT_LIST, v.eventList());
        targets.put(ScreenPart.TIME_CONTROLS, playbackBar);
        targets.put(ScreenPart.STACK, stackRegion);
        targets.put(ScreenPart.INSPECTOR_TREE, v.inspector().tree());
        targets.put(ScreenPart.HEX, v.inspector().hexPane());
        targets.put(ScreenPart.EMIT_COMPOSER, composer);
        targets.put(ScreenPart.SCENARIO_MENU, menu);
        targets.put(ScreenPart.LAYER_SWITCH, v.stack().layerSwitch());
        targets.put(ScreenPart.LIVE_CAPTURE, v.live());
        Map<ScreenPart, Runnable> reveal = new EnumMap<>(ScreenPart.class);
        reveal.put(ScreenPart.EVENT_LIST, () -> selectTab("eventsTab"));
        reveal.put(ScreenPart.STACK, () -> selectTab("stackTab"));
        reveal.put(ScreenPart.LAYER_SWITCH, () -> selectTab("stackTab"));
        reveal.put(ScreenPart.INSPECTOR_TREE, () -> selectTab("inspectorTab"));
        reveal.put(ScreenPart.HEX, () -> selectTab("inspectorTab"));
        reveal.put(ScreenPart.EMIT_COMPOSER, () -> {
            selectTab("emitTab");
            composer();
        });
        reveal.put(ScreenPart.LIVE_CAPTURE, () -> selectTab("liveTab"));
        PointsAt.install(lessons.pointsAtProperty(), targets, reveal);
        return lessons;
    }

    /** The Go menu (Ctrl+1 to Ctrl+7): every part of the window, tab and focus, from the keyboard. */
    private void installGoMenu() {
        List<GoMenu.Part> parts = List.of(
                new GoMenu.Part("app.go.events", "eventsTab", () -> views().eventList().table()),
                new GoMenu.Part("app.go.emit", "emitTab", this::composer),
                new GoMenu.Part("app.go.live", "liveTab", () -> views().live()),
                new GoMenu.Part("app.go.topology", null, () -> views().topology()),
                new GoMenu.Part("app.go.stack", "stackTab", () -> views().stack()),
                new GoMenu.Part("app.go.inspector", "inspectorTab", () -> views().inspector().tree()),
                new GoMenu.Part("app.go.comparison", "comparisonTab", () -> views().comparison()));
        menu.getMenus().add(menu.getMenus().size() - 1, GoMenu.create(parts,
                models.session().runProperty().isNull(), this::goTo));
    }

    /** Brings tab {@code tabId} (if any) to the front and focuses {@code target} or its first focusable control. */
    void goTo(String tabId, Node target) {
        if (tabId != null) {
            selectTab(tabId);
        }
        GoMenu.focus(target, List.of(sideTabs, lowerTabs));
    }

    /** Shows or hides the lesson panel at the window's left. */
    public void showLessons(boolean on) {
        if (on) {
            lessons();
        }
        if (on && !body.getItems().contains(lessonPanel)) {
            body.getItems().add(0, lessonPanel);
            body.setDividerPositions(0.27);
        } else if (!on && lessonPanel != null) {
            body.getItems().remove(lessonPanel);
        }
        lessonsShown.set(on);
    }

    /** Runs {@code attach} once, when {@code tab} is first selected (at once if it already is). */
    private static void attachOnFirstSelection(Tab tab, Runnable attach) {
        if (tab.isSelected()) {
            attach.run();
            return;
        }
        javafx.beans.InvalidationListener[] once = new javafx.beans.InvalidationListener[1];
        once[0] = o -> {
            if (tab.isSelected()) {
                tab.selectedProperty().removeListener(once[0]);
                attach.run();
            }
        };
        tab.selectedProperty().addListener(once[0]);
    }

    private void selectTab(String id) {
        for (TabPane p : List.of(sideTabs, lowerTabs)) {
            p.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                    .ifPresent(t -> p.getSelectionModel().select(t));
        }
    }

    /** Puts the scene's stylesheets in line with the appearance and installs the keyboard shortcuts. */
    public void attach(Scene scene) {
        scene.getStylesheets().setAll(models.appearance().stylesheets());
        models.appearance().themeProperty().addListener(o ->
                scene.getStylesheets().setAll(models.appearance().stylesheets()));
        models.appearance().projectorProperty().addListener(o ->
                scene.getStylesheets().setAll(models.appearance().stylesheets()));
        KeyboardShortcuts.install(scene, models.session(), models.playback(), models.emit()::send);
    }

    /** Pixels per em: the default font, larger in projector mode by the factor projector.css uses. */
    private static double em(boolean projector) {
        return Font.getDefault().getSize() * (projector ? Appearance.PROJECTOR_SCALE : 1);
    }

    public TopologyView topology() {
        return views().topology();
    }

    public StackView stack() {
        return views().stack();
    }

    public InspectorView inspector() {
        return views().inspector();
    }

    /** The emit composer, made when its tab first comes to the front (or someone asks for it). */
    public EmitComposerView composer() {
        if (composerView == null) {
            composerView = new EmitComposerView(models.emit());
            composer.setContent(composerView);
        }
        return composerView;
    }

    /**
     * Sets a captured event beside its simulated twin and shows the comparison; the twin is simulated off the
     * window's thread, and a message that cannot be compared says why in the comparison's summary.
     */
    public java.util.concurrent.CompletableFuture<Boolean> compare(org.netsim.capture.decode.CaptureMessage m) {
        lowerTabs.getSelectionModel().select(comparisonTab);
        // two frames and their differences need the height: the topology gives most of its own
        workspace.setDividerPositions(0.15);
        return models.comparison().compareLater(models.live().comparison(m),
                java.util.concurrent.ForkJoinPool.commonPool(), javafx.application.Platform::runLater);
    }

    /** File, Export pcap without the file chooser: one capture point to a file, or every point into a folder. */
    public void exportPcap(java.nio.file.Path target, String point) {
        menu.export(target, point);
    }

    public EventListView eventList() {
        return views().eventList();
    }

    /** Stops the playback timer, the live capture and the built-in peer; the window calls it when it closes. */
    public void dispose() {
        playbackBar.stop();
        if (views != null) {
            views.live().dispose();
        }
        models.live().dispose();
    }

    private void fitSummary() {
        double free = timeBar.getWidth() - timeBar.snappedLeftInset() - timeBar.snappedRightInset()
                - playbackBar.prefWidth(-1) - timeBar.getSpacing();
        boolean fits = !statusScenario.getText().isEmpty() && free >= statusScenario.prefWidth(-1);
        statusScenario.setVisible(fits);
        statusScenario.setManaged(fits);
    }

    /** The status line: the session's last message (wrapped, never cut: a projector has no hover) and the run. */
    private void bindStatus(SessionViewModel session) {
        statusMessage.textProperty().bind(session.messageProperty());
        Tooltip full = new Tooltip();
        full.textProperty().bind(session.messageProperty());
        statusMessage.setTooltip(full);
        session.messageIsErrorProperty().addListener((o, was, error) -> {
            statusMessage.getStyleClass().remove("ns-error");
            if (error) {
                statusMessage.getStyleClass().add("ns-error");
            }
        });
        statusScenario.textProperty().bind(Bindings.createStringBinding(() -> session.scenario() == null
                || session.run() == null ? "" : Messages.get("app.status.scenario", session.scenario().name(),
                session.scenario().seed(), session.run().timeline().size()), session.scenarioProperty(),
                session.runProperty()));
    }
}
