package org.netsim.app.gui.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.netsim.app.capture.LiveCapture;

/**
 * What a reading thread hands the window: the messages found since the window last looked (at most the
 * {@code kept} newest: the list shows no more), the latest counters, the progress of a file, a problem, and whether
 * the run is over. The reading thread adds; the window takes it all at once, on its own thread, scheduled through
 * {@code ui} (Platform.runLater) at most once until it has taken it. Each run has a number: what a run that was
 * replaced still hands (a file whose opening was cancelled) is dropped.
 */
final class Handoff {
    /** Everything handed since the window last took. */
    record Batch(long run, List<Decoding.Found> found, LiveCapture.Counters counters, double progress,
                 String problem, boolean last) {
    }

    private final int kept;
    private final Executor ui;
    private final Consumer<Batch> apply;
    private final ArrayDeque<Decoding.Found> found = new ArrayDeque<>();
    private long run = -1;
    private LiveCapture.Counters counters;
    private double progress = -1;
    private String problem;
    private boolean last;
    private boolean scheduled;
    private boolean pending;

    Handoff(int kept, Executor ui, Consumer<Batch> apply) {
        this.kept = kept;
        this.ui = ui;
        this.apply = apply;
    }

    /** Starts run {@code id}: what older runs hand from now on is dropped. */
    synchronized void begin(long id) {
        run = id;
        found.clear();
        counters = null;
        progress = -1;
        problem = null;
        last = false;
        pending = false;
    }

    /** Hands messages and state from run {@code id} (any thread). */
    void hand(long id, List<Decoding.Found> more, LiveCapture.Counters c, double p, String why, boolean end) {
        boolean schedule;
        synchronized (this) {
            if (id != run) {
                return;
            }
            found.addAll(more);
            while (found.size() > kept) {
                found.removeFirst();
            }
            counters = c != null ? c : counters;
            progress = p;
            problem = why != null ? why : problem;
            last |= end;
            pending = true;
            schedule = !scheduled;
            scheduled = true;
        }
        if (schedule) {
            ui.execute(this::take);
        }
    }

    /** Applies what was handed, on the window's thread; also called directly to take what is there now. */
    void take() {
        Batch b;
        synchronized (this) {
            scheduled = false;
            if (!pending) {
                return;
            }
            b = new Batch(run, new ArrayList<>(found), counters, progress, problem, last);
            found.clear();
            problem = null;
            last = false;
            pending = false;
        }
        apply.accept(b);
    }
}
