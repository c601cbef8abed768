package org.netsim.app.gui.time;

import org.netsim.app.gui.Messages;
import org.netsim.app.gui.session.SessionViewModel;

/**
 * Simulation time as people read it, relative to the scenario's start: nanosecond precision in the unit that fits
 * ({@code 5.760 µs}, {@code 300.017280 ms}, {@code 25.000001000 s}).
 */
public final class TimeText {
    private TimeText() {
    }

    /** {@code timeNanos} (since the epoch, as events carry it) as time since the scenario's start. */
    public static String sinceStart(long timeNanos) {
        return duration(timeNanos - SessionViewModel.START_NANOS);
    }

    /** A duration in nanoseconds, in µs below 1 ms, in ms below 1 s, else in s; always to the nanosecond. */
    public static String duration(long nanos) {
        if (Math.abs(nanos) < 1_000_000) {
            return Messages.get("time.microseconds", String.format("%.3f", nanos / 1e3));
        }
        if (Math.abs(nanos) < 1_000_000_000) {
            return Messages.get("time.milliseconds", String.format("%.6f", nanos / 1e6));
        }
        return Messages.get("time.seconds", String.format("%.9f", nanos / 1e9));
    }
}
