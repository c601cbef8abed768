package org.netsim.app.gui.live;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.netsim.app.capture.LiveCapture;
import org.netsim.app.gui.Messages;
import org.netsim.app.pcap.PcapFileWriter;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.compare.ServerLibraries;

/**
 * One live capture as the window runs it: a thread of its own takes what the capture thread buffered, spools every
 * frame to a pcap file (so "Save" saves the whole capture), decodes it and hands the window what it shows, every
 * {@link #HAND_EVERY_NANOS}. The window's thread never decodes. Stopping drains the buffer until it is empty, so the
 * saved file and the list hold every frame the counters call captured.
 */
final class LiveRun {
    static final int BATCH = 5_000;
    static final long HAND_EVERY_NANOS = 100_000_000L;
    private static final long IDLE_SLEEP_MILLIS = 10;
    /** How long a stop waits for the capture thread to hand over its last frames and for the decoding to end. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final long id;
    private final LiveCapture capture;
    private final Handoff handoff;
    private final Decoding decoding;
    private final Path spoolPath;
    private PcapFileWriter spool;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Path spooled;

    /** Starts decoding {@code capture}; {@code spoolPath} null when the frames cannot be kept for saving. */
    LiveRun(long id, LiveCapture capture, PcapFileWriter spool, Path spoolPath, ServerLibraries libraries,
            Handoff handoff) {
        this.id = id;
        this.capture = capture;
        this.spool = spool;
        this.spoolPath = spoolPath;
        this.handoff = handoff;
        this.decoding = new Decoding(libraries);
        this.thread = new Thread(this::loop, "netsim live decoding " + capture.device());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void loop() {
        List<CapturedFrame> batch = new ArrayList<>(BATCH);
        long nextHand = System.nanoTime() + HAND_EVERY_NANOS;
        long deadline = Long.MAX_VALUE;
        while (true) {
            batch.clear();
            int n = capture.drainTo(batch, BATCH);
            for (CapturedFrame f : batch) {
                spool(f);
                decoding.frame(f);
            }
            if (System.nanoTime() >= nextHand) {
                hand(false);
                nextHand = System.nanoTime() + HAND_EVERY_NANOS;
            }
            if (n == 0) {
                if (stopping) {
                    deadline = Math.min(deadline, System.currentTimeMillis() + STOP_WAIT_MILLIS);
                    // the capture thread may still hand over what it read last: empty only once it has ended
                    if (!capture.isRunning() || System.currentTimeMillis() > deadline) {
                        break;
                    }
                }
                try {
                    Thread.sleep(IDLE_SLEEP_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        decoding.finish();
        commitSpool();
        hand(true);
    }

    private void hand(boolean last) {
        String problem = capture.failure() == null ? null
                : Messages.get("live.failed", capture.failure().getMessage());
        handoff.hand(id, decoding.take(), capture.counters(), -1, problem, last);
    }

    private void spool(CapturedFrame f) {
        if (spool == null) {
            return;
        }
        try {
            spool.write(f.timestampNanos(), f.data().toArray());
        } catch (IOException | RuntimeException e) {
            handoff.hand(id, List.of(), null, -1, Messages.get("live.spool.failed", e.getMessage()), false);
            abortSpool();
        }
    }

    private void commitSpool() {
        if (spool == null) {
            return;
        }
        try {
            spool.commit();
            spooled = spoolPath;
        } catch (IOException e) {
            handoff.hand(id, List.of(), null, -1, Messages.get("live.spool.failed", e.getMessage()), false);
        }
        spool = null;
    }

    private void abortSpool() {
        try {
            spool.close();
        } catch (IOException e) {
            // nothing was committed: the temporary file is gone or will be
        }
        spool = null;
    }

    /**
     * Stops the capture and waits until every frame it buffered is decoded and spooled; the last batch is handed
     * before this returns.
     */
    void stop() {
        capture.stop();
        stopping = true;
        try {
            thread.join(STOP_WAIT_MILLIS + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The committed pcap of every frame, once stopped (null if it could not be kept). */
    Path spooled() {
        return spooled;
    }

    LiveCapture capture() {
        return capture;
    }
}
