package org.netsim.app.gui.topology;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.netsim.app.gui.AppModels;
import org.netsim.app.gui.MainWindow;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.ScenarioRun;

/**
 * The figure: the frame rate with 500 frames in flight, counted with the JavaFX pulse, in the whole main
 * window (menu, time controls, event list, stack view, inspector: the real scene graph at 1280x800). A real run: 500
 * clients on one switch emit at the same instant, so for a few microseconds of virtual time 500 frames are on 500
 * cables at once. Each pulse moves the session's time within that window as playback does (every frame moves, the
 * topology's view model re-queries its index, the frames' canvas is drawn again) while the selected event stays, and
 * an {@link AnimationTimer} counts the pulses for {@code seconds} (default 10) after a warm-up of 2 s.
 *
 * <p>Prints the frames per second and the pulse statistics: the interval between pulses (mean, median, 95th
 * percentile, worst, how many were late, over 20 ms), and the application thread's work per pulse from the animation
 * to the end of layout (moving the time, drawing the frames, CSS, layout); the rendering itself follows on the render
 * thread. {@code xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -cp <test class path>
 * org.netsim.app.gui.topology.TopologyBenchmark [clients] [seconds] [idle]} ({@code idle}: the same window with
 * no frame in flight, the baseline).
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
        private static final double WARM_UP_SECONDS = 2;

        @Override
        public void start(Stage stage) {
            List<String> a = getParameters().getRaw();
            int n = a.isEmpty() ? 500 : Integer.parseInt(a.get(0));
            double seconds = a.size() > 1 ? Double.parseDouble(a.get(1)) : 10;
            long t0 = System.nanoTime();
            AppModels models = AppModels.create();
            if (!models.session().load(manyClients(n), "benchmark")) {
                throw new IllegalStateException(models.session().messageProperty().get());
            }
            ScenarioRun run = models.session().run();
            System.out.printf("run of %d clients: %d events in %.1f s%n", n, run.timeline().size(),
                    (System.nanoTime() - t0) / 1e9);
            TopologyViewModel vm = models.topology();
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
            // "idle": the same window and scene with no frame in flight (a second before the emit), for comparison
            boolean idle = a.size() > 2 && a.get(2).equals("idle");
            long from = idle ? emitAt - 1_000_000_000L : best;
            System.out.printf("at most %d frames in flight (at +%d ns after the emit)%n", most, best - emitAt);
            MainWindow main = new MainWindow(models, stage);
            Scene scene = new Scene(main, 1280, 800);
            main.attach(scene);
            stage.setScene(scene);
            stage.show();
            // one frame in flight selected, as a teacher would have it; it stays while the time moves
            int selected = vm.framesAt(best).get(0).event();
            models.session().showTime(from, selected);
            long[] workStart = {0};
            List<Long> work = new ArrayList<>();
            List<Long> intervals = new ArrayList<>();
            int[] inFlight = {0, Integer.MAX_VALUE};
            long[] topology = {0, 0};
            long[] cpu = {0, 0};
            scene.addPostLayoutPulseListener(() -> {
                if (workStart[0] != 0) {
                    work.add(System.nanoTime() - workStart[0]);
                    workStart[0] = 0;
                }
            });
            new AnimationTimer() {
                private long start = -1;
                private long last = -1;
                private long pulses;

                @Override
                public void handle(long now) {
                    if (start < 0) {
                        start = now;
                    }
                    boolean measuring = now - start >= WARM_UP_SECONDS * 1e9;
                    if (measuring && last >= 0) {
                        intervals.add(now - last);
                    }
                    last = now;
                    workStart[0] = measuring ? System.nanoTime() : 0;
                    if (measuring && topology[1] == 0) {
                        cpu[0] = cpu("QuantumRenderer");
                        cpu[1] = cpu("JavaFX Application Thread", "GtkNativeMainLoopThread");
                        main.topology().paintNanos = 0;
                        main.topology().placeNanos = 0;
                    }
                    long s0 = System.nanoTime();
                    models.session().showTime(from + (pulses++ * 37) % window, selected);
                    if (measuring) {
                        topology[0] += System.nanoTime() - s0;
                        topology[1]++;
                    }
                    if (measuring) {
                        inFlight[0] += vm.inFlight().size();
                        inFlight[1] = Math.min(inFlight[1], vm.inFlight().size());
                    }
                    if (now - start >= (WARM_UP_SECONDS + seconds) * 1e9) {
                        stop();
                        report(intervals, work, inFlight);
                        System.out.printf("CPU per pulse (not wall time, so less hit by a busy machine): render thread "
                                        + "%.2f ms, application thread %.2f ms%n",
                                (cpu("QuantumRenderer") - cpu[0]) / 1e6 / topology[1],
                                (cpu("JavaFX Application Thread", "GtkNativeMainLoopThread") - cpu[1]) / 1e6
                                        / topology[1]);
                        System.out.printf("topology per pulse: moving the time %.2f ms (view model, listeners), "
                                + "drawing the frames %.2f ms (placing them %.2f ms)%n",
                                topology[0] / 1e6 / topology[1],
                                main.topology().paintNanos / 1e6 / topology[1],
                                main.topology().placeNanos / 1e6 / topology[1]);
                        main.dispose();
                        Platform.exit();
                    }
                }
            }.start();
        }

        /** The CPU time of the first live thread whose name starts with one of {@code names}, in nanoseconds. */
        private static long cpu(String... names) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                for (String n : names) {
                    if (t.getName().startsWith(n)) {
                        return mx.getThreadCpuTime(t.getId());
                    }
                }
            }
            return 0;
        }

        private static void report(List<Long> intervals, List<Long> work, int[] inFlight) {
            long total = intervals.stream().mapToLong(Long::longValue).sum();
            int count = intervals.size();
            System.out.printf("%d pulses in %.1f s: %.1f fps; frames in flight per pulse: mean %.0f, min %d%n", count,
                    total / 1e9, count / (total / 1e9), (double) inFlight[0] / Math.max(1, count), inFlight[1]);
            System.out.printf("pulse interval: mean %.2f ms, median %.2f, p95 %.2f, worst %.2f; %d late (over 20 ms)%n",
                    total / 1e6 / Math.max(1, count), percentile(intervals, 0.5), percentile(intervals, 0.95),
                    percentile(intervals, 1), intervals.stream().filter(i -> i > 20_000_000L).count());
            System.out.printf("application thread per pulse (time, frames drawn, CSS, layout): mean %.2f ms, median "
                            + "%.2f, p95 %.2f, worst %.2f%n", work.stream().mapToLong(Long::longValue).sum() / 1e6
                            / Math.max(1, work.size()), percentile(work, 0.5), percentile(work, 0.95),
                    percentile(work, 1));
        }

        private static double percentile(List<Long> values, double p) {
            if (values.isEmpty()) {
                return 0;
            }
            List<Long> sorted = new ArrayList<>(values);
            java.util.Collections.sort(sorted);
            return sorted.get((int) Math.min(sorted.size() - 1, Math.round(p * (sorted.size() - 1)))) / 1e6;
        }
    }
}
