package org.netsim.app.gui.topology;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.MainWindow;
import org.netsim.app.gui.Scenarios;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The main window at 1280x800 in the looks a teacher uses (one client, three clients, rooms, a router, the lesson
 * panel open, projector mode, dark theme, twelve clients), each with a frame in flight, saved as PNGs to look at:
 * {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -cp <test class path>
 * org.netsim.app.gui.topology.TopologyShots [folder]} (default /tmp/topo-shots).
 */
public final class TopologyShots {
    private TopologyShots() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** One picture: a name, a scenario, where in it, the look. */
    record Shot(String name, String scenario, String node, String carrying, double progress, boolean dark,
                boolean projector, boolean lesson, int extraClients) {
    }

    static final List<Shot> SHOTS = List.of(
            new Shot("one-client", "one-client.yaml", "alice", "\"chat\"", 0.5, false, false, false, 0),
            new Shot("three-clients", "broadcast-three-clients.yaml", "switch", "\"news\"", 0.4, false, false, false,
                    0),
            new Shot("rooms-dark", "rooms.yaml", "server", "", 0.5, true, false, false, 0),
            new Shot("router", "router-two-subnets.yaml", "router", "", 0.5, false, false, false, 0),
            new Shot("lesson-panel", "broadcast-three-clients.yaml", "switch", "\"news\"", 0.4, false, false, true, 0),
            new Shot("projector", "broadcast-three-clients.yaml", "switch", "\"news\"", 0.4, false, true, false, 0),
            new Shot("projector-lesson", "broadcast-three-clients.yaml", "switch", "\"news\"", 0.4, false, true, true,
                    0),
            new Shot("projector-dark-router", "router-two-subnets.yaml", "router", "", 0.5, true, true, false, 0),
            new Shot("twelve-clients", "broadcast-three-clients.yaml", "switch", "\"news\"", 0.4, false, false, false,
                    9),
            new Shot("small-mtu", "small-mtu.yaml", "r1", "", 0.5, false, false, false, 0));

    /** The window, shot after shot. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            List<String> a = getParameters().getRaw();
            Path out = Path.of(a.isEmpty() ? "/tmp/topo-shots" : a.get(0));
            Files.createDirectories(out);
            Deque<Shot> todo = new ArrayDeque<>(SHOTS);
            next(stage, todo, out);
        }

        private void next(Stage stage, Deque<Shot> todo, Path out) {
            if (todo.isEmpty()) {
                Platform.exit();
                return;
            }
            Shot s = todo.removeFirst();
            AppModels models = AppModels.create();
            models.appearance().themeProperty().set(s.dark() ? Theme.DARK : Theme.LIGHT);
            models.appearance().projectorProperty().set(s.projector());
            MainWindow window = new MainWindow(models, stage);
            Scene scene = new Scene(window, 1280, 800);
            window.attach(scene);
            stage.setScene(scene);
            stage.show();
            if (s.lesson()) {
                // the lesson opens its own scenario; the shot's scenario is opened after it
                window.lessons().open(window.lessons().lessons().get(0));
            }
            models.session().openShipped(s.scenario());
            for (int i = 0; i < s.extraClients(); i++) {
                models.session().addClient();
            }
            ScenarioRun run = models.session().run();
            TimelineEvent e = wire(run, s.node(), s.carrying());
            Unit.Hop hop = (Unit.Hop) e.unit();
            long t = e.timeNanos() + (long) ((hop.arrivalNanos() - e.timeNanos()) * s.progress());
            models.session().showTime(t, e.index());
            after(900, () -> {
                save(scene, out.resolve(s.name() + ".png"));
                TopologyView v = window.topology();
                Drawing d = v.drawing();
                System.out.printf("%s: topology %.0fx%.0f, drawing at %.1f px (font %.1f), complete %s, %d frames,"
                                + " %d with callouts%n", s.name(), v.getWidth(), v.getHeight(), d.scale(),
                        v.fontSize(), d.complete(), v.placed().size(),
                        v.placed().stream().filter(p -> p.callout() != null).count());
                window.dispose();
                next(stage, todo, out);
            });
        }

        /** The first wire event leaving {@code node} whose Socket.IO packet says {@code carrying} ("": any frame). */
        private static TimelineEvent wire(ScenarioRun run, String node, String carrying) {
            if (!carrying.isEmpty()) {
                return Scenarios.socketIo(run, node, Direction.WIRE, Protocol.PHYSICAL, carrying);
            }
            for (TimelineEvent e : run.timeline().query().node(node).direction(Direction.WIRE).list()) {
                if (e.wholePdu().find(Protocol.SOCKETIO).isPresent()) {
                    return e;
                }
            }
            throw new AssertionError("no Socket.IO frame from " + node);
        }

        private static void after(double millis, Runnable r) {
            PauseTransition p = new PauseTransition(Duration.millis(millis));
            p.setOnFinished(x -> r.run());
            p.play();
        }
    }

    static void save(Scene scene, Path file) {
        WritableImage img = scene.snapshot(null);
        write(img, file);
    }

    static void write(WritableImage img, Path file) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage b = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                b.setRGB(x, y, r.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(b, "png", file.toFile());
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

}
