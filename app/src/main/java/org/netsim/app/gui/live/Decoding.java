package org.netsim.app.gui.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.netsim.capture.decode.CaptureDecoder;
import org.netsim.capture.decode.CaptureMessage;
import org.netsim.capture.file.CapturedFrame;
import org.netsim.compare.ServerLibraries;

/**
 * The decoding of one capture (live or a file), on the thread that reads it, never the window's: frames go through
 * the capture decoder, which builds no trees; each message found is kept with the frames from its first to its last,
 * which is all the comparison needs to lay it out later ({@link org.netsim.compare.CarriedMessage}, built only when
 * someone compares). Recent frames are held in a window bounded by count and bytes, so a long capture holds no more
 * than the messages the list shows need. Not thread-safe: one reading thread.
 */
final class Decoding {
    /** A decoded message with the frames that carried it (as many of them as the window still held). */
    record Found(CaptureMessage message, List<CapturedFrame> frames) {
    }

    static final int WINDOW_FRAMES = 65_536;
    static final long WINDOW_BYTES = 32L << 20;

    private final List<CaptureMessage> decoded = new ArrayList<>();
    private final CaptureDecoder decoder = CaptureDecoder.forMessages(decoded::add);
    private final ArrayDeque<CapturedFrame> window = new ArrayDeque<>();
    private final ServerLibraries libraries;
    private final List<Found> found = new ArrayList<>();
    private long windowBytes;
    private long frames;

    Decoding(ServerLibraries libraries) {
        this.libraries = libraries;
    }

    /** Decodes one frame (in capture order). */
    void frame(CapturedFrame f) {
        frames++;
        window.addLast(f);
        windowBytes += f.capturedLength();
        while (window.size() > WINDOW_FRAMES || windowBytes > WINDOW_BYTES && window.size() > 1) {
            windowBytes -= window.removeFirst().capturedLength();
        }
        decoder.frame(f);
        collect();
    }

    /** The capture ended: what waited behind a hole, or for its last segment, is reported now. */
    void finish() {
        decoder.finish();
        collect();
    }

    /** The messages found since the last call, oldest first. */
    List<Found> take() {
        List<Found> out = new ArrayList<>(found);
        found.clear();
        return out;
    }

    /** How many frames were decoded. */
    long frames() {
        return frames;
    }

    private void collect() {
        if (decoded.isEmpty()) {
            return;
        }
        for (CaptureMessage m : decoded) {
            libraries.observe(m);
            found.add(new Found(m, m.event() != null ? framesOf(m) : lastFrame(m)));
        }
        decoded.clear();
    }

    /** The window's frames from the message's first to its last. */
    private List<CapturedFrame> framesOf(CaptureMessage m) {
        ArrayDeque<CapturedFrame> out = new ArrayDeque<>();
        for (Iterator<CapturedFrame> it = window.descendingIterator(); it.hasNext(); ) {
            CapturedFrame f = it.next();
            if (f.index() < m.firstFrame()) {
                break;
            }
            if (f.index() <= m.frame()) {
                out.addFirst(f);
            }
        }
        return List.copyOf(out);
    }

    /** Only the frame that completed a message that cannot be compared (what a lesson's capture step looks at). */
    private List<CapturedFrame> lastFrame(CaptureMessage m) {
        for (Iterator<CapturedFrame> it = window.descendingIterator(); it.hasNext(); ) {
            CapturedFrame f = it.next();
            if (f.index() == m.frame()) {
                return List.of(f);
            }
            if (f.index() < m.frame()) {
                break;
            }
        }
        return List.of();
    }
}
