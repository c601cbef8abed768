package org.netsim.app.gui.topology;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;

/**
 * The wire events of a run in the order they start, with when each ends, built once per run so that "which frames are
 * on a cable at time t" costs a binary search and a walk over the frames that started within the longest transfer
 * before t, not a scan of the timeline.
 */
final class WireIndex {
    private final long[] start;
    private final long[] end;
    private final int[] event;
    private final int size;
    private final long longest;

    WireIndex(Timeline timeline) {
        int n = timeline.query().direction(Direction.WIRE).count();
        long[] s = new long[n];
        long[] e = new long[n];
        int[] ev = new int[n];
        int[] k = {0};
        long[] max = {0};
        timeline.query().direction(Direction.WIRE).forEach(i -> {
            var te = timeline.get(i);
            Unit.Hop hop = (Unit.Hop) te.unit();
            s[k[0]] = te.timeNanos();
            e[k[0]] = hop.arrivalNanos();
            ev[k[0]] = i;
            max[0] = Math.max(max[0], hop.arrivalNanos() - te.timeNanos());
            k[0]++;
        });
        this.start = s;
        this.end = e;
        this.event = ev;
        this.size = n;
        this.longest = max[0];
    }

    int size() {
        return size;
    }

    /** Calls {@code action} with the position (in this index) of every transfer under way at {@code t}. */
    void inFlight(long t, IntConsumer action) {
        between(t, t, action);
    }

    /** Every transfer that is under way at some moment of {@code [from, to]}, in start order. */
    void between(long from, long to, IntConsumer action) {
        int hi = upperBound(to);
        int lo = lowerBound(from - longest);
        for (int i = lo; i < hi; i++) {
            if (end[i] > from) {
                action.accept(i);
            }
        }
    }

    /** The positions {@code [lo, hi)} of the transfers that start within {@code [from, to]}. */
    int[] startingBetween(long from, long to) {
        return new int[] {lowerBound(from), upperBound(to)};
    }

    /** First position whose start is at least {@code t}. */
    private int lowerBound(long t) {
        int lo = Arrays.binarySearch(start, 0, size, t);
        if (lo < 0) {
            return -lo - 1;
        }
        while (lo > 0 && start[lo - 1] == t) {
            lo--;
        }
        return lo;
    }

    /** First position whose start is after {@code t}. */
    private int upperBound(long t) {
        int hi = Arrays.binarySearch(start, 0, size, t);
        if (hi < 0) {
            return -hi - 1;
        }
        while (hi < size && start[hi] == t) {
            hi++;
        }
        return hi;
    }

    long start(int i) {
        return start[i];
    }

    long end(int i) {
        return end[i];
    }

    int event(int i) {
        return event[i];
    }
}
