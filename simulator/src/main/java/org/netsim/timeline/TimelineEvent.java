package org.netsim.timeline;

import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.stack.StackDissector;

/**
 * One event of a {@link Timeline}: a view made on demand, holding only the timeline and the index. Its PDU is decoded
 * when asked for, from the bytes the event concerns.
 */
public final class TimelineEvent {
    private final Timeline timeline;
    private final int index;

    TimelineEvent(Timeline timeline, int index) {
        this.timeline = timeline;
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Virtual time, nanoseconds since the Unix epoch. */
    public long timeNanos() {
        return timeline.timeAt(index);
    }

    public String node() {
        return timeline.nodes().get(timeline.nodeAt(index));
    }

    public Direction direction() {
        return timeline.directionAt(index);
    }

    public Protocol protocol() {
        return timeline.protocolAt(index);
    }

    public OsiLayer layer() {
        return protocol().osi();
    }

    /** The TCP connection the event belongs to, or {@code null} (ARP, a switch's table). */
    public Connection connection() {
        int c = timeline.connectionAt(index);
        return c < 0 ? null : timeline.connections().get(c);
    }

    public Unit unit() {
        return timeline.unitAt(index);
    }

    /** For a wire event, the node the frame travels to; else {@code null}. */
    public String peer() {
        return unit() instanceof Unit.Hop h ? h.to() : null;
    }

    /** For a wire event, whether the link lost the frame. */
    public boolean lost() {
        return unit() instanceof Unit.Hop h && h.lost();
    }

    /** The frame the event concerns, as a capture holds it, or {@code null} for application messages and notes. */
    public byte[] frameBytes() {
        Unit u = unit();
        if (u instanceof Unit.Hop h) {
            return h.frame().bytes();
        }
        return u instanceof Unit.Frame f ? f.bytes() : null;
    }

    /**
     * The PDU of this event's protocol: for a wire event the bits (preamble, frame, FCS); for a TCP event the segment
     * with everything it carries; for a Socket.IO event the Socket.IO packet. {@code null} for a change of state.
     */
    public Pdu pdu() {
        Pdu whole = wholePdu();
        if (whole == null) {
            return null;
        }
        return whole.find(protocol()).orElse(whole);
    }

    /** The whole tree the event's unit decodes to (the frame, or the message), or {@code null} for a note. */
    public Pdu wholePdu() {
        Unit u = unit();
        if (u instanceof Unit.Hop h) {
            return timeline.decoder().decode(h.frame(), true);
        } else if (u instanceof Unit.Frame f) {
            return timeline.decoder().decode(f, false);
        } else if (u instanceof Unit.Packet p) {
            return StackDissector.dissectIpv4(p.bytes());
        } else if (u instanceof Unit.Message m) {
            return m.protocol() == Protocol.HTTP
                    ? StackDissector.dissectHttpMessage(m.bytes(), m.pollingBody())
                    : StackDissector.dissectWebSocketMessage(m.bytes());
        }
        return null;
    }

    /** One line: what happened. */
    public String description() {
        Unit u = unit();
        if (u instanceof Unit.Note n) {
            return n.text();
        }
        if (u instanceof Unit.Hop h) {
            return h.frame().bytes().length + "-byte frame " + node() + " \u2192 " + h.to() + " on " + h.link()
                    + (h.lost() ? " (lost)" : "");
        }
        Pdu p = pdu();
        return p == null ? "" : p.summary();
    }

    @Override
    public String toString() {
        return String.format("%d %.6f %s %s %s %s", index, timeNanos() / 1e9, node(), direction().word(),
                protocol().title(), description());
    }
}
