package org.netsim.app.gui.inspector;

import org.netsim.stack.StackDissector;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The buffer an event's {@link TimelineEvent#wholePdu() whole PDU tree} was decoded from, so that its fields' offsets
 * point into it: for a wire event the bits as the cable carries them (preamble, SFD, frame, FCS), for a frame the
 * frame as a capture holds it, for a packet or an application message its own bytes.
 */
public final class EventBytes {
    private EventBytes() {
    }

    /** The bytes, or {@code null} for a change of state (which has no PDU). */
    public static byte[] of(TimelineEvent event) {
        Unit u = event.unit();
        if (u instanceof Unit.Hop h) {
            return StackDissector.onWire(h.frame().bytes());
        } else if (u instanceof Unit.Frame f) {
            return f.bytes();
        } else if (u instanceof Unit.Packet p) {
            return p.bytes();
        } else if (u instanceof Unit.Message m) {
            return m.bytes();
        }
        return null;
    }
}
