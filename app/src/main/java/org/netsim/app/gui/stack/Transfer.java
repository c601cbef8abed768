package org.netsim.app.gui.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;

/**
 * The frame an event belongs to and its way through the network: who built it, the devices it crossed, who took it
 * furthest up the stack, and at each device the frame that came in, how far up it was read and the frame that went
 * out. Found from the timeline alone: an application message (Socket.IO, Engine.IO, WebSocket, HTTP) has no frame
 * of its own, so the frame is the next one its node sends on the same connection (the previous one it received, going
 * up); a router's copy of a frame (new MAC addresses, TTL one less) shares its {@link Unit.Frame#origin() origin}
 * with the original.
 *
 * @param wireEvent   the event of the frame leaving its sender (its tree is the frame on the wire, FCS included)
 * @param sender      the node that built the frame
 * @param path        the nodes the frame crossed, sender first
 * @param receiver    the node that took it furthest up its stack
 * @param receiverTop the highest protocol the receiver read (its in-stack stops there)
 * @param visits      what happened to the frame at each node of {@code path}
 */
public record Transfer(TimelineEvent wireEvent, String sender, List<String> path, String receiver,
                       Protocol receiverTop, Map<String, Visit> visits) {
    /** How far from the event the search for its frame and hops goes: more than one exchange's events. */
    static final int WINDOW = 4000;

    public Transfer {
        path = List.copyOf(path);
        visits = Map.copyOf(visits);
    }

    /**
     * The frame at one device.
     *
     * @param node      the device
     * @param arrival   the wire event of the frame coming in (its tree is the frame on that cable); null at the
     *                  sender
     * @param departure the wire event of the frame going out (a router's copy for a router), or null at a receiver
     * @param top       the highest protocol the device read of it, or null at the sender
     */
    public record Visit(String node, TimelineEvent arrival, TimelineEvent departure, Protocol top) {
    }

    /** The visit at {@code node}, or null when the frame does not pass it. */
    public Visit visit(String node) {
        return visits.get(node);
    }

    /** The transfer of {@code event}'s frame, or null for an event that belongs to no frame (a change of state). */
    public static Transfer of(TimelineEvent event, Timeline timeline) {
        Unit.Frame frame = frameOf(event, timeline);
        if (frame == null) {
            return null;
        }
        Unit.Frame origin = frame.origin();
        int from = Math.max(0, event.index() - WINDOW);
        int to = Math.min(timeline.size(), event.index() + WINDOW);
        TimelineEvent firstHop = null;
        List<String> path = new ArrayList<>();
        Map<String, Protocol> reached = new LinkedHashMap<>();
        Map<String, TimelineEvent> arrivals = new LinkedHashMap<>();
        Map<String, List<TimelineEvent>> departures = new LinkedHashMap<>();
        for (int i = from; i < to; i++) {
            TimelineEvent e = timeline.get(i);
            Unit u = e.unit();
            if (u instanceof Unit.Hop h && h.frame().origin() == origin) {
                if (firstHop == null) {
                    firstHop = e;
                    path.add(e.node());
                }
                departures.computeIfAbsent(e.node(), k -> new ArrayList<>()).add(e);
                if (!h.lost()) {
                    arrivals.putIfAbsent(h.to(), e);
                    if (!path.contains(h.to())) {
                        path.add(h.to());
                    }
                }
            } else if (firstHop != null && e.direction() == Direction.UP && u instanceof Unit.Frame f
                    && f.origin() == origin && !e.node().equals(firstHop.node())) {
                reached.merge(e.node(), e.protocol(), (a, b) -> b.osi().number() >= a.osi().number() ? b : a);
            }
        }
        if (firstHop == null) {
            return null;
        }
        String receiver = null;
        Protocol top = null;
        for (Map.Entry<String, Protocol> r : reached.entrySet()) {
            if (top == null || r.getValue().osi().number() >= top.osi().number()) {
                receiver = r.getKey();
                top = r.getValue();
            }
        }
        Map<String, Visit> visits = new LinkedHashMap<>();
        for (String node : path) {
            visits.put(node, new Visit(node, arrivals.get(node), departure(departures.get(node), path, receiver),
                    reached.get(node)));
        }
        return new Transfer(firstHop, firstHop.node(), path, receiver, top, visits);
    }

    /**
     * Of a device's copies of the frame (a switch floods one out of every other port), the one that goes on along the
     * path towards the receiver, else the first.
     */
    private static TimelineEvent departure(List<TimelineEvent> hops, List<String> path, String receiver) {
        if (hops == null || hops.isEmpty()) {
            return null;
        }
        for (TimelineEvent e : hops) {
            String next = ((Unit.Hop) e.unit()).to();
            if (next.equals(receiver)) {
                return e;
            }
        }
        for (TimelineEvent e : hops) {
            String next = ((Unit.Hop) e.unit()).to();
            if (path.indexOf(next) > path.indexOf(e.node())) {
                return e;
            }
        }
        return hops.get(0);
    }

    private static Unit.Frame frameOf(TimelineEvent event, Timeline timeline) {
        Unit u = event.unit();
        if (u instanceof Unit.Hop h) {
            return h.frame();
        } else if (u instanceof Unit.Frame f) {
            return f;
        } else if (!(u instanceof Unit.Message || u instanceof Unit.Packet)) {
            return null;
        }
        boolean down = event.direction() == Direction.DOWN;
        int step = down ? 1 : -1;
        int end = down ? Math.min(timeline.size(), event.index() + WINDOW) : Math.max(-1, event.index() - WINDOW);
        for (int i = event.index() + step; i != end; i += step) {
            TimelineEvent e = timeline.get(i);
            if (e.node().equals(event.node()) && e.direction() == event.direction()
                    && e.unit() instanceof Unit.Frame f && f.connection() == connectionOf(event)) {
                return f;
            }
        }
        return null;
    }

    private static int connectionOf(TimelineEvent e) {
        return e.connection() == null ? -1 : e.connection().index();
    }
}
