package org.netsim.app.gui.topology;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;

/**
 * The figure: the topology's frame rate with 500 frames in flight, counted with the JavaFX pulse. A real run:
 * 500 clients on one switch emit at the same instant, so for a few microseconds of virtual time 500 frames are on 500
 * cables at once. Each pulse moves the time within that window (every frame moves, the view model re-queries its
 * index and the canvas redraws), and an {@link AnimationTimer} counts pulses for {@code seconds} (default 10).
 *
 * <p>{@code xvfb-run -a -s "-screen 0 1280x800x24" java -cp <test class path> org.netsim.app.gui.topology.TopologyBenchmark [clients] [seconds]}
 */
public final class TopologyBenchmark {
    private TopologyBenchmark() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    static Scenario manyClients(int n) {
        List<Scenario.HostSpec> hosts = new ArrayList<>();
        List<Scenario.LinkSpec> links = new ArrayList<>();
        List<Scenario.ClientSpec> clients = new ArrayList<>();
        List<Scenario.Action> script = new ArrayList<>();
        hosts.add(new Scenario.HostSpec("server", "10.0.0.1/16", null, null, null));
        links.add(new Scenario.LinkSpec("s0", List.of("server", "switch"), null, null, null, null, null));
        var args = JsonNodeFactory.instance.arrayNode().add("hi");
        for (int i = 1; i <= n; i++) {
            String name = "h" + i;
            hosts.add(new Scenario.HostSpec(name, "10.0." + (i / 250 + 1) + "." + (i % 250 + 1) + "/16", null, null,
                    null));
            links.add(new Scenario.LinkSpec("l" + i, List.of(name, "switch"), null, null, null, null, null));
            clients.add(new Scenario.ClientSpec(name, List.of("websocket"), null, "1ms", null));
            script.add(new Scenario.Action("3s", name, "chat", args, null, null, null, null, null, null, null, null,
                    null, null));
        }
        return new Scenario("benchmark", "many clients emit at once", 7L, "3010ms", hosts,
                List.of(new Scenario.SwitchSpec("switch")), List.of(), links, List.of("server"),
                new Scenario.ServerSpec("server", null, null, null, null, null), clients, script);
    }

    /** The benchmark window. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            int n = a.isEmpty() ? 500 : Integer.parseInt(a.get(0));
            double seconds = a.size() > 1 ? Double.parseDouble(a.get(1)) : 10;
            long t0 = System.nanoTime();
            ScenarioRun run = ScenarioRunner.run(manyClients(n));
            System.out.printf("run of %d clients: %d events in %.1f s%n", n, run.timeline().size(),
                    (System.nanoTime() - t0) / 1e9);
            TopologyViewModel vm = new TopologyViewModel(ResourceBundle.getBundle("org.netsim.app.messages"));
            vm.setRun(run);
            // the instant the most frames are in flight, searched around the scripted emit
            long emitAt = run.network().startNanos() + 3_000_000_000L;
            long best = emitAt;
            int most = 0;
            for (long t = emitAt; t < emitAt + 20_000; t += 100) {
                int k = vm.framesAt(t).size();
                if (k > most) {
                    most = k;
                    best = t;
                }
            }
            long window = 1_000;
            long from = best;
            System.out.printf("at most %d frames in flight (at +%d ns after the emit)%n", most, best - emitAt);
            TopologyView view = new TopologyView(vm, ResourceBundle.getBundle("org.netsim.app.messages"));
            stage.setScene(new Scene(view, 1280, 800));
            stage.show();
            long[] frames = {0, 0, 0, Long.MAX_VALUE, 0};
            new AnimationTimer() {
                private long start = -1;

                @Override
                public void handle(long now) {
                    if (start < 0) {
                        start = now;
                        return;
                    }
                    long t = from + (frames[0] * 37) % window;
                    long s = System.nanoTime();
                    vm.setTime(t);
                    frames[1] += System.nanoTime() - s;
                    frames[2] += vm.inFlight().size();
                    frames[3] = Math.min(frames[3], vm.inFlight().size());
                    frames[0]++;
                    if (now - start >= seconds * 1e9) {
                        stop();
                        double fps = frames[0] / ((now - start) / 1e9);
                        System.out.printf("%d pulses in %.1f s: %.1f fps; frames in flight per pulse: mean %.0f, "
                                        + "min %d; view model update %.2f ms per pulse%n", frames[0],
                                (now - start) / 1e9, fps, (double) frames[2] / frames[0], frames[3],
                                frames[1] / 1e6 / frames[0]);
                        Platform.exit();
                    }
                }
            }.start();
        }
    }
}
