package org.netsim.app.gui;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.app.gui.theme.Theme;

/**
 * The classroom window.
 *
 * <p>System properties, for screenshots, classroom set-ups and the launch benchmark:
 * {@code -Dnetsim.scenario=one-client.yaml} opens a shipped scenario at once, {@code -Dnetsim.theme=dark} starts in
 * the dark theme, {@code -Dnetsim.projector=true} in projector mode, and {@code -Dnetsim.measureStartup=true} loads
 * one-client.yaml (unless another scenario is named), prints the time from the JVM's start to the first pulse after
 * the window is shown, and exits.
 */
public final class NetsimApplication extends Application {
    private MainWindow window;

    @Override
    public void start(Stage stage) {
        boolean measure = Boolean.getBoolean("netsim.measureStartup");
        AppModels models = AppModels.create();
        if ("dark".equalsIgnoreCase(System.getProperty("netsim.theme"))) {
            models.appearance().themeProperty().set(Theme.DARK);
        }
        models.appearance().projectorProperty().set(Boolean.getBoolean("netsim.projector"));
        String scenario = System.getProperty("netsim.scenario", measure ? "one-client.yaml" : null);
        if (scenario != null) {
            models.session().openShipped(scenario);
        }
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
                    System.out.println(Messages.get("app.startup", ms, models.session().scenario() == null ? "-"
                            : models.session().scenario().name()));
                    Platform.exit();
                }
            });
        }
        stage.show();
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
