package org.netsim.sim;

import java.util.Arrays;
import org.netsim.random.RandomSource;
import org.netsim.random.SeededRandom;
import org.netsim.timeline.Timeline;

/**
 * The discrete-event engine: a virtual clock and a queue of things to do at given times. Tasks due at the same time
 * run in the order they were scheduled, so a run depends only on the scenario and its seed.
 */
public final class Simulator {
    /**
     * The queue: a binary min-heap on (time, sequence) kept in parallel arrays. A classroom run schedules millions of
     * tasks; as objects in a {@code PriorityQueue} each cost an allocation and a virtual compare per level.
     */
    private long[] times = new long[256];
    private long[] sequences = new long[256];
    private Runnable[] actions = new Runnable[256];
    private int queued;
    private final Timeline timeline = new Timeline();
    private final long seed;
    private long now;
    private long sequence;

    /** @param startNanos where the virtual clock starts, nanoseconds since the Unix epoch */
    public Simulator(long seed, long startNanos) {
        this.seed = seed;
        this.now = startNanos;
    }

    public long now() {
        return now;
    }

    public long seed() {
        return seed;
    }

    public Timeline timeline() {
        return timeline;
    }

    /**
     * A random stream for one purpose ("alice tcp", "link lan loss"), derived from the scenario's seed and the
     * purpose's name, so adding a lossy link does not change the sequence numbers the hosts choose.
     */
    public RandomSource random(String purpose) {
        long h = seed;
        for (int i = 0; i < purpose.length(); i++) {
            h = (h ^ purpose.charAt(i)) * 0x100000001b3L;
        }
        return new SeededRandom(h ^ (h >>> 29));
    }

    /** Runs {@code action} at virtual time {@code timeNanos} (not before now). */
    public void at(long timeNanos, Runnable action) {
        if (timeNanos < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + timeNanos + " < " + now);
        }
        insert(timeNanos, sequence++, action);
    }

    /**
     * Runs {@code action} {@code times} times, {@code everyNanos} apart from {@code firstNanos}: as if each run had been
     * scheduled with {@link #at} now (their order among tasks due at the same time is the same), but only the next
     * run waits in the queue, so 10,000 repeats do not make the queue 10,000 deep.
     */
    public void repeat(long firstNanos, long everyNanos, int times, Runnable action) {
        if (firstNanos < now) {
            throw new IllegalArgumentException("cannot schedule in the past: " + firstNanos + " < " + now);
        }
        if (times <= 0) {
            return;
        }
        long firstSequence = sequence;
        sequence += times;
        insert(firstNanos, firstSequence, new Runnable() {
            private int done;

            @Override
            public void run() {
                action.run();
                if (++done < times) {
                    insert(firstNanos + done * everyNanos, firstSequence + done, this);
                }
            }
        });
    }

    private void insert(long timeNanos, long seq, Runnable action) {
        if (queued == times.length) {
            times = Arrays.copyOf(times, queued * 2);
            sequences = Arrays.copyOf(sequences, queued * 2);
            actions = Arrays.copyOf(actions, queued * 2);
        }
        int i = queued++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timeNanos, seq, times[parent], sequences[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        put(i, timeNanos, seq, action);
    }

    private static boolean before(long time, long seq, long otherTime, long otherSeq) {
        return time < otherTime || time == otherTime && seq < otherSeq;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        sequences[to] = sequences[from];
        actions[to] = actions[from];
    }

    private void put(int i, long time, long seq, Runnable action) {
        times[i] = time;
        sequences[i] = seq;
        actions[i] = action;
    }

    /** Takes the earliest task off the heap and returns its action (its time is then {@code now}). */
    private Runnable poll() {
        Runnable first = actions[0];
        now = times[0];
        int last = --queued;
        long time = times[last];
        long seq = sequences[last];
        Runnable action = actions[last];
        actions[last] = null;
        int i = 0;
        int half = last >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < last && before(times[right], sequences[right], times[child], sequences[child])) {
                child = right;
            }
            if (!before(times[child], sequences[child], time, seq)) {
                break;
            }
            move(child, i);
            i = child;
        }
        if (last > 0) {
            put(i, time, seq, action);
        }
        return first;
    }

    public void after(long delayNanos, Runnable action) {
        at(now + delayNanos, action);
    }

    /** Runs tasks in time order until none is left or the next is later than {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        while (queued > 0 && times[0] <= untilNanos) {
            poll().run();
        }
    }

    public boolean idle() {
        return queued == 0;
    }
}
