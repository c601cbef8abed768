package org.netsim.app.gui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import org.netsim.lessons.ScreenPart;
import org.netsim.app.gui.live.LiveView;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.stack.StackView;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.app.gui.time.PlaybackBar;
import org.netsim.app.gui.topology.TopologyView;

/**
 * The classroom window: menu and time controls on top; the topology with the event list and the emit composer (as
 * tabs) beside it; below, across the whole width, the stack view and the inspector (as tabs); a status line at the
 * bottom. Until a scenario is loaded the centre shows the welcome pane.
 *
 * <p>The topology, stack and inspector views come from their own packages; they sit in regions with the ids
 * {@code topologyRegion}, {@code stackRegion} and {@code inspectorRegion}, and follow the appearance's theme.
 */
public final class MainWindow extends BorderPane {
    private final AppModels models;
    private final StackPane topologyRegion;
    private final StackPane stackRegion;
    private final StackPane inspectorRegion;
    private final TopologyView topology;
    private final StackView stack;
    private final InspectorView inspector;
    private final LiveView live;
    private final ComparisonView comparison;
    private final Tab comparisonTab;
    private final TabPane lower;
    private final SplitPane workspace;
    private final SplitPane body;
    private final LessonPanelViewModel lessons;
    private final LessonPanelView lessonPanel;
    private final javafx.beans.property.BooleanProperty lessonsShown =
            new javafx.beans.property.SimpleBooleanProperty(false);
    private TabPane side;
    private final PlaybackBar playbackBar;
    private final MainMenu menu;
    private final EventListView eventList;

    public MainWindow(AppModels models, Stage stage) {
        this.models = models;
        SessionViewModel session = models.session();
        setId("mainWindow");
        menu = new MainMenu(models, stage);
        playbackBar = new PlaybackBar(models.playback(), session);
        setTop(new VBox(menu, playbackBar));
        topology = new TopologyView(models.topology(), Messages.bundle());
        stack = new StackView(models.stack(), Messages.bundle());
        inspector = new InspectorView(models.inspector(), Messages.bundle());
        for (var themed : java.util.List.of(topology.themeProperty(), stack.themeProperty(),
                inspector.themeProperty())) {
            themed.bind(models.appearance().themeProperty());
        }
        topologyRegion = region("topologyRegion", topology);
        stackRegion = region("stackRegion", stack);
        inspectorRegion = region("inspectorRegion", inspector);

        eventList = new EventListView(models.events(), session);
        ScrollPane composer = new ScrollPane(new EmitComposerView(models.emit()));
        composer.setFitToWidth(true);
        composer.setMinSize(0, 0);
        // upper half: the network and, beside it, the events and the composer; lower half, the whole width: the
        // stack and the inspector, which need it (two stacks side by side; a layer tree beside 16 bytes a row)
        comparison = new ComparisonView(models.comparison());
        comparison.themeProperty().bind(models.appearance().themeProperty());
        live = new LiveView(models.live(), this::compare);
        Tab liveTab = tab("liveTab", "live.tab", live);
        // libpcap is asked for its devices only when someone opens the tab: starting the window never waits for it
        liveTab.setOnSelectionChanged(e -> {
            if (liveTab.isSelected() && models.live().devices().isEmpty()) {
                models.live().loadDevices();
            }
        });
        side = tabs("sideTabs", tab("eventsTab", "app.tab.events", eventList),
                tab("emitTab", "app.tab.emit", composer), liveTab);
        SplitPane upper = new SplitPane(topologyRegion, side);
        upper.setDividerPositions(0.58);
        comparisonTab = tab("comparisonTab", "compare.tab", comparison);
        lower = tabs("lowerTabs", tab("stackTab", "app.tab.stack", stackRegion),
                tab("inspectorTab", "app.tab.inspector", inspectorRegion), comparisonTab);
        workspace = new SplitPane(upper, lower);
        workspace.setOrientation(Orientation.VERTICAL);
        workspace.setDividerPositions(0.52);

        workspace.visibleProperty().bind(session.runProperty().isNotNull());
        StackPane middle = new StackPane(workspace);
        lessons = new LessonPanelViewModel(models);
        lessonPanel = new LessonPanelView(lessons);
        body = new SplitPane(middle);
        installLessons(composer);
        if (session.run() == null) {
            // the welcome pane is needed only until the first scenario opens; then it leaves the scene for good
            WelcomePane welcome = new WelcomePane(session::openShipped, menu::openFile, () -> showLessons(true));
            welcome.setId("welcomePane");
            middle.getChildren().add(welcome);
            session.runProperty().addListener((o, was, run) -> middle.getChildren().remove(welcome));
        }
        setCenter(body);
        setBottom(statusBar(session));

        stage.titleProperty().bind(Bindings.createStringBinding(() -> session.scenario() == null
                ? Messages.get("app.title") : Messages.get("app.title.scenario", session.scenario().name()),
                session.scenarioProperty()));
    }

