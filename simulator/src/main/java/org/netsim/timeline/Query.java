package org.netsim.timeline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;

/** A filter over a timeline: every condition given must hold. {@code timeline.query().node("alice").layer(TRANSPORT)}. */
public final class Query {
    private final Timeline timeline;
    private int node = -2;
    private Set<OsiLayer> layers;
    private Set<Protocol> protocols;
    private Set<Direction> directions;
    private int connection = -2;
    private long from = Long.MIN_VALUE;
    private long to = Long.MAX_VALUE;

    Query(Timeline timeline) {
        this.timeline = timeline;
    }

    /** Events at this node (unknown names match nothing). */
    public Query node(String name) {
        node = timeline.nodes().indexOf(name);
        if (node < 0) {
            node = -3;
        }
        return this;
    }

    public Query layer(OsiLayer first, OsiLayer... more) {
        layers = EnumSet.of(first, more);
        return this;
    }

    public Query protocol(Protocol first, Protocol... more) {
        protocols = EnumSet.of(first, more);
        return this;
    }

    public Query direction(Direction first, Direction... more) {
        directions = EnumSet.of(first, more);
        return this;
    }

    /** Events of connection number {@code index}. */
    public Query connection(int index) {
        connection = index;
        return this;
    }

    /** Events with {@code fromNanos <= time < toNanos}. */
    public Query between(long fromNanos, long toNanos) {
        from = fromNanos;
        to = toNanos;
        return this;
    }

    /** Whether event {@code i} matches. */
    public boolean matches(int i) {
        int r = timeline.recordOf(i);
        return recordMatches(r) && protocolMatches(timeline.protocol(r, i - timeline.first(r)));
    }

    /** The conditions every event of record {@code r} shares: node, connection, time, direction. */
    private boolean recordMatches(int r) {
        long t = timeline.time(r);
        return (node == -2 || timeline.node(r) == node) && (connection == -2 || timeline.connection(r) == connection)
                && t >= from && t < to && (directions == null || directions.contains(timeline.direction(r)));
    }

    private boolean protocolMatches(Protocol p) {
        return (protocols == null || protocols.contains(p)) && (layers == null || layers.contains(p.osi()));
    }

    /** The matching events, in order. */
    public List<TimelineEvent> list() {
        List<TimelineEvent> out = new ArrayList<>();
        forEach(i -> out.add(timeline.get(i)));
        return out;
    }

    public int count() {
        int[] n = {0};
        forEach(i -> n[0]++);
        return n[0];
    }

    /** Calls {@code action} with the index of every matching event, in order, record by record. */
    public void forEach(java.util.function.IntConsumer action) {
        for (int r = 0; r < timeline.records(); r++) {
            if (!recordMatches(r)) {
                continue;
            }
            int n = Integer.bitCount(timeline.protocols(r));
            int base = timeline.first(r);
            for (int k = 0; k < n; k++) {
                if (protocolMatches(timeline.protocol(r, k))) {
                    action.accept(base + k);
                }
            }
        }
    }
}
