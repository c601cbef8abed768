package org.netsim.app.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;

/**
 * The live screen's logic: a real capture of the built-in peer on loopback (root in CI), and capture files opened
 * without capture rights. The test thread plays the window's: what the reading threads hand is queued by the model's
 * executor and applied here ({@link #ui}).
 */
class LiveViewModelTest {
    static final Path CAPTURES = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");
    /** What the reading threads schedule for the window; run by {@link #runUi}. */
    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final LiveViewModel model = new LiveViewModel(ui::add);
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void dispose() throws Exception {
        model.dispose();
        background.shutdownNow();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private void needCaptureRights() {
        try {
            LiveCapture.start("lo", "tcp port 9", 4).stop();
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
        }
    }

    private void runUi() {
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
    }

    @Test
    void oneClickEmitIsCapturedAndDecodedBothWaysOffTheWindowsThread() throws Exception {
        needCaptureRights();
        model.loadDevices();
        assertThat(model.devices()).contains("lo");
        assertThat(model.startPeer()).isTrue();
        assertThat(model.filterProperty().get()).isEqualTo("tcp port " + model.peerPort());
        model.deviceProperty().set("lo");
        assertThat(model.start()).isTrue();
        assertThat(model.sendEmit("quiz", "[\"what is a SYN?\", 3]")).isTrue();
        // nobody polls: the decoding thread decodes and schedules the hand-over on its own
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && events().size() < 2) {
            Thread.sleep(50);
            runUi();
        }
        model.stop();
        assertThat(events()).containsExactly("42[\"quiz\",\"what is a SYN?\",3]", "42[\"quiz\",\"what is a SYN?\",3]");
        // nothing the peer sent is shown malformed (its Close frames carry code 1000, decoded as such)
        assertThat(model.messages()).filteredOn(CaptureMessage::isMalformed).extracting(CaptureMessage::malformed)
                .isEmpty();
        List<CaptureMessage> emits = model.messages().stream().filter(m -> "EVENT".equals(m.type())).toList();
        assertThat(emits.get(0).dst()).isEqualTo("127.0.0.1:" + model.peerPort());
        assertThat(emits.get(1).src()).isEqualTo("127.0.0.1:" + model.peerPort());
        assertThat(model.framesOf(emits.get(0))).isNotEmpty()
                .allSatisfy(f -> assertThat(f.index()).isBetween(emits.get(0).firstFrame(), emits.get(0).frame()));
        assertThat(model.countersProperty().get()).matches("\\d+ frames captured \u00b7 \\d+ dropped by the kernel "
                + "\u00b7 0 dropped by netsim \\(buffer full\\)");
        model.poll();
        assertThat(model.peerLog()).extracting(r -> r.by() + " " + r.event())
                .contains("server quiz", "client quiz");
        assertThat(model.capturingProperty().get()).isFalse();

        // the whole capture saves as a pcap that reads back frame for frame
        Path dir = Files.createTempDirectory("live");
        Path saved = dir.resolve("saved.pcap");
        assertThat(model.saveCapture(saved)).isTrue();
        assertThat(frameCount(saved)).isEqualTo(captured());

        // opened after the live capture, a file is what Save saves now
        Path file = CAPTURES.resolve("websocket-only.pcap");
        model.openCapture(file, background).get(30, TimeUnit.SECONDS);
        runUi();
        assertThat(model.saveCapture(saved)).isTrue();
        assertThat(Files.readAllBytes(saved)).isEqualTo(Files.readAllBytes(file));
    }