    /** The lesson panel on the left, a menu to show it, and the parts of the window steps point at. */
    private void installLessons(javafx.scene.Node composer) {
        javafx.scene.control.CheckMenuItem show = new javafx.scene.control.CheckMenuItem(
                Messages.get("lesson.menu.show"));
        show.setId("showLessons");
        show.selectedProperty().addListener((o, was, on) -> showLessons(on));
        lessonsShown.addListener((o, was, on) -> show.setSelected(on));
        javafx.scene.control.Menu m = new javafx.scene.control.Menu(Messages.get("lesson.menu"), null, show);
        menu.getMenus().add(menu.getMenus().size() - 1, m);
        lessons.openProperty().addListener((o, was, open) -> {
            if (open) {
                showLessons(true);
            }
        });
        java.util.Map<ScreenPart, javafx.scene.Node> targets = new java.util.EnumMap<>(ScreenPart.class);
        targets.put(ScreenPart.TOPOLOGY, topologyRegion);
        targets.put(ScreenPart.EVENT_LIST, eventList);
        targets.put(ScreenPart.TIME_CONTROLS, playbackBar);
        targets.put(ScreenPart.STACK, stackRegion);
        targets.put(ScreenPart.INSPECTOR_TREE, inspector.tree());
        targets.put(ScreenPart.HEX, inspector.hexPane());
        targets.put(ScreenPart.EMIT_COMPOSER, composer);
        targets.put(ScreenPart.SCENARIO_MENU, menu);
        targets.put(ScreenPart.LAYER_SWITCH, stack.getTop());
        targets.put(ScreenPart.LIVE_CAPTURE, live);
        java.util.Map<ScreenPart, Runnable> reveal = new java.util.EnumMap<>(ScreenPart.class);
        reveal.put(ScreenPart.EVENT_LIST, () -> selectTab("eventsTab"));
        reveal.put(ScreenPart.EMIT_COMPOSER, () -> selectTab("emitTab"));
        reveal.put(ScreenPart.STACK, () -> selectTab("stackTab"));
        reveal.put(ScreenPart.LAYER_SWITCH, () -> selectTab("stackTab"));
        reveal.put(ScreenPart.INSPECTOR_TREE, () -> selectTab("inspectorTab"));
        reveal.put(ScreenPart.HEX, () -> selectTab("inspectorTab"));
        reveal.put(ScreenPart.LIVE_CAPTURE, () -> selectTab("liveTab"));
        PointsAt.install(lessons.pointsAtProperty(), targets, reveal);
    }

    /** Shows or hides the lesson panel at the window's left. */
    public void showLessons(boolean on) {
        if (on && !body.getItems().contains(lessonPanel)) {
            body.getItems().add(0, lessonPanel);
            body.setDividerPositions(0.27);
        } else if (!on) {
            body.getItems().remove(lessonPanel);
        }
        lessonsShown.set(on);
    }

    public LessonPanelViewModel lessons() {
        return lessons;
    }

    private void selectTab(String id) {
        for (TabPane p : java.util.List.of(side, lower)) {
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
        models.appearance().projectorProperty().addListener((o, was, on) -> eventList.setEm(em(on)));
        eventList.setEm(em(models.appearance().projectorProperty().get()));
        KeyboardShortcuts.install(scene, models.playback(), models.emit()::send);
    }

    /** Pixels per em: the default font, larger in projector mode by the factor projector.css uses. */
    private static double em(boolean projector) {
        return Font.getDefault().getSize() * (projector ? Appearance.PROJECTOR_SCALE : 1);
    }

    public TopologyView topology() {
        return topology;
    }

    public StackView stack() {
        return stack;
    }

    public InspectorView inspector() {
        return inspector;
    }

    /**
     * Sets a captured event beside its simulated twin and shows the comparison; the twin is simulated off the
     * window's thread, and a message that cannot be compared says why in the comparison's summary.
     */
    public java.util.concurrent.CompletableFuture<Boolean> compare(org.netsim.capture.decode.CaptureMessage m) {
        lower.getSelectionModel().select(comparisonTab);
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
        return eventList;
    }

    /** Stops the playback timer, the live capture and the built-in peer; the window calls it when it closes. */
    public void dispose() {
        playbackBar.stop();
        live.dispose();
        models.live().dispose();
    }

    private static HBox statusBar(SessionViewModel session) {
        Label message = new Label();
        message.setId("statusMessage");
        message.textProperty().bind(session.messageProperty());
        message.setMinWidth(0);
        Tooltip full = new Tooltip();
        full.textProperty().bind(session.messageProperty());
        message.setTooltip(full);
        session.messageIsErrorProperty().addListener((o, was, error) -> {
            message.getStyleClass().remove("ns-error");
            if (error) {
                message.getStyleClass().add("ns-error");
            }
        });
        Label scenario = new Label();
        scenario.setId("statusScenario");
        scenario.setMinWidth(Region.USE_PREF_SIZE);
        scenario.textProperty().bind(Bindings.createStringBinding(() -> session.scenario() == null
                || session.run() == null ? "" : Messages.get("app.status.scenario", session.scenario().name(), session.scenario().seed(),
                session.run().timeline().size()), session.scenarioProperty(), session.runProperty()));
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(message, scenario);
        bar.getStyleClass().add("ns-status-bar");
        return bar;
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(Messages.get(key), content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    private static TabPane tabs(String id, Tab... tabs) {
        TabPane p = new TabPane(tabs);
        p.setId(id);
        p.setMinSize(0, 0);
        return p;
    }

    private static StackPane region(String id, Node view) {
        StackPane p = new StackPane(view);
        p.setId(id);
        p.setMinSize(0, 0);
        return p;
    }
}
