package org.netsim.app.gui;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.app.gui.session.ShippedScenario;
import org.netsim.app.gui.theme.Theme;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;

/**
 * The classroom window.
 *
 * <p>System properties, for screenshots, classroom set-ups and the launch benchmark:
 * {@code -Dnetsim.scenario=one-client.yaml} opens a shipped scenario at once, {@code -Dnetsim.theme=dark} starts in
 * the dark theme, {@code -Dnetsim.projector=true} in projector mode, and {@code -Dnetsim.measureStartup=true} loads
 * one-client.yaml (unless another scenario is named; {@code -Dnetsim.scenario=none} measures the first screen, as
 * {@code java -jar} opens it), prints the time from the JVM's start to the first pulse after the window is shown, and
 * exits.
 */
public final class NetsimApplication extends Application {
    /**
     * Work started before the JavaFX toolkit, so that reading the scenarios and running the first one overlap with
     * the toolkit's start. JavaFX constructs the application itself, so a static field is the only way to hand it
     * over; it is set once, by {@link #launchWindow}, before the toolkit starts.
     */
    private static final AtomicReference<CompletableFuture<ScenarioRun>> PRELOAD = new AtomicReference<>();

    private MainWindow window;

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every start of a
     * jar that carries it on the class path, which is how netsim.jar runs on any JDK (see {@code org.netsim.app.Main}):
     * a teacher starting it from a terminal should not read that as a fault. JavaFX's logger is quiet for the
     * toolkit's start only ({@link #start} lets its warnings through again: a theme's CSS problems must show), and
     * held here because the logging framework keeps loggers only weakly.
     */
    private static final java.util.logging.Logger JAVAFX_STARTUP =
            java.util.logging.Logger.getLogger("javafx");

    /** Starts reading the shipped scenarios (and running the one to open) in the background, then the window. */
    public static void launchWindow() {
        JAVAFX_STARTUP.setLevel(java.util.logging.Level.SEVERE);
        String name = scenarioToOpen();
        PRELOAD.set(CompletableFuture.supplyAsync(() -> {
            ShippedScenario.all();
            return name == null ? null : ScenarioRunner.run(ScenarioFile.builtIn(name));
        }));
        Application.launch(NetsimApplication.class);
    }

    private static String scenarioToOpen() {
        String name = System.getProperty("netsim.scenario", Boolean.getBoolean("netsim.measureStartup")
                ? ShippedScenario.FIRST : null);
        return "none".equals(name) ? null : name;
    }

    @Override
    public void start(Stage stage) {
        JAVAFX_STARTUP.setLevel(null);
        boolean measure = Boolean.getBoolean("netsim.measureStartup");
        AppModels models = AppModels.create();
        if ("dark".equalsIgnoreCase(System.getProperty("netsim.theme"))) {
            models.appearance().themeProperty().set(Theme.DARK);
        }
        models.appearance().projectorProperty().set(Boolean.getBoolean("netsim.projector"));
        openAtStart(models);
        window = new MainWindow(models, stage);
        Scene scene = new Scene(window, 1280, 800);
        window.attach(scene);
        stage.setScene(scene);
        stage.setOnHidden(e -> window.dispose());
        if (measure) {
            scene.addPostLayoutPulseListener(new Runnable() {
                @Override
                public void run() {
                    scene.removePostLayoutPulseListener(this);
                    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                    var opened = models.session().scenario();
                    System.out.println(Messages.get("app.startup", ms, opened == null
                            ? Messages.get("app.startup.none") : opened.name()));
                    Platform.exit();
                }
            });
        }
        stage.show();
    }

    /** Opens the scenario named by {@code netsim.scenario}, taking the run made in the background if there is one. */
    private static void openAtStart(AppModels models) {
        String name = scenarioToOpen();
        CompletableFuture<ScenarioRun> preloaded = PRELOAD.getAndSet(null);
        if (name == null) {
            return;
        }
        if (preloaded != null) {
            try {
                models.session().show(preloaded.join(), name);
                return;
            } catch (CompletionException e) {
                // not a usable run: open it the ordinary way, which reports the problem
            }
        }
        models.session().openShipped(name);
    }

    /** The window, once {@link #start} ran (for tests and for plugging in the other views). */
    public MainWindow window() {
        return window;
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
