package org.netsim.app.gui.time;

import java.util.Arrays;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;

/**
 * When frames are on a wire: every hop of a run as the interval from its first bit leaving to its last bit arriving.
 * Playback asks {@link #inFlight} to know whether there is anything to animate at a moment, and skips to the next
 * event when there is not.
 */
final class WireActivity {
    private final long[] start;
    /** maxEnd[i]: the latest arrival among hops 0..i, so "is any hop that started by t still going" is one lookup. */
    private final long[] maxEnd;

    WireActivity(Timeline timeline) {
        int n = timeline.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).count();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] k = {0};
        timeline.query().direction(Direction.WIRE).protocol(Protocol.PHYSICAL).forEach(i -> {
            var ev = timeline.get(i);
            s[k[0]] = ev.timeNanos();
            e[k[0]] = ((Unit.Hop) ev.unit()).arrivalNanos();
            k[0]++;
        });
        // events come in time order, so the starts are sorted already
        start = s;
        maxEnd = e;
        for (int i = 1; i < n; i++) {
            maxEnd[i] = Math.max(maxEnd[i - 1], maxEnd[i]);
        }
    }

    /** Whether some frame has left and not fully arrived at {@code t} (first bit sent at or before, last bit after). */
    boolean inFlight(long t) {
        int i = Arrays.binarySearch(start, t);
        if (i >= 0) {
            while (i + 1 < start.length && start[i + 1] == t) {
                i++;
            }
        } else {
            i = -i - 2;
        }
        return i >= 0 && maxEnd[i] > t;
    }
}
