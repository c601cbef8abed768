package org.netsim.app.gui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.testing.ExternalTool;
import org.netsim.capture.decode.CaptureMessage;

/** The live screen's logic against a real capture of the built-in peer on loopback (root in CI). */
class LiveViewModelTest {
    private final LiveViewModel model = new LiveViewModel();

    @AfterEach
    void dispose() {
        model.dispose();
    }

    private void needCaptureRights() {
        try {
            LiveCapture.start("lo", "tcp port 9", 4).stop();
        } catch (CaptureProblem p) {
            ExternalTool.missing("live capture on loopback", p.getMessage());
        }
    }

    @Test
    void oneClickEmitIsCapturedAndDecodedBothWays() throws Exception {
        needCaptureRights();
        model.loadDevices();
        assertThat(model.devices()).contains("lo");
        assertThat(model.startPeer()).isTrue();
        assertThat(model.filterProperty().get()).isEqualTo("tcp port " + model.peerPort());
        model.deviceProperty().set("lo");
        assertThat(model.start()).isTrue();
        assertThat(model.sendEmit("quiz", "[\"what is a SYN?\", 3]")).isTrue();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && events().size() < 2) {
            model.poll();
            Thread.sleep(50);
        }
        model.stop();
        assertThat(events()).containsExactly("42[\"quiz\",\"what is a SYN?\",3]", "42[\"quiz\",\"what is a SYN?\",3]");
        // nothing the peer sent is shown malformed (its Close frames carry code 1000, decoded as such)
        assertThat(model.messages()).filteredOn(CaptureMessage::isMalformed).extracting(CaptureMessage::malformed)
                .isEmpty();
        List<CaptureMessage> emits = model.messages().stream().filter(m -> "EVENT".equals(m.type())).toList();
        assertThat(emits.get(0).dst()).isEqualTo("127.0.0.1:" + model.peerPort());
        assertThat(emits.get(1).src()).isEqualTo("127.0.0.1:" + model.peerPort());
        assertThat(model.countersProperty().get()).matches("\\d+ frames captured \u00b7 \\d+ dropped by the kernel "
                + "\u00b7 0 dropped by netsim \\(buffer full\\)");
        assertThat(model.peerLog()).extracting(r -> r.by() + " " + r.event())
                .contains("server quiz", "client quiz");
        assertThat(model.capturingProperty().get()).isFalse();

        // the whole capture saves as a pcap that reads back frame for frame
        java.nio.file.Path saved = java.nio.file.Files.createTempDirectory("live").resolve("saved.pcap");
        assertThat(model.saveCapture(saved)).isTrue();
        long frames;
        try (var reader = org.netsim.capture.file.CaptureFileReader.open(saved)) {
            frames = reader.stream().count();
        }
        assertThat(frames).isEqualTo(Long.parseLong(model.countersProperty().get().split(" ")[0]));
    }

    /** A capture file opens without capture rights, off the calling thread, with progress, messages reassembled. */
    @Test
    void aCaptureFileOpensInTheBackgroundWithItsMessagesReassembled() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of(
                "../assets/src/main/resources/captures/node-socketio-4.8.4/large-payload.pcap");
        java.util.List<Double> progress = new java.util.ArrayList<>();
        model.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        var background = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            model.openCapture(file, background, Runnable::run).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            background.shutdown();
        }
        assertThat(progress).last().isEqualTo(-1.0);
        List<CaptureMessage> big = model.messages().stream().filter(m -> "EVENT".equals(m.type())
                && "big".equals(m.event())).toList();
        assertThat(big).isNotEmpty();
        // one message though it crossed many segments
        assertThat(big).anyMatch(m -> m.firstFrame() < m.frame() && m.text().length() > 70_000);
        assertThat(model.frameOf(big.get(0))).isPresent();
        assertThat(model.problemProperty().get()).isEmpty();
        assertThat(model.saveCapture(java.nio.file.Path.of("/tmp/never.pcap"))).isFalse();
        assertThat(model.problemProperty().get()).startsWith("Nothing to save yet");
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

    private List<String> events() {
        return model.messages().stream().filter(m -> "EVENT".equals(m.type())).map(CaptureMessage::text).toList();
    }
}
