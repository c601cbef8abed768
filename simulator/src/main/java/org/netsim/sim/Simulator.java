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
     * The queue: a 4-ary min-heap on (time, sequence). Entry {@code i} keeps its time and sequence side by side in
     * {@code keys[2i]} and {@code keys[2i+1]}, and in {@code slots[i]} the slot of {@link #actions} that holds its
     * action. A classroom run schedules millions of tasks: as objects in a {@code PriorityQueue} each cost an
     * allocation and a virtual compare per level; kept here, sifting moves only numbers, and each action is stored
     * once and cleared once (a reference stored into a long-lived array costs the collector a card to scan).
     */
    private long[] keys = new long[512];
    private int[] slots = new int[256];
    private Runnable[] actions = new Runnable[256];
    /** Free slots of {@link #actions}: a stack in {@code free[0, freeCount)}. */
    private int[] free = new int[256];
    private int freeCount;
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
        if (queued == slots.length) {
            grow();
        }
        int slot = freeCount > 0 ? free[--freeCount] : queued;
        actions[slot] = action;
        long[] k = keys;
        int[] sl = slots;
        int i = queued++;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = k[2 * parent];
            if (timeNanos > pt || timeNanos == pt && seq > k[2 * parent + 1]) {
                break;
            }
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * parent + 1];
            sl[i] = sl[parent];
            i = parent;
        }
        k[2 * i] = timeNanos;
        k[2 * i + 1] = seq;
        sl[i] = slot;
    }

    /**
     * Room for twice as many tasks. Slots in use are always {@code [0, queued)} minus the free ones, so with the heap
     * full every slot below {@code queued} is taken and the new ones start there.
     */
    private void grow() {
        int n = queued * 2;
        keys = Arrays.copyOf(keys, 2 * n);
        slots = Arrays.copyOf(slots, n);
        actions = Arrays.copyOf(actions, n);
        free = Arrays.copyOf(free, n);
    }

    /** Takes the earliest task off the heap and returns its action (its time is then {@code now}). */
    private Runnable poll() {
        long[] k = keys;
        int[] sl = slots;
        int firstSlot = sl[0];
        Runnable first = actions[firstSlot];
        actions[firstSlot] = null;
        free[freeCount++] = firstSlot;
        now = k[0];
        int last = --queued;
        long time = k[2 * last];
        long seq = k[2 * last + 1];
        int slot = sl[last];
        int i = 0;
        while (true) {
            int child = 4 * i + 1;
            if (child >= last) {
                break;
            }
            // the earliest of up to four children
            int end = Math.min(child + 4, last);
            int best = child;
            long bt = k[2 * child];
            long bs = k[2 * child + 1];
            for (int c = child + 1; c < end; c++) {
                long ct = k[2 * c];
                if (ct < bt || ct == bt && k[2 * c + 1] < bs) {
                    best = c;
                    bt = ct;
                    bs = k[2 * c + 1];
                }
            }
            if (bt > time || bt == time && bs > seq) {
                break;
            }
            k[2 * i] = bt;
            k[2 * i + 1] = bs;
            sl[i] = sl[best];
            i = best;
        }
        if (last > 0) {
            k[2 * i] = time;
            k[2 * i + 1] = seq;
            sl[i] = slot;
        }
        return first;
    }

    public void after(long delayNanos, Runnable action) {
        at(now + delayNanos, action);
    }

    /** Runs tasks in time order until none is left or the next is later than {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        while (queued > 0 && keys[0] <= untilNanos) {
            poll().run();
        }
    }

    public boolean idle() {
        return queued == 0;
    }
}