    /**
     * Stop decodes and saves every buffered frame: a burst of far more than one batch's frames, captured while nobody
     * polls, is all in the saved file and in the counters.
     */
    @Test
    void stopDrainsEveryBufferedFrameIntoTheSavedCapture() throws Exception {
        needCaptureRights();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            model.deviceProperty().set("lo");
            model.filterProperty().set("tcp port " + server.getLocalPort());
            assertThat(model.start()).isTrue();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort());
                 Socket accepted = server.accept()) {
                client.setTcpNoDelay(true);
                OutputStream out = client.getOutputStream();
                InputStream in = accepted.getInputStream();
                byte[] one = new byte[1];
                for (int i = 0; i < 3 * LiveRun.BATCH; i++) {
                    out.write(i);
                    assertThat(in.read(one)).isEqualTo(1);
                }
            }
            model.stop();
        }
        Path saved = Files.createTempDirectory("live").resolve("burst.pcap");
        assertThat(model.saveCapture(saved)).isTrue();
        long captured = captured();
        assertThat(captured).isGreaterThan(3L * LiveRun.BATCH);
        assertThat(frameCount(saved)).isEqualTo(captured);
    }

    /** A capture file opens without capture rights, off the calling thread, with progress, messages reassembled. */
    @Test
    void aCaptureFileOpensInTheBackgroundWithItsMessagesReassembled() throws Exception {
        Path file = CAPTURES.resolve("large-payload.pcap");
        List<Double> progress = new ArrayList<>();
        model.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        assertThat(model.saveCapture(Path.of("/tmp/never.pcap"))).isFalse();
        assertThat(model.problemProperty().get()).startsWith("Nothing to save yet");
        model.openCapture(file, background).get(30, TimeUnit.SECONDS);
        runUi();
        assertThat(progress).first().isEqualTo(0.0);
        assertThat(progress).last().isEqualTo(-1.0);
        List<CaptureMessage> big = model.messages().stream().filter(m -> "EVENT".equals(m.type())
                && "big".equals(m.event())).toList();
        assertThat(big).isNotEmpty();
        // one message though it crossed many segments, with every frame from its first to its last
        CaptureMessage first = big.get(0);
        assertThat(first.firstFrame()).isLessThan(first.frame());
        assertThat(first.text().length()).isGreaterThan(70_000);
        assertThat(model.framesOf(first)).extracting(CapturedFrame::index).startsWith(first.firstFrame())
                .endsWith(first.frame());
        assertThat(model.problemProperty().get()).isEmpty();
    }

    /** A file cut short keeps every message before the cut, as the command line prints them, and says so in a line. */
    @Test
    void aTruncatedFileKeepsWhatWasReadAndSaysWhereItStops() throws Exception {
        byte[] whole = Files.readAllBytes(CAPTURES.resolve("websocket-only.pcap"));
        Path cut = Files.createTempDirectory("live").resolve("cut.pcap");
        Files.write(cut, java.util.Arrays.copyOf(whole, 5000));
        List<CaptureMessage> expected = new ArrayList<>();
        CaptureDecoder decoder = CaptureDecoder.forMessages(expected::add);
        try (CaptureFileReader reader = CaptureFileReader.open(cut)) {
            decoder.decode(reader);
        } catch (RuntimeException e) {
            // cut short: what came before is decoded (the decoder finishes in decode's finally)
        }
        assertThat(expected).hasSizeGreaterThan(5);

        model.openCapture(cut, background).get(30, TimeUnit.SECONDS);
        runUi();
        assertThat(model.messages()).extracting(CaptureMessage::text)
                .containsExactlyElementsOf(expected.stream().map(CaptureMessage::text).toList());
        assertThat(model.problemProperty().get()).startsWith("cut.pcap is cut short or broken after frame ")
                .contains("the messages before it are listed").doesNotContain("\n");
        assertThat(model.progressProperty().get()).isEqualTo(-1.0);
    }

    /** Opening a second file while the first is still being read cancels the first: the list is the second's alone. */
    @Test
    void aSecondOpenCancelsTheFirst() throws Exception {
        List<Runnable> held = new ArrayList<>();
        model.openCapture(CAPTURES.resolve("rooms-broadcast.pcap"), held::add);
        var second = model.openCapture(CAPTURES.resolve("websocket-only.pcap"), background);
        // the first file is read only now, after the second was asked for
        held.forEach(Runnable::run);
        second.get(30, TimeUnit.SECONDS);
        runUi();
        List<CaptureMessage> expected = CaptureDecoder.decodeAll(CAPTURES.resolve("websocket-only.pcap"),
                CaptureDecoder.Options.DEFAULT);
        assertThat(model.messages()).extracting(CaptureMessage::text)
                .containsExactlyElementsOf(expected.stream().map(CaptureMessage::text).toList());
    }

    /** Save after Open saves the opened file: a pcap byte for byte, a pcapng frame for frame as pcap. */
    @Test
    void saveAfterOpenSavesTheOpenedFile() throws Exception {
        Path dir = Files.createTempDirectory("live");
        Path pcap = CAPTURES.resolve("polling-only.pcap");
        model.openCapture(pcap, background).get(30, TimeUnit.SECONDS);
        runUi();
        assertThat(model.saveCapture(dir.resolve("copy.pcap"))).isTrue();
        assertThat(Files.readAllBytes(dir.resolve("copy.pcap"))).isEqualTo(Files.readAllBytes(pcap));

        Path pcapng = Path.of("../simulator/src/test/resources/captures/dumpcap-lo.pcapng");
        model.openCapture(pcapng, background).get(30, TimeUnit.SECONDS);
        runUi();
        Path out = dir.resolve("from-pcapng.pcap");
        assertThat(model.saveCapture(out)).isTrue();
        List<CapturedFrame> a;
        List<CapturedFrame> b;
        try (CaptureFileReader r1 = CaptureFileReader.open(pcapng); CaptureFileReader r2 = CaptureFileReader.open(out)) {
            a = r1.stream().toList();
            b = r2.stream().toList();
            assertThat(r2.format()).isEqualTo(org.netsim.capture.file.CaptureFormat.PCAP);
        }
        assertThat(b).extracting(CapturedFrame::data).containsExactlyElementsOf(a.stream().map(CapturedFrame::data)
                .toList());
        // no temporary file left beside the targets
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("copy.pcap",
                    "from-pcapng.pcap");
        }
    }

    @Test
    void aBadFilterAndBadArgumentsAreExplainedAndNothingStarts() {
        needCaptureRights();
        model.deviceProperty().set("lo");
        model.filterProperty().set("tcp port three");
        assertThat(model.start()).isFalse();
        assertThat(model.capturingProperty().get()).isFalse();
        assertThat(model.problemProperty().get()).startsWith("the capture filter \"tcp port three\" does not compile");
        assertThat(model.sendEmit("chat", "[\"unclosed")).isFalse();
        assertThat(model.problemProperty().get()).startsWith("arguments must be a JSON array");
    }

    private long captured() {
        return Long.parseLong(model.countersProperty().get().split(" ")[0]);
    }

    private static long frameCount(Path file) throws Exception {
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            return reader.stream().count();
        }
    }

    private List<String> events() {
        return model.messages().stream().filter(m -> "EVENT".equals(m.type())).map(CaptureMessage::text).toList();
    }
}
