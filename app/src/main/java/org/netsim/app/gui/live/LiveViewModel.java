package org.netsim.app.gui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.netsim.app.capture.CaptureProblem;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.gui.Messages;
import org.netsim.app.peer.EmbeddedPeer;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.pdu.Pdu;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.stack.StackDissector;

/**
 * The live screen: capture real traffic off a device (by default the embedded peer's port on loopback), decode it with
 * the simulator's own codecs, and send real emits through the embedded peer with one click.
 *
 * <p>The capture thread fills a bounded buffer; {@link #poll()}, which the view calls a few times a second on the UI
 * thread, takes at most {@link #BATCH} frames at a time, so a flood of frames never freezes the window. The message
 * list keeps the latest {@link #KEPT} messages: a long capture never holds more than the view shows.
 */
public final class LiveViewModel {
    static final int BUFFER_FRAMES = 100_000;
    static final int BATCH = 5_000;
    static final int KEPT = 10_000;
    /** Node's and the shipped scenarios' port; the embedded peer takes it when it is free. */
    static final int DEFAULT_PORT = 3000;

    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final StringProperty device = new SimpleStringProperty(this, "device");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "tcp port " + DEFAULT_PORT);
    private final BooleanProperty capturing = new SimpleBooleanProperty(this, "capturing");
    private final BooleanProperty peerRunning = new SimpleBooleanProperty(this, "peerRunning");
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper(this, "counters", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObservableList<CaptureMessage> messages = FXCollections.observableArrayList();
    private final ObservableList<EmbeddedPeer.Received> peerLog = FXCollections.observableArrayList();
    /** The frame each kept message completed in, with its tree, for the comparison (only messages' frames). */
    private final java.util.Map<Long, CapturedTree> frames = new java.util.LinkedHashMap<>();

    /** A captured frame with the tree it was decoded to (in the context of its connection). */
    public record CapturedTree(CapturedFrame captured, byte[] frame, Pdu tree) {
    }
    private final StackDissector dissector = new StackDissector();
    private final List<CapturedFrame> batch = new ArrayList<>(BATCH);
    private final List<CaptureMessage> decoded = new ArrayList<>();
    private CaptureDecoder decoder = CaptureDecoder.forMessages(decoded::add);
    private LiveCapture capture;
    /** Every frame of the live capture, written as it is polled, so that "Save as pcap" saves the whole capture. */
    private org.netsim.app.pcap.PcapFileWriter spool;
    private Path spooled;
    private Path spoolPath;
    private final javafx.beans.property.DoubleProperty progress =
            new javafx.beans.property.SimpleDoubleProperty(this, "progress", -1);
    private EmbeddedPeer peer;

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
        if (capture != null) {
            return true;
        }
        if (device.get() == null) {
            loadDevices();
            if (device.get() == null) {
                return false;
            }
        }
        try {
            capture = LiveCapture.start(device.get(), filter.get(), BUFFER_FRAMES);
        } catch (CaptureProblem p) {
            problem.set(p.getMessage());
            return false;
        }
        decoder = CaptureDecoder.forMessages(decoded::add);
        messages.clear();
        frames.clear();
        try {
            spooled = null;
            spoolPath = java.nio.file.Files.createTempFile("netsim-live", ".pcap");
            spoolPath.toFile().deleteOnExit();
            spool = org.netsim.app.pcap.PcapFileWriter.create(spoolPath, capture.linkType());
        } catch (IOException e) {
            spool = null;
            problem.set(Messages.get("live.spool.failed", e.getMessage()));
        }
        problem.set("");
        capturing.set(true);
        updateCounters();
        return true;
    }

    /** Stops capturing (what arrived before is kept and shown). */
    public void stop() {
        if (capture == null) {
            return;
        }
        capture.stop();
        poll();
        // what waited behind a hole in a stream, or for its last segment, is reported at the end
        decoder.finish();
        messages.addAll(decoded);
        decoded.clear();
        capture = null;
        if (spool != null) {
            try {
                spool.commit();
                spooled = spoolPath;
            } catch (IOException e) {
                problem.set(Messages.get("live.spool.failed", e.getMessage()));
            }
            spool = null;
        }
        capturing.set(false);
    }

    /** Takes what the capture thread has buffered (at most one batch), decodes it and shows it. */
    public void poll() {
        if (peer != null) {
            List<EmbeddedPeer.Received> all = peer.received();
            if (all.size() > peerLog.size()) {
                peerLog.addAll(all.subList(peerLog.size(), all.size()));
            }
        }
        if (capture == null) {
            return;
        }
        batch.clear();
        capture.drainTo(batch, BATCH);
        List<CaptureMessage> found = new ArrayList<>();
        for (CapturedFrame f : batch) {
            // messages come from the reassembled streams; the frame's own tree (for the comparison) from the
            // frame-by-frame dissector, which follows each connection as Wireshark's per-frame view does
            byte[] data = f.data().toArray();
            spool(f, data);
            Pdu root = dissector.dissect(f.linkType(), data, 0, data.length);
            int before = decoded.size();
            decoder.frame(f);
            if (decoded.size() > before) {
                found.addAll(decoded.subList(before, decoded.size()));
                frames.put(f.index(), new CapturedTree(f, data, root));
            }
            decoded.clear();
        }
        if (!found.isEmpty()) {
            messages.addAll(found);
            if (messages.size() > KEPT) {
                messages.remove(0, messages.size() - KEPT);
                long oldest = messages.get(0).frame();
                frames.keySet().removeIf(n -> n < oldest);
            }
        }
        updateCounters();
        if (capture.failure() != null) {
            problem.set(Messages.get("live.failed", capture.failure().getMessage()));
        }
    }

    private void spool(CapturedFrame f, byte[] data) {
        if (spool == null) {
            return;
        }
        try {
            spool.write(f.timestampNanos(), data);
        } catch (IOException e) {
            problem.set(Messages.get("live.spool.failed", e.getMessage()));
            spool = null;
        }
    }

    /** Saves the last live capture as a pcap file, atomically (a temporary file, then a move). */
    public boolean saveCapture(Path target) {
        if (spooled == null) {
            problem.set(Messages.get("live.save.nothing"));
            return false;
        }
        try {
            Path temp = java.nio.file.Files.createTempFile(target.toAbsolutePath().getParent(), ".netsim-", ".pcap");
            java.nio.file.Files.copy(spooled, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            problem.set(Messages.get("live.save.failed", target, e.getMessage()));
            return false;
        }
    }

    /**
     * Opens a pcap or pcapng file: read and decoded on {@code background} (libpcap is not needed), the messages handed
     * to {@code ui} in batches with the progress (0 to 1); like the live list, at most {@link #KEPT} messages are kept.
     */
    public java.util.concurrent.CompletableFuture<Void> openCapture(Path file, java.util.concurrent.Executor background,
                                                                    java.util.concurrent.Executor ui) {
        stop();
        messages.clear();
        frames.clear();
        problem.set("");
        progress.set(0);
        return java.util.concurrent.CompletableFuture.runAsync(() -> {
            StackDissector fileDissector = new StackDissector();
            List<CaptureMessage> got = new ArrayList<>();
            CaptureDecoder fileDecoder = CaptureDecoder.forMessages(got::add);
            java.util.Map<Long, CapturedTree> trees = new java.util.LinkedHashMap<>();
            long size;
            long read = 0;
            try (org.netsim.capture.file.CaptureFileReader reader = org.netsim.capture.file.CaptureFileReader.open(file)) {
                size = Math.max(1, java.nio.file.Files.size(file));
                long lastReport = System.nanoTime();
                while (reader.hasNext()) {
                    CapturedFrame f = reader.next();
                    read += 16 + f.capturedLength();
                    byte[] data = f.data().toArray();
                    Pdu root = fileDissector.dissect(f.linkType(), data, 0, data.length);
                    int before = got.size();
                    fileDecoder.frame(f);
                    if (got.size() > before) {
                        trees.put(f.index(), new CapturedTree(f, data, root));
                    }
                    if (System.nanoTime() - lastReport > 100_000_000L) {
                        lastReport = System.nanoTime();
                        hand(got, trees, (double) read / size, ui);
                    }
                }
                fileDecoder.finish();
                hand(got, trees, 1, ui);
            } catch (IOException | RuntimeException e) {
                ui.execute(() -> {
                    problem.set(Messages.get("live.open.failed", file.getFileName(), e.getMessage()));
                    progress.set(-1);
                });
            }
        }, background);
    }

    /** Hands a batch to the UI, keeping only what the list shows. */
    private void hand(List<CaptureMessage> got, java.util.Map<Long, CapturedTree> trees, double done,
                      java.util.concurrent.Executor ui) {
        List<CaptureMessage> batch = new ArrayList<>(got.size() > KEPT ? got.subList(got.size() - KEPT, got.size())
                : got);
        java.util.Map<Long, CapturedTree> batchTrees = new java.util.LinkedHashMap<>();
        for (CaptureMessage m : batch) {
            CapturedTree t = trees.get(m.frame());
            if (t != null) {
                batchTrees.put(m.frame(), t);
            }
        }
        got.clear();
        trees.clear();
        ui.execute(() -> {
            messages.addAll(batch);
            frames.putAll(batchTrees);
            if (messages.size() > KEPT) {
                messages.remove(0, messages.size() - KEPT);
                long oldest = messages.get(0).frame();
                frames.keySet().removeIf(n -> n < oldest);
            }
            progress.set(done >= 1 ? -1 : done);
        });
    }

    /** How far a file being opened is read, 0 to 1; -1 when no file is being read. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    private void updateCounters() {
        LiveCapture.Counters c = capture.counters();
        counters.set(Messages.get("live.counters", c.captured(), c.kernelDropped(), c.bufferDropped()));
    }

    /** Starts the embedded server and client on 127.0.0.1 (port 3000, or a free one when 3000 is taken). */
    public boolean startPeer() {
        if (peer != null) {
            return true;
        }
        try {
            try {
                peer = EmbeddedPeer.start(DEFAULT_PORT, false);
            } catch (IOException busy) {
                peer = EmbeddedPeer.start(0, false);
            }
        } catch (IOException e) {
            problem.set(e.getMessage());
            return false;
        }
        peerLog.clear();
        peerRunning.set(true);
        if (!capturing.get()) {
            filter.set("tcp port " + peer.port());
        }
        return true;
    }

    /** The embedded client emits; the embedded server echoes. Bad JSON goes to {@link #problemProperty}. */
    public boolean sendEmit(String event, String argsJson) {
        if (peer == null && !startPeer()) {
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
        if (peer != null) {
            peer.close();
            peer = null;
            peerRunning.set(false);
        }
    }

    /** Stops the capture and the peer; the window calls it when it closes. */
    public void dispose() {
        stop();
        stopPeer();
    }

    public int peerPort() {
        return peer == null ? -1 : peer.port();
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
        return peerRunning;
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

    /** The frame a kept message completed in, with its tree; empty once the message has left the list. */
    public java.util.Optional<CapturedTree> frameOf(CaptureMessage m) {
        return java.util.Optional.ofNullable(frames.get(m.frame()));
    }

    /**
     * The frames that carried the kept messages, oldest first, or empty if nothing was ever captured (a lesson's
     * {@code captured} step then says it needs live capture).
     */
    public java.util.Optional<List<CapturedFrame>> capturedFrames() {
        if (frames.isEmpty() && capture == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(frames.values().stream().map(CapturedTree::captured).toList());
    }

    /** Whether {@code m} travelled to or from the built-in peer (which is not Node). */
    public boolean isBuiltInPeer(CaptureMessage m) {
        String port = ":" + peerPort();
        return peer != null && (m.src().endsWith(port) || m.dst().endsWith(port));
    }

    /** What the embedded server and client received, in order. */
    public ObservableList<EmbeddedPeer.Received> peerLog() {
        return peerLog;
    }
}
