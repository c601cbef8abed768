package org.netsim.app.gui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.netsim.app.PseudoText;
import org.netsim.app.gui.theme.Theme;

/**
 * Screenshots of the window without a display: JavaFX's headless Monocle platform renders each screen in software,
 * the scene is snapshotted and written as PNG, and {@link LayoutCheck}'s findings for it are printed. For looking at
 * the screens while working on them ({@code WindowShots OUTDIR [name-filter]}); the README's screenshots are taken
 * from the running app under Xvfb.
 */
public final class WindowShots {
    /** One screen: its look and what is selected and in front. */
    record Shot(String name, int width, int height, Theme theme, boolean projector, boolean pseudo, String scenario,
                int event, List<String> tabs, Consumer<AppModels> then, String dialog) {
        Shot(String name, int width, int height, Theme theme, boolean projector, boolean pseudo, String scenario,
             int event, List<String> tabs, Consumer<AppModels> then) {
            this(name, width, height, theme, projector, pseudo, scenario, event, tabs, then, null);
        }
    }

    static final List<Shot> ALL = List.of(
            new Shot("welcome-light", 1280, 800, Theme.LIGHT, false, false, null, -1, List.of(), w -> { }),
            new Shot("main-light", 1280, 800, Theme.LIGHT, false, false, "one-client.yaml", 40, List.of(), w -> { }),
            new Shot("inspector-dark", 1280, 800, Theme.DARK, false, false, "broadcast-three-clients.yaml", 60,
                    List.of("inspector"), w -> { }),
            new Shot("emit-dark", 1280, 800, Theme.DARK, false, false, "rooms.yaml", 30, List.of("emit"), w -> { }),
            new Shot("projector-1280", 1280, 800, Theme.LIGHT, true, false, "one-client.yaml", 40, List.of(), w -> { }),
            new Shot("projector-1024", 1024, 768, Theme.LIGHT, true, false, "one-client.yaml", 40, List.of(), w -> { }),
            new Shot("projector-inspector-1024", 1024, 768, Theme.DARK, true, false, "one-client.yaml", 40,
                    List.of("inspector", "emit"), w -> { }),
            new Shot("pseudo-welcome", 1280, 800, Theme.LIGHT, false, true, null, -1, List.of(), w -> { }),
            new Shot("pseudo-main", 1280, 800, Theme.LIGHT, false, true, "one-client.yaml", 40, List.of(), w -> { }),
            new Shot("pseudo-inspector-emit", 1280, 800, Theme.LIGHT, false, true, "one-client.yaml", 40,
                    List.of("inspector", "emit"), w -> { }),
            new Shot("stack-switch-light", 1280, 800, Theme.LIGHT, false, false, "one-client.yaml", 40, List.of(),
                    m -> m.session().selectedDeviceProperty().set("switch")),
            new Shot("stack-router-dark", 1280, 800, Theme.DARK, false, false, "router-two-subnets.yaml", 64,
                    List.of(), m -> m.session().selectedDeviceProperty().set("router")),
            new Shot("stack-router-projector-1024", 1024, 768, Theme.LIGHT, true, false, "router-two-subnets.yaml", 64,
                    List.of(), m -> m.session().selectedDeviceProperty().set("router")),
            new Shot("inspector-detail-light", 1280, 800, Theme.LIGHT, false, false, "one-client.yaml", 40,
                    List.of("inspector", "emit"), m -> m.inspector().selectField("ip.ttl")),
            new Shot("emit-bad-json-light", 1280, 800, Theme.LIGHT, false, false, "one-client.yaml", 400,
                    List.of("emit"), m -> m.emit().argsProperty().set("[\"hi\", ")),
            new Shot("inspector-reassembled-light", 1280, 800, Theme.LIGHT, false, false, "slow-reader.yaml", 0,
                    List.of("inspector", "emit"), m -> {
                        var events = m.session().runProperty().get().timeline().events();
                        events.stream().filter(e -> e.wholePdu() != null && org.netsim.pdu.DataSources.of(
                                e.wholePdu(), org.netsim.app.gui.inspector.EventBytes.of(e)).size() > 1)
                                .findFirst().ifPresent(e -> m.session().select(e.index()));
                        m.inspector().selectField("socketio.data");
                    }),
            new Shot("pseudo-stack-switch", 1280, 800, Theme.LIGHT, false, true, "one-client.yaml", 40, List.of(),
                    m -> m.session().selectedDeviceProperty().set("switch")),
            new Shot("dialog-link-dark-projector", 1280, 800, Theme.DARK, true, false, "one-client.yaml", 40,
                    List.of(), m -> { }, "link"),
            new Shot("dialog-link-pseudo", 1280, 800, Theme.LIGHT, false, true, "one-client.yaml", 40,
                    List.of(), m -> { }, "link-bad"),
            new Shot("dialog-keys-projector", 1280, 800, Theme.LIGHT, true, false, "one-client.yaml", 40,
                    List.of(), m -> { }, "keys"),
            new Shot("dialog-about-dark", 1280, 800, Theme.DARK, false, false, null, -1, List.of(), m -> { }, "about"));

