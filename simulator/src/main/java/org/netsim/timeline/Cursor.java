package org.netsim.timeline;

/**
 * A position in a timeline, for stepping: before the first event at the start, on an event after a step. The timeline
 * never changes, so stepping back and then forward shows exactly the same events.
 */
public final class Cursor {
    private final Timeline timeline;
    /** Index of the current event; -1 before the first. */
    private int position = -1;

    Cursor(Timeline timeline) {
        this.timeline = timeline;
    }

    public int position() {
        return position;
    }

    public boolean hasNext() {
        return position + 1 < timeline.size();
    }

    public boolean hasPrevious() {
        return position > 0;
    }

    /** Moves to the next event and returns it; {@code null} (and no move) at the end. */
    public TimelineEvent forward() {
        if (!hasNext()) {
            return null;
        }
        return timeline.get(++position);
    }

    /** Moves to the previous event and returns it; {@code null} (and no move) on the first event or before it. */
    public TimelineEvent back() {
        if (!hasPrevious()) {
            return null;
        }
        return timeline.get(--position);
    }

    /** The current event, or {@code null} before the first. */
    public TimelineEvent current() {
        return position < 0 ? null : timeline.get(position);
    }

    /** Moves onto event {@code index} (-1: before the first). */
    public void seek(int index) {
        if (index < -1 || index >= timeline.size()) {
            throw new IndexOutOfBoundsException("event " + index + " of " + timeline.size());
        }
        position = index;
    }

    /** Moves onto the last event at or before {@code timeNanos} (before the first if none). */
    public void seekTime(long timeNanos) {
        int lo = 0;
        int hi = timeline.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timeline.timeAt(mid) <= timeNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        position = lo - 1;
    }
}
