package org.netsim.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.netsim.scenario.ScenarioRun;
import org.netsim.scenario.ScenarioRunner;

/**
 * Writes the capture the decode benchmark reads: the classroom scenario ({@link ClassroomBench}: 100 clients on
 * WebSocket, {@code io.emit("news", "slide changed")} every 10 ms) as the server's network card sees it, cut to exactly
 * 1,000,000 frames (TCP handshakes, HTTP upgrades, Engine.IO opens, Socket.IO connects, then broadcast frames and the
 * clients' ACKs). The same arguments give the same bytes.
 *
 * <pre>mvn -q -pl simulator test-compile exec:exec -Dbench.main=org.netsim.bench.DecodeBenchCapture -Dbench=FILE</pre>
 * (arguments: file, frames (1000000), clients (100))
 */
public final class DecodeBenchCapture {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "classroom-1M.pcap");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        // enough broadcasts for the frames asked (each gives a frame per client and some ACKs), then cut
        int broadcasts = frames / clients + 100;
        ScenarioRun run = ScenarioRunner.run(ClassroomBench.classroom(clients, broadcasts));
        List<ScenarioRun.CapturedFrame> captured = run.capture("server");
        if (captured.size() < frames) {
            throw new IllegalStateException("the scenario gave only " + captured.size() + " frames");
        }
        long bytes = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            // pcap file header (draft-ietf-opsawg-pcap §4): little-endian, microseconds, snaplen 262144, Ethernet
            byte[] h = new byte[24];
            le32(h, 0, 0xa1b2c3d4);
            le16(h, 4, 2);
            le16(h, 6, 4);
            le32(h, 16, 262_144);
            le32(h, 20, 1);
            out.write(h);
            byte[] rec = new byte[16];
            for (int i = 0; i < frames; i++) {
                ScenarioRun.CapturedFrame f = captured.get(i);
                byte[] data = f.bytes();
                long micros = f.timeNanos() / 1000;
                le32(rec, 0, (int) (micros / 1_000_000));
                le32(rec, 4, (int) (micros % 1_000_000));
                le32(rec, 8, data.length);
                le32(rec, 12, data.length);
                out.write(rec);
                out.write(data);
                bytes += 16 + data.length;
            }
        }
        System.out.println(file + ": " + frames + " frames, " + (24 + bytes) + " bytes, " + clients + " clients, "
                + broadcasts + " broadcasts simulated");
    }

    private static void le16(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void le32(byte[] b, int at, int v) {
        le16(b, at, v);
        le16(b, at + 2, v >>> 16);
    }
}