    private static final java.util.Map<Stage, javafx.scene.control.Dialog<?>> dialogs = new java.util.HashMap<>();

    private WindowShots() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/gui-shots");
        String filter = args.length > 1 ? args[1] : "";
        Files.createDirectories(dir);
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.join();
        Platform.setImplicitExit(false); // each screen's stage closes before the next opens
        for (Shot s : ALL) {
            if (s.name().contains(filter)) {
                take(s, dir);
            }
        }
        Platform.exit();
    }

    static void take(Shot s, Path dir) throws Exception {
        Messages.useLocale(s.pseudo() ? PseudoText.LOCALE : Locale.getDefault());
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                AppModels models = AppModels.create();
                models.appearance().themeProperty().set(s.theme());
                models.appearance().projectorProperty().set(s.projector());
                if (s.scenario() != null) {
                    models.session().openShipped(s.scenario());
                    models.session().select(s.event());
                }
                Stage stage = new Stage();
                MainWindow window = new MainWindow(models, stage);
                Scene scene = new Scene(window, s.width(), s.height());
                window.attach(scene);
                stage.setScene(scene);
                window.stack().reduceMotionProperty().set(true);
                window.stack().jumpToEnd();
                stage.show();
                for (String tab : s.tabs()) {
                    scene.getRoot().lookupAll(".tab-pane").forEach(p -> ((TabPane) p).getTabs().stream()
                            .filter(t -> (tab + "Tab").equals(t.getId())).findFirst()
                            .ifPresent(t -> ((TabPane) p).getSelectionModel().select(t)));
                }
                s.then().accept(models);
                if (s.dialog() != null) {
                    javafx.scene.control.Dialog<?> d = switch (s.dialog()) {
                        case "keys" -> KeyboardShortcuts.dialog();
                        case "about" -> Dialogs.about();
                        default -> {
                            var link = new org.netsim.app.gui.session.LinkSettingsDialog(models.session());
                            if (s.dialog().equals("link-bad")) {
                                link.model().lossProperty().set("0,5");
                                link.model().mtuProperty().set("90000");
                            }
                            yield link;
                        }
                    };
                    Dialogs.themed(d, stage, models.appearance()).show();
                    dialogs.put(stage, d);
                }
                shown.complete(stage);
            } catch (RuntimeException e) {
                shown.completeExceptionally(e);
            }
        });
        Stage stage = shown.get();
        Thread.sleep(1200);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                Scene scene = stage.getScene();
                javafx.scene.control.Dialog<?> d = dialogs.remove(stage);
                Scene shot = d == null ? scene : d.getDialogPane().getScene();
                save(shot.snapshot(null), dir.resolve(s.name() + ".png"));
                List<String> problems = LayoutCheck.problems(shot.getRoot(), java.util.Set.of("topologyRegion"));
                if (d != null) {
                    d.getDialogPane().getScene().getWindow().hide();
                }
                System.out.println("== " + s.name() + ": " + problems.size() + " layout problems");
                problems.forEach(p -> System.out.println("   " + p));
                ((MainWindow) scene.getRoot()).dispose();
                stage.hide();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get();
    }

    /** Writes a JavaFX image as PNG through ImageIO (javafx.swing's converter is not a dependency). */
    static void save(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(out, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
