package org.netsim.app.gui.time;

import java.util.function.IntPredicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.netsim.app.gui.session.SessionViewModel;
import org.netsim.scenario.ScenarioRun;
import org.netsim.timeline.Timeline;

/**
 * Time control: play, pause, step, restart and speed over the session's run.
 *
 * <p><b>Time model.</b> The topology draws frames in flight at the current simulation time, so playing advances the
 * simulated time at a scaled rate: at 1×, one simulated microsecond takes {@link #WALL_NANOS_PER_SIM_NANO} / 1000 =
 * 50 ms of wall time. A 64-byte frame on 100 Mb/s (72 bytes with preamble: 5.76 µs on the wire, plus 0.5 µs
 * propagation) then moves for about 0.31 s, a full 1518-byte frame for about 6 s; 10× makes that 0.6 s. When no frame
 * is on any wire (a host waiting for a timer, the 25 s between two pings), playing jumps straight to the next event's
 * time instead of waiting through the gap.
 *
 * <p>The clock is injected: the window calls {@link #advance} from an {@code AnimationTimer} with the wall time since
 * the last frame, tests call it with whatever time they like.
 *
 * <p><b>Stepping</b> selects the next or previous event, exactly (back then forward lands on the same event). When the
 * event list has a filter, stepping and playback select only events that pass it ({@link #filterProperty()}), so a
 * student filtering on Socket.IO steps from emit to emit.
 */
public final class PlaybackViewModel {
    /** At 1×: wall nanoseconds per simulated nanosecond (1 µs simulated = 50 ms on screen). */
    public static final long WALL_NANOS_PER_SIM_NANO = 50_000;
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 10;
    /** The speeds {@link #faster()} and {@link #slower()} step through. */
    static final double[] SPEEDS = {0.1, 0.25, 0.5, 1, 2, 5, 10};

    private final SessionViewModel session;
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyDoubleWrapper speed = new ReadOnlyDoubleWrapper(this, "speed", 1);
    private final ObjectProperty<IntPredicate> filter = new SimpleObjectProperty<>(this, "filter");
    private WireActivity wire;
    private double carry;

    public PlaybackViewModel(SessionViewModel session) {
        this.session = session;
        session.runProperty().addListener((o, was, run) -> {
            wire = run == null ? null : new WireActivity(run.timeline());
            carry = 0;
            if (run == null) {
                pause();
            }
        });
        ScenarioRun r = session.run();
        wire = r == null ? null : new WireActivity(r.timeline());
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    public boolean isPlaying() {
        return playing.get();
    }

    public ReadOnlyDoubleProperty speedProperty() {
        return speed.getReadOnlyProperty();
    }

    public double speed() {
        return speed.get();
    }

    /** Which events stepping and playback may select ({@code null}: all); the event list's filter. */
    public ObjectProperty<IntPredicate> filterProperty() {
        return filter;
    }

    /** Sets the speed, held within {@link #MIN_SPEED} to {@link #MAX_SPEED}. */
    public void setSpeed(double factor) {
        speed.set(Double.isNaN(factor) ? 1 : Math.max(MIN_SPEED, Math.min(MAX_SPEED, factor)));
    }

    /** The next speed of 0.1, 0.25, 0.5, 1, 2, 5, 10 above the current one. */
    public void faster() {
        for (double s : SPEEDS) {
            if (s > speed.get() + 1e-9) {
                setSpeed(s);
                return;
            }
        }
    }

    public void slower() {
        for (int i = SPEEDS.length - 1; i >= 0; i--) {
            if (SPEEDS[i] < speed.get() - 1e-9) {
                setSpeed(SPEEDS[i]);
                return;
            }
        }
    }

    /** Plays from the current time; at the end of the run, from the start again. */
    public void play() {
        if (session.run() == null) {
            return;
        }
        if (nextEventTime(session.currentTime()) < 0 && !wire.inFlight(session.currentTime())) {
            session.select(-1);
        }
        carry = 0;
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Pauses and selects the next event (that passes the filter); stays put on the last one. */
    public void stepForward() {
        pause();
        if (session.run() == null) {
            return;
        }
        int size = session.run().timeline().size();
        for (int i = session.selectedIndex() + 1; i < size; i++) {
            if (passes(i)) {
                session.select(i);
                return;
            }
        }
    }

    /** Pauses and selects the previous event (that passes the filter); before the first, the start. */
    public void stepBack() {
        pause();
        if (session.run() == null) {
            return;
        }
        for (int i = session.selectedIndex() - 1; i >= 0; i--) {
            if (passes(i)) {
                session.select(i);
                return;
            }
        }
        session.select(-1);
    }

    /** Pauses and goes back before the first event. */
    public void restart() {
        pause();
        session.select(-1);
    }

    /**
     * Advances simulated time by {@code wallNanos} of wall time at the current speed, or, when nothing is on a wire,
     * jumps to the next event's time; selects the last event (passing the filter) reached. Pauses at the end.
     */
    public void advance(long wallNanos) {
        if (!playing.get() || session.run() == null) {
            return;
        }
        long t = session.currentTime();
        if (wire.inFlight(t)) {
            double sim = (double) wallNanos * speed.get() / WALL_NANOS_PER_SIM_NANO + carry;
            long whole = (long) sim;
            carry = sim - whole;
            t += whole;
        } else {
            long next = nextEventTime(t);
            if (next < 0) {
                pause();
                return;
            }
            t = next;
            carry = 0;
        }
        session.showTime(t, selectionAt(t));
    }

    /** The last event at or before {@code t} that passes the filter, not going back past the current selection. */
    private int selectionAt(long t) {
        int current = session.selectedIndex();
        for (int i = session.lastEventAtOrBefore(t); i > current; i--) {
            if (passes(i)) {
                return i;
            }
        }
        return current;
    }

    /** The time of the first event after {@code t}, or -1 if there is none. */
    private long nextEventTime(long t) {
        Timeline timeline = session.run().timeline();
        int next = session.lastEventAtOrBefore(t) + 1;
        return next < timeline.size() ? timeline.get(next).timeNanos() : -1;
    }

    private boolean passes(int i) {
        IntPredicate f = filter.get();
        return f == null || f.test(i);
    }
}
