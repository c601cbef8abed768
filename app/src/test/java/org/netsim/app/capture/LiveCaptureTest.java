package org.netsim.app.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.file.CapturedFrame;

/**
 * A real capture on the loopback device. It needs libpcap and the right to capture (root in CI, which runs as root):
 * without them the test fails in CI and is skipped elsewhere, saying why.
 */
class LiveCaptureTest {
    private String loopback;

    @BeforeEach
    void needCaptureRights() {
        try {
            loopback = LiveCapture.devices().stream().filter(LiveCapture.Device::loopback).findFirst()
                    .map(LiveCapture.Device::name).orElse("lo");
            LiveCapture.start(loopback, "tcp port 9", 4).stop();
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
        }
    }

    @Test
    void capturesTheBytesAProgramSendsOnLoopbackAndStops() throws Exception {
        String probe = "netsim-capture-probe-" + System.nanoTime();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            LiveCapture capture = LiveCapture.start(loopback, "tcp port " + port, 10_000);
            try {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket accepted = server.accept()) {
                    OutputStream out = client.getOutputStream();
                    out.write(probe.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = accepted.getInputStream();
                    assertThat(new String(in.readNBytes(probe.length()), StandardCharsets.US_ASCII)).isEqualTo(probe);
                }
                List<CapturedFrame> frames = new ArrayList<>();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (System.nanoTime() < deadline && frames.stream().noneMatch(f -> contains(f, probe))) {
                    capture.drainTo(frames, 1000);
                    Thread.sleep(20);
                }
                assertThat(frames).anyMatch(f -> contains(f, probe));
                // the filter let through only this connection: every frame is IPv4 TCP from or to the port
                for (CapturedFrame f : frames) {
                    byte[] b = f.data().toArray();
                    assertThat(b[12] << 8 | b[13] & 0xff).isEqualTo(0x0800);
                    int ihl = (b[14] & 0x0f) * 4;
                    int src = (b[14 + ihl] & 0xff) << 8 | b[15 + ihl] & 0xff;
                    int dst = (b[16 + ihl] & 0xff) << 8 | b[17 + ihl] & 0xff;
                    assertThat(src == port || dst == port).isTrue();
                    assertThat(f.timestampNanos()).isGreaterThan(1_700_000_000_000_000_000L);
                }
                // handshake, data, its ACK at least; numbered in order
                assertThat(capture.counters().captured()).isGreaterThanOrEqualTo(4);
                assertThat(frames.get(0).index()).isEqualTo(1);
            } finally {
                capture.stop();
            }
            assertThat(capture.isRunning()).isFalse();
            assertThat(capture.failure()).isNull();
        }
    }

    @Test
    void aFullBufferCountsWhatItDropsAndStopWorksWhileIdle() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            LiveCapture capture = LiveCapture.start(loopback, "tcp port " + port, 2);
            try {
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                     Socket accepted = server.accept()) {
                    for (int i = 0; i < 20; i++) {
                        client.getOutputStream().write(new byte[] {(byte) i});
                        client.getOutputStream().flush();
                        accepted.getInputStream().read();
                    }
                    long deadline = System.nanoTime() + 5_000_000_000L;
                    while (System.nanoTime() < deadline && capture.counters().bufferDropped() == 0) {
                        Thread.sleep(20);
                    }
                    LiveCapture.Counters c = capture.counters();
                    assertThat(c.bufferDropped()).isPositive();
                    List<CapturedFrame> kept = new ArrayList<>();
                    assertThat(capture.drainTo(kept, 100)).isEqualTo(2);
                    assertThat(c.captured()).isGreaterThanOrEqualTo(c.bufferDropped() + 2);
                }
                long t0 = System.nanoTime();
                capture.stop();
                assertThat(capture.isRunning()).isFalse();
                assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
            } finally {
                // stop is safe to call twice: a failed assertion above still stops the capture
                capture.stop();
            }
        }
    }

    @Test
    void aFilterThatDoesNotCompileAndAMissingDeviceAreExplained() {
        assertThatThrownBy(() -> LiveCapture.start(loopback, "tcp prot 3000", 10))
                .isInstanceOf(CaptureProblem.class)
                .satisfies(e -> assertThat(((CaptureProblem) e).kind()).isEqualTo(CaptureProblem.Kind.BAD_FILTER))
                .hasMessageStartingWith("the capture filter \"tcp prot 3000\" does not compile: ")
                .hasMessageEndingWith("(BPF syntax, for example: tcp port 3000)");
        assertThatThrownBy(() -> LiveCapture.start("no-such-nic0", "", 10))
                .isInstanceOf(CaptureProblem.class)
                .hasMessage("no capture device named no-such-nic0: choose one from the list");
    }

    private static boolean contains(CapturedFrame f, String text) {
        return new String(f.data().toArray(), StandardCharsets.ISO_8859_1).contains(text);
    }
}
