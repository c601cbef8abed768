package org.netsim.app.gui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The window with a real capture compared, for the README's screenshot under Xvfb (needs capture rights): starts the
 * built-in peer and a capture on lo, sends one emit, and compares it with its twin; or opens a capture file and
 * compares one of its events (no capture rights needed); {@code live} leaves the live tab in front, uncompared.
 * {@code ComparisonScreenshotMain [dark] [open=FILE.pcap event=NAME] [live]}
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
            var args = getParameters().getRaw();
            String open = args.stream().filter(a -> a.startsWith("open=")).map(a -> a.substring(5)).findFirst()
                    .orElse(null);
            String event = args.stream().filter(a -> a.startsWith("event=")).map(a -> a.substring(6)).findFirst()
                    .orElse(null);
            if (open == null) {
                live.loadDevices();
                live.deviceProperty().set("lo");
                live.startPeer();
                live.start();
                live.sendEmit("chat", "[\"hi\"]");
            } else {
                live.openCapture(java.nio.file.Path.of(open), java.util.concurrent.ForkJoinPool.commonPool());
            }
            new Thread(() -> {
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    return;
                }
                Platform.runLater(() -> {
                    live.stop();
                    live.poll();
                    scene.getRoot().lookupAll(".tab-pane").forEach(p -> ((javafx.scene.control.TabPane) p)
                            .getTabs().stream().filter(t -> "liveTab".equals(t.getId())).findFirst()
                            .ifPresent(t -> ((javafx.scene.control.TabPane) p).getSelectionModel().select(t)));
                    if (args.contains("live")) {
                        return;
                    }
                    var m = live.messages().stream().filter(x -> x.event() != null
                            && (event == null || event.equals(x.event()))).findFirst().orElseThrow();
                    window.compare(m);
                });
            }).start();
        }
    }
}
