package org.netsim.app.gui.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.gui.Messages;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.app.peer.EmbeddedPeer;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.compare.ServerLibraries;

/**
 * The live screen: capture real traffic off a device (by default the embedded peer's port on loopback) or open a
 * capture file, decode it with the simulator's own codecs, and send real emits through the embedded peer with one
 * click.
 *
 * <p>Reading and decoding run on a thread of their own ({@link LiveRun}, {@link FileRun}); the window's thread gets
 * only what it shows, the messages and the counters, in batches ({@link Handoff}, through {@code Platform.runLater}).
 * The list keeps the latest {@link #KEPT} messages, each with the frames that carried it; their layers are built only
 * when someone compares ({@link #comparison}).
 */
public final class LiveViewModel {
    static final int BUFFER_FRAMES = 100_000;
    static final int KEPT = 10_000;
    /** Node's and the shipped scenarios' port; the embedded peer takes it when it is free. */
    static final int DEFAULT_PORT = 3000;

    /** What the comparison needs of a captured message: its frames, and what the capture says about its server. */
    public record Captured(CaptureMessage message, List<CapturedFrame> frames,
                           Optional<ServerLibraries.Verdict> server, boolean builtInPeer) {
    }

    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty device = new SimpleStringProperty(this, "device");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "tcp port " + DEFAULT_PORT);
    private final BooleanProperty capturing = new SimpleBooleanProperty(this, "capturing");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper(this, "counters", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
    private final ObservableList<CaptureMessage> messages = FXCollections.observableArrayList();
    /** The frames of each message in the list (by identity: two messages may end in the same frame). */
    private final Map<CaptureMessage, List<CapturedFrame>> frames = new IdentityHashMap<>();
    private final Handoff handoff;
    private final PeerControl peer = new PeerControl();
    private ServerLibraries libraries = new ServerLibraries();
    private long runs;
    private LiveRun live;
    private FileRun opening;
    /** What "Save" saves: the last live capture's spool, or the opened file; null while capturing or before. */
    private Path source;
    private Path spool;

    /** A model whose batches reach the JavaFX application thread. */
    public LiveViewModel() {
        this(Platform::runLater);
    }

    /** A model whose batches are applied through {@code ui} (and by {@link #poll}). */
    public LiveViewModel(Executor ui) {
        this.handoff = new Handoff(KEPT, ui, this::apply);
    }

    /** Lists the devices (loopback first chosen); a problem (libpcap, rights) goes to {@link #problemProperty}. */
    public void loadDevices() {
        try {
            List<LiveCapture.Device> all = LiveCapture.devices();
            devices.setAll(all.stream().map(LiveCapture.Device::name).toList());
            if (device.get() == null) {
                device.set(all.stream().filter(LiveCapture.Device::loopback).map(LiveCapture.Device::name)
                        .findFirst().orElse(all.get(0).name()));
            }
            problem.set("");
        } catch (CaptureProblem p) {
            devices.clear();
            problem.set(p.getMessage());
        }
    }

    /** Starts capturing on the chosen device with the filter; returns whether it started. */
    public boolean start() {
        if (live != null) {
            return true;
        }
        if (device.get() == null) {
            loadDevices();
            if (device.get() == null) {
                return false;
            }
        }
        LiveCapture capture;
        try {
            capture = LiveCapture.start(device.get(), filter.get(), BUFFER_FRAMES);
        } catch (CaptureProblem p) {
            problem.set(p.getMessage());
            return false;
        }
        cancelOpening();
        clear();
        PcapFileWriter writer = null;
        Path path = null;
        try {
            path = Files.createTempFile("netsim-live", ".pcap");
            path.toFile().deleteOnExit();
            writer = PcapFileWriter.create(path, capture.linkType());
        } catch (IOException e) {
            problem.set(Messages.get("live.spool.failed", e.getMessage()));
        }
        deleteSpool();
        spool = path;
        long id = ++runs;
        handoff.begin(id);
        live = new LiveRun(id, capture, writer, path, libraries, handoff);
        capturing.set(true);
        counters.set(Messages.get("live.counters", 0, 0, 0));
        return true;
    }

    /**
     * Stops capturing. Every frame the capture buffered is decoded and spooled first, so the list and the saved file
     * hold all that the counters call captured; what waited behind a hole is reported at the end.
     */
    public void stop() {
        if (live == null) {
            return;
        }
        LiveRun run = live;
        run.stop();
        handoff.take();
        live = null;
        source = run.spooled();
        capturing.set(false);
    }

    /** Shows what the reading thread handed (the view calls it a few times a second); refreshes the peer's log. */
    public void poll() {
        peer.refresh();
        handoff.take();
    }

    private void apply(Handoff.Batch b) {
        if (b.run() != runs) {
            return;
        }
        if (!b.found().isEmpty()) {
            b.found().forEach(f -> frames.put(f.message(), f.frames()));
            messages.addAll(b.found().stream().map(Decoding.Found::message).toList());
            if (messages.size() > KEPT) {
                List<CaptureMessage> old = messages.subList(0, messages.size() - KEPT);
                old.forEach(frames::remove);
                old.clear();
            }
        }
        if (b.counters() != null) {
            counters.set(Messages.get("live.counters", b.counters().captured(), b.counters().kernelDropped(),
                    b.counters().bufferDropped()));
        }
        if (b.problem() != null) {
            problem.set(b.problem());
        }
        progress.set(b.last() ? -1 : b.progress());
    }

    /** Saves what the list shows the frames of (the last live capture, or the opened file) as pcap, atomically. */
    public boolean saveCapture(Path target) {
        if (source == null) {
            problem.set(Messages.get("live.save.nothing"));
            return false;
        }
        try {
            CaptureSaving.save(source, target);
            return true;
        } catch (IOException e) {
            problem.set(Messages.get("live.save.failed", target, e.getMessage()));
            return false;
        }
    }

    /**
     * Opens a pcap or pcapng file, read and decoded on {@code background} (libpcap is not needed), the messages handed
     * to the window in batches with the progress (0 to 1). Opening another file, or starting a capture, cancels it.
     */
    public CompletableFuture<Void> openCapture(Path file, Executor background) {
        stop();
        cancelOpening();
        clear();
        problem.set("");
        progress.set(0);
        long id = ++runs;
        handoff.begin(id);
        source = file;
        FileRun run = new FileRun(id, file, libraries, handoff);
        opening = run;
        return CompletableFuture.runAsync(run, background);
    }

    private void cancelOpening() {
        if (opening != null) {
            opening.cancel();
            opening = null;
            progress.set(-1);
        }
    }

    /** Empties the list for a new capture or file (and forgets what was learnt about the last one's servers). */
    private void clear() {
        messages.clear();
        frames.clear();
        libraries = new ServerLibraries();
        source = null;
    }

    private void deleteSpool() {
        if (spool != null) {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                // a temporary file; it goes when the program exits
            }
            spool = null;
        }
    }

    /** How far a file being opened is read, 0 to 1; -1 when no file is being read. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    /** Starts the embedded server and client on 127.0.0.1 (port 3000, or a free one when 3000 is taken). */
    public boolean startPeer() {
        try {
            int port = peer.start(DEFAULT_PORT);
            if (!capturing.get()) {
                filter.set("tcp port " + port);
            }
            return true;
        } catch (IOException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    /** The embedded client emits; the embedded server echoes. Bad JSON goes to {@link #problemProperty}. */
    public boolean sendEmit(String event, String argsJson) {
        if (!peer.running() && !startPeer()) {
            return false;
        }
        try {
            peer.emit(event, argsJson);
            return true;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return false;
        }
    }

    public void stopPeer() {
        peer.stop();
    }

    /** Stops the capture, a file being read and the peer; the window calls it when it closes. */
    public void dispose() {
        stop();
        cancelOpening();
        stopPeer();
        deleteSpool();
    }

    public int peerPort() {
        return peer.port();
    }

    public ObservableList<String> devices() {
        return devices;
    }

    public StringProperty deviceProperty() {
        return device;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty capturingProperty() {
        return capturing;
    }

    public ReadOnlyBooleanProperty peerRunningProperty() {
        return peer.runningProperty();
    }

    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Decoded messages, oldest first, at most {@link #KEPT}. */
    public ObservableList<CaptureMessage> messages() {
        return messages;
    }

    /** The frames of a listed message, from its first to its last; empty once it has left the list. */
    public List<CapturedFrame> framesOf(CaptureMessage m) {
        return frames.getOrDefault(m, List.of());
    }

    /** A listed message with what the comparison needs: its frames and what the capture says about its server. */
    public Captured comparison(CaptureMessage m) {
        return new Captured(m, framesOf(m), libraries.notNode(m), isBuiltInPeer(m));
    }

    /** Whether {@code m} travelled to or from the built-in peer while it runs (which is not Node). */
    public boolean isBuiltInPeer(CaptureMessage m) {
        String port = ":" + peerPort();
        return peer.running() && (m.src().endsWith(port) || m.dst().endsWith(port));
    }

    /** What the embedded server and client received, in order. */
    public ObservableList<EmbeddedPeer.Received> peerLog() {
        return peer.log();
    }
}
