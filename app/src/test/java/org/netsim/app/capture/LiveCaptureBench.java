package org.netsim.app.capture;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.netsim.app.gui.live.LiveViewModel;
import org.netsim.capture.file.CapturedFrame;

/**
 * The live capture rate on loopback: a TCP sender on 127.0.0.1 writes small segments (Nagle off) as fast as it can,
 * or at a set rate, for some seconds, while netsim captures them. By default a consumer drains the capture's buffer
 * the way the live screen does (a batch every 100 ms); with {@code screen} the live screen's own model does it all
 * (its decoding thread decodes and spools every frame to the pcap that "Save" saves, and hands the messages to a
 * window nobody looks at), so the rate is the screen's. Prints frames per second and the kernel's and netsim's
 * drops. Needs capture rights:
 * {@code java -cp <app test class path> org.netsim.app.capture.LiveCaptureBench [seconds] [writes/s, 0 = max]
 * [screen]}
 */
public final class LiveCaptureBench {
    private LiveCaptureBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        long rate = args.length > 1 ? Long.parseLong(args[1]) : 0;
        boolean screen = args.length > 2 && args[2].equals("screen");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            String how = rate == 0 ? "as fast as possible" : rate + "/s asked";
            if (screen) {
                LiveViewModel model = new LiveViewModel(r -> { });
                try {
                    model.deviceProperty().set("lo");
                    model.filterProperty().set("tcp port " + port);
                    if (!model.start()) {
                        throw new IllegalStateException(model.problemProperty().get());
                    }
                    long writes = send(server, port, seconds, rate);
                    Thread.sleep(500);
                    model.stop();
                    System.out.printf("%d writes of 100 bytes in %.1f s (%s), through the live screen: %s%n", writes,
                            seconds, how, model.countersProperty().get());
                } finally {
                    model.dispose();
                }
                return;
            }
            LiveCapture capture = LiveCapture.start("lo", "tcp port " + port, 100_000);
            try {
                long[] drained = {0};
                Thread consumer = new Thread(() -> {
                    List<CapturedFrame> batch = new ArrayList<>();
                    while (!Thread.currentThread().isInterrupted()) {
                        batch.clear();
                        drained[0] += capture.drainTo(batch, 100_000);
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                consumer.setDaemon(true);
                consumer.start();
                long writes = send(server, port, seconds, rate);
                Thread.sleep(500);
                capture.stop();
                consumer.interrupt();
                consumer.join();
                LiveCapture.Counters c = capture.counters();
                System.out.printf("%d writes of 100 bytes in %.1f s (%s); captured %d frames = %.0f frames/s; dropped "
                                + "by the kernel %d, by netsim's buffer %d; drained by the consumer %d%n", writes,
                        seconds, how, c.captured(), c.captured() / seconds, c.kernelDropped(), c.bufferDropped(),
                        drained[0]);
            } finally {
                capture.stop();
            }
        }
    }

    /** Writes 100-byte segments to {@code server} for {@code seconds}; returns how many. */
    private static long send(ServerSocket server, int port, double seconds, long rate) throws Exception {
        long writes = 0;
        Thread reader;
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket accepted = server.accept()) {
            client.setTcpNoDelay(true);
            accepted.setTcpNoDelay(true);
            reader = new Thread(() -> {
                byte[] buf = new byte[1 << 16];
                try (InputStream in = accepted.getInputStream()) {
                    while (in.read(buf) >= 0) {
                        // discard
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
            OutputStream out = client.getOutputStream();
            byte[] chunk = new byte[100];
            long t0 = System.nanoTime();
            long end = t0 + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                out.write(chunk);
                writes++;
                if (rate > 0) {
                    // paced by sleeping, not spinning: on two cores a spinning sender starves the capture
                    long due = t0 + writes * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000L) {
                        Thread.sleep(wait / 1_000_000L);
                    }
                }
            }
        }
        reader.join(5_000);
        return writes;
    }
}
