package org.netsim.sim;

import java.util.PriorityQueue;
import org.netsim.random.RandomSource;
import org.netsim.random.SeededRandom;
import org.netsim.timeline.Timeline;

/**
 * The discrete-event engine: a virtual clock and a queue of things to do at given times. Tasks due at the same time
 * run in the order they were scheduled, so a run depends only on the scenario and its seed.
 */
public final class Simulator {
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private final Timeline timeline = new Timeline();
    private final long seed;
    private long now;
    private long sequence;

    private record Task(long time, long sequence, Runnable action) implements Comparable<Task> {
        @Override
        public int compareTo(Task o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

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
        queue.add(new Task(timeNanos, sequence++, action));
    }

    public void after(long delayNanos, Runnable action) {
        at(now + delayNanos, action);
    }

    /** Runs tasks in time order until none is left or the next is later than {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        while (!queue.isEmpty() && queue.peek().time <= untilNanos) {
            Task t = queue.poll();
            now = t.time;
            t.action.run();
        }
    }

    public boolean idle() {
        return queue.isEmpty();
    }
}
