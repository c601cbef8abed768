package org.netsim.app.gui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.netsim.app.gui.live.LiveViewModel;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.compare.FieldDifference;
import org.netsim.pdu.Protocol;

/**
 * The comparison screen's logic on captured events of Node (the reference captures) and of netty-socketio (the
 * built-in peer, app/src/test/resources/captures/netty-socketio-websocket.pcap: EmbeddedPeer over WebSocket only,
 * one emit of chat "hi" and its echo, captured on lo).
 */
class ComparisonViewModelTest {
    static final Path NODE = Path.of("../assets/src/main/resources/captures/node-socketio-4.8.4");
    static final Path NETTY = Path.of("src/test/resources/captures/netty-socketio-websocket.pcap");

    private final ConcurrentLinkedQueue<Runnable> ui = new ConcurrentLinkedQueue<>();
    private final LiveViewModel live = new LiveViewModel(ui::add);
    private final ComparisonViewModel model = new ComparisonViewModel();
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void dispose() throws Exception {
        live.dispose();
        background.shutdownNow();
        assertThat(background.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private CaptureMessage open(Path file, String event) throws Exception {
        live.openCapture(file, background).get(30, TimeUnit.SECONDS);
        Runnable r;
        while ((r = ui.poll()) != null) {
            r.run();
        }
        return live.messages().stream().filter(m -> event.equals(m.event())).findFirst().orElseThrow();
    }

    @Test
    void aBinaryEventIsComparedPartByPartWithNothingWorthALook() throws Exception {
        CaptureMessage bin = open(NODE.resolve("websocket-only.pcap"), "bin");
        assertThat(model.compare(live.comparison(bin))).isTrue();
        assertThat(model.parts()).extracting(ComparisonViewModel.PartItem::label).hasSize(4).startsWith(
                "The text part (its WebSocket frame)", "Attachment 1 (its WebSocket frame)");
        assertThat(model.parts().get(2).label())
                .matches("Frame 26 of the capture beside frame \\d+ of the simulation \\(Ethernet, IPv4, TCP\\)");
        assertThat(model.parts().get(3).label()).startsWith("Frame 28 of the capture beside frame ");
        assertThat(model.summaryProperty().get()).startsWith("Event \"bin\" from the client to the server: ")
                .endsWith(", 0 of them worth a look (marked).");
        assertThat(model.differences()).extracting(ComparisonViewModel.Row::difference).noneMatch(d ->
                d.key().equals("websocket.opcode") || d.protocol() == Protocol.ENGINEIO);
        assertThat(model.notesProperty().get()).as("Node's own capture").isEmpty();
        // the chosen part's trees and bytes: the attachment's frame on both sides
        model.partProperty().set(model.parts().get(1));
        assertThat(model.captured().bytesProperty().get()).hasSize(10);
        assertThat(model.simulated().bytesProperty().get()).hasSize(10);
        assertThat(model.captured().layers()).isNotEmpty();
    }

    @Test
    void theSeventyKilobyteEventIsOneMessageAndTheSegmentsAreExplained() throws Exception {
        CaptureMessage big = open(NODE.resolve("large-payload.pcap"), "big");
        assertThat(model.compare(live.comparison(big))).isTrue();
        assertThat(model.parts().get(0).label()).isEqualTo("The text part (its WebSocket frame)");
        assertThat(model.notesProperty().get()).contains("The capture carried it in 3 segments, the simulation in ");
        assertThat(model.differences()).extracting(ComparisonViewModel.Row::difference)
                .noneMatch(d -> d.protocol() == Protocol.SOCKETIO).allMatch(FieldDifference::expected);
    }

    @Test
    void aPollingEventIsComparedWithAPollingTwin() throws Exception {
        CaptureMessage bin = open(NODE.resolve("polling-only.pcap"), "bin");
        assertThat(model.compare(live.comparison(bin))).isTrue();
        assertThat(model.parts()).extracting(ComparisonViewModel.PartItem::label).containsExactly(
                "The HTTP message that carried it (its own fields; its packets are the other parts)",
                "The text part (its Engine.IO packet in the HTTP body)",
                "Attachment 1 (its base64 Engine.IO packet in the HTTP body)");
        assertThat(model.notesProperty().get()).contains("long-polling", "built from the simulated request");
        assertThat(model.differences()).extracting(ComparisonViewModel.Row::part).containsOnly("HTTP");
    }

    /** The TTL and a server's unmasked payload get their own reasons in the view. */
    @Test
    void aServersFrameIsNotBlamedOnMasking() throws Exception {
        CaptureMessage reply = open(NODE.resolve("websocket-only.pcap"), "admin-reply");
        assertThat(model.compare(live.comparison(reply))).isTrue();
        assertThat(model.summaryProperty().get()).startsWith("Event \"admin-reply\" from the server to the client");
        assertThat(model.differences()).extracting(r -> r.difference().key())
                .doesNotContain("websocket.masking_key", "websocket.payload", "ip.ttl");
    }

    /** A capture of netty-socketio says so from its own handshake, whether or not the built-in peer runs. */
    @Test
    void aCaptureOfNettySocketioSaysItIsNotNode() throws Exception {
        CaptureMessage chat = open(NETTY, "chat");
        LiveViewModel.Captured c = live.comparison(chat);
        assertThat(c.builtInPeer()).as("the peer is not running").isFalse();
        assertThat(model.compare(c)).isTrue();
        assertThat(model.notesProperty().get()).startsWith("The server 127.0.0.1:3457 is not Node's socket.io but "
                + "netty-socketio: ").contains("maxPayload", "UUID");
    }

    @Test
    void whatCannotBeComparedSaysWhyInOneLine() throws Exception {
        CaptureMessage bin = open(NODE.resolve("websocket-only.pcap"), "bin");
        LiveViewModel.Captured c = live.comparison(bin);
        // the frames are no longer held: a sentence, not an exception
        assertThat(model.compare(new LiveViewModel.Captured(bin, List.of(), Optional.empty(), false))).isFalse();
        assertThat(model.summaryProperty().get()).startsWith("Cannot compare the message of frame 28 with the "
                + "simulation: ").doesNotContain("\n").doesNotContain("Exception");
        assertThat(model.parts()).isEmpty();
        assertThat(model.differences()).isEmpty();

        CaptureMessage connect = live.messages().stream().filter(m -> "CONNECT".equals(m.type())).findFirst()
                .orElseThrow();
        assertThat(model.compare(live.comparison(connect))).isFalse();
        assertThat(model.summaryProperty().get()).contains("Only events have a simulated twin");

        // off the window's thread, the later request wins
        ConcurrentLinkedQueue<Runnable> fx = new ConcurrentLinkedQueue<>();
        var first = model.compareLater(live.comparison(connect), Runnable::run, fx::add);
        var second = model.compareLater(c, Runnable::run, fx::add);
        fx.forEach(Runnable::run);
        assertThat(first.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(model.summaryProperty().get()).startsWith("Event \"bin\"");
    }
}
