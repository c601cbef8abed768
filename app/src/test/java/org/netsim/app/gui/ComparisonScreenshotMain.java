package org.netsim.app.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window with a real capture compared, for the README's screenshot under Xvfb (needs capture rights): starts the
 * built-in peer and a capture on lo, sends one emit, and compares it with its twin.
 * {@code ComparisonScreenshotMain [dark]}
 */
public final class ComparisonScreenshotMain {
    private ComparisonScreenshotMain() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            AppModels models = AppModels.create();
            models.session().openShipped("one-client.yaml");
            MainWindow window = ScreenshotMain.show(stage, models, getParameters().getRaw());
            Scene scene = window.getScene();
            var live = models.live();
            live.loadDevices();
            live.deviceProperty().set("lo");
            live.startPeer();
            live.start();
            live.sendEmit("chat", "[\"hi\"]");
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    live.stop();
                    scene.getRoot().lookupAll(".tab-pane").forEach(p -> ((javafx.scene.control.TabPane) p)
                            .getTabs().stream().filter(t -> "liveTab".equals(t.getId())).findFirst()
                            .ifPresent(t -> ((javafx.scene.control.TabPane) p).getSelectionModel().select(t)));
                    var m = live.messages().stream().filter(x -> "EVENT".equals(x.type())).findFirst().orElseThrow();
                    window.compare(m);
                });
            }).start();
        }
    }
}
