package org.netsim.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Unit;

/** A device on the network: a host, a switch or a router. It owns ports and receives the frames that reach them. */
public abstract class Node {
    protected final Simulator sim;
    private final String name;
    private final int id;
    private final List<Port> ports = new ArrayList<>();

    protected Node(Simulator sim, String name) {
        this.sim = sim;
        this.name = name;
        this.id = sim.timeline().addNode(name);
    }

    public String name() {
        return name;
    }

    /** The node's number in the timeline. */
    public int id() {
        return id;
    }

    public List<Port> ports() {
        return Collections.unmodifiableList(ports);
    }

    protected Port addPort(Port p) {
        ports.add(p);
        return p;
    }

    /** A frame's last bit reached {@code port}. */
    protected abstract void receive(Port port, Unit.Frame frame);

    protected void record(Direction d, Protocol p, int connection, Unit u) {
        sim.timeline().record(sim.now(), id, d, p, connection, u);
    }

    /** One event per protocol in {@code protocols} (a {@link org.netsim.timeline.Timeline#mask} combination). */
    protected void record(Direction d, int protocols, int connection, Unit u) {
        sim.timeline().record(sim.now(), id, d, protocols, connection, u);
    }

    /** A message unit for {@code buf[0, length)}, shared with an equal one recorded a moment ago (a broadcast's). */
    public Unit.Message message(Protocol p, byte[] buf, int length, boolean pollingBody) {
        return sim.timeline().message(p, buf, length, pollingBody);
    }

    protected void note(Protocol p, int connection, String text) {
        record(Direction.STATE, p, connection, new Unit.Note(text));
    }

    /** The MAC address at {@code b[at, at+6)} as a number. */
    static long macAt(byte[] b, int at) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = v << 8 | (b[at + i] & 0xff);
        }
        return v;
    }

    @Override
    public String toString() {
        return name;
    }
}
