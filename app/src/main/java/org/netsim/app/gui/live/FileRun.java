package org.netsim.app.gui.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.netsim.app.gui.Messages;
import org.netsim.capture.file.CaptureFileReader;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.compare.ServerLibraries;

/**
 * Opening a pcap or pcapng file, on a background thread (libpcap is not needed): read, decoded and handed to the window
 * in batches with the progress, like a live capture. A file cut short or broken part-way keeps what was read before:
 * the decoder finishes, everything decoded is handed, and the problem is reported in one line. Cancelled when another
 * file is opened (or a live capture starts): it stops reading, and the window drops what it still hands.
 */
final class FileRun implements Runnable {
    private final long id;
    private final Path file;
    private final Handoff handoff;
    private final Decoding decoding;
    private volatile boolean cancelled;

    FileRun(long id, Path file, ServerLibraries libraries, Handoff handoff) {
        this.id = id;
        this.file = file;
        this.handoff = handoff;
        this.decoding = new Decoding(libraries);
    }

    @Override
    public void run() {
        String problem = null;
        long read = 0;
        try (CaptureFileReader reader = CaptureFileReader.open(file)) {
            long size = Math.max(1, Files.size(file));
            long nextHand = System.nanoTime() + LiveRun.HAND_EVERY_NANOS;
            while (!cancelled && reader.hasNext()) {
                CapturedFrame f = reader.next();
                read += 16 + f.capturedLength();
                decoding.frame(f);
                if (System.nanoTime() >= nextHand) {
                    nextHand = System.nanoTime() + LiveRun.HAND_EVERY_NANOS;
                    handoff.hand(id, decoding.take(), null, Math.min(0.99, (double) read / size), null, false);
                }
            }
        } catch (IOException | RuntimeException e) {
            problem = decoding.frames() == 0 ? Messages.get("live.open.failed", file.getFileName(), e.getMessage())
                    : Messages.get("live.open.partly", file.getFileName(), decoding.frames(), e.getMessage());
        }
        if (cancelled) {
            return;
        }
        decoding.finish();
        handoff.hand(id, decoding.take(), null, -1, problem, true);
    }

    void cancel() {
        cancelled = true;
    }

    Path file() {
        return file;
    }
}
