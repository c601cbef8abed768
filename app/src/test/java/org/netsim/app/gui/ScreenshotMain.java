package org.netsim.app.gui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.app.gui.theme.Theme;

/**
 * Opens the window on a scenario with an event selected, for screenshots under Xvfb:
 * {@code ScreenshotMain <scenario.yaml> <event index> [light|dark] [projector] [inspector] [emit]} (the last two bring
 * the inspector and the composer tabs to the front).
 */
public final class ScreenshotMain {
    private ScreenshotMain() {
    }

    /** The window at 1280×800 in the look the arguments ask for ({@code dark}, {@code projector}), shown. */
    static MainWindow show(Stage stage, AppModels models, java.util.List<String> args) {
        models.appearance().themeProperty().set(args.contains("dark") ? Theme.DARK : Theme.LIGHT);
        models.appearance().projectorProperty().set(args.contains("projector"));
        MainWindow window = new MainWindow(models, stage);
        Scene scene = new Scene(window, 1280, 800);
        window.attach(scene);
        stage.setScene(scene);
        stage.show();
        return window;
    }

    /** A plain main class: JavaFX refuses to start an {@code Application} main class from the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window with the scenario, selection and look given on the command line. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            var args = getParameters().getRaw();
            AppModels models = AppModels.create();
            models.session().openShipped(args.get(0));
            models.session().select(Integer.parseInt(args.get(1)));
            Scene scene = show(stage, models, args).getScene();
            for (String tab : new String[] {"inspector", "emit", "live"}) {
                if (args.contains(tab)) {
                    scene.getRoot().lookupAll(".tab-pane").forEach(p -> {
                        var pane = (javafx.scene.control.TabPane) p;
                        pane.getTabs().stream().filter(t -> (tab + "Tab").equals(t.getId())).findFirst()
                                .ifPresent(t -> pane.getSelectionModel().select(t));
                    });
                }
            }
        }
    }
}
