package org.netsim.app.gui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.netsim.app.gui.emit.EmitComposerView;
import org.netsim.app.gui.events.EventListView;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.app.gui.theme.Appearance;
import org.netsim.app.gui.time.PlaybackBar;

/**
 * The classroom window: menu and time controls on top; the stack view on the left; the topology in the centre with
 * the event list below it; the emit composer above the inspector on the right; a status line at the bottom. Until a
 * scenario is loaded the centre shows the welcome pane.
 *
 * <p>The topology, stack and inspector are built in their own packages; until they are plugged in with
 * {@link #setTopology}, {@link #setStack} and {@link #setInspector}, labelled placeholders hold their places
 * (ids {@code topologyRegion}, {@code stackRegion}, {@code inspectorRegion}).
 */
public final class MainWindow extends BorderPane {
    private final AppModels models;
    private final StackPane topologyRegion = placeholder("topologyRegion", "app.region.topology");
    private final StackPane stackRegion = placeholder("stackRegion", "app.region.stack");
    private final StackPane inspectorRegion = placeholder("inspectorRegion", "app.region.inspector");
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

        eventList = new EventListView(models.events(), session);
        SplitPane centre = new SplitPane(topologyRegion, eventList);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.55);
        ScrollPane composer = new ScrollPane(new EmitComposerView(models.emit()));
        composer.setFitToWidth(true);
        composer.setMinSize(0, 0);
        SplitPane right = new SplitPane(composer, inspectorRegion);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        SplitPane workspace = new SplitPane(stackRegion, centre, right);
        workspace.setDividerPositions(0.17, 0.68);
        SplitPane.setResizableWithParent(stackRegion, false);
        SplitPane.setResizableWithParent(right, false);

        workspace.visibleProperty().bind(session.runProperty().isNotNull());
        StackPane middle = new StackPane(workspace);
        if (session.run() == null) {
            // the welcome pane is needed only until the first scenario opens; then it leaves the scene for good
            WelcomePane welcome = new WelcomePane(session::openShipped, menu::openFile);
            welcome.setId("welcomePane");
            middle.getChildren().add(welcome);
            session.runProperty().addListener((o, was, run) -> middle.getChildren().remove(welcome));
        }
        setCenter(middle);
        setBottom(statusBar(session));

        stage.titleProperty().bind(Bindings.createStringBinding(() -> session.scenario() == null
                ? Messages.get("app.title") : Messages.get("app.title.scenario", session.scenario().name()),
                session.scenarioProperty()));
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

    public void setTopology(Node view) {
        topologyRegion.getChildren().setAll(view);
    }

    public void setStack(Node view) {
        stackRegion.getChildren().setAll(view);
    }

    public void setInspector(Node view) {
        inspectorRegion.getChildren().setAll(view);
    }

    /** File, Export pcap without the file chooser: one capture point to a file, or every point into a folder. */
    public void exportPcap(java.nio.file.Path target, String point) {
        menu.export(target, point);
    }

    public EventListView eventList() {
        return eventList;
    }

    /** Stops the playback timer; the window calls it when it closes. */
    public void dispose() {
        playbackBar.stop();
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

    private static StackPane placeholder(String id, String key) {
        Label label = new Label(Messages.get(key));
        label.setWrapText(true);
        StackPane p = new StackPane(label);
        p.setId(id);
        p.getStyleClass().add("ns-placeholder");
        p.setMinSize(0, 0);
        return p;
    }
}
