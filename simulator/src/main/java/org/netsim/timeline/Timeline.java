package org.netsim.timeline;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.netsim.pdu.Protocol;

/**
 * Everything that happened in one simulation run, in order: each event has a time, a node, a direction (down the stack,
 * on the wire, up the stack, or a change of state), a protocol (and so a layer), the connection it belongs to and the
 * unit it concerns, whose PDU tree is decoded when someone asks for it.
 *
 * <p>A run records its timeline once; afterwards it never changes, so a {@link Cursor} can step backward and forward
 * over it exactly, and {@link #query()} can filter it. Events are kept in parallel arrays (a classroom run holds
 * millions), not as objects: {@link #get} makes the {@link TimelineEvent} view on demand.
 */
public final class Timeline {
    private static final Protocol[] PROTOCOLS = Protocol.values();
    private static final Direction[] DIRECTIONS = Direction.values();

    private final List<String> nodes = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<List<Unit.Frame>> framesByConnection = new ArrayList<>();
    private final FrameDecoder decoder = new FrameDecoder(this);

    private long[] time = new long[1024];
    private int[] node = new int[1024];
    /** direction in bits 0-3, protocol in bits 4-11. */
    private short[] kind = new short[1024];
    private int[] connection = new int[1024];
    private Unit[] unit = new Unit[1024];
    private int size;

    // ---------------------------------------------------------------- recording (the simulation's side)

    /** Registers a node and returns its number; names are unique. */
    public int addNode(String name) {
        if (nodes.contains(name)) {
            throw new IllegalArgumentException("two nodes named " + name);
        }
        nodes.add(name);
        return nodes.size() - 1;
    }

    /** Registers a connection; its index is the next number. */
    public Connection addConnection(String client, org.netsim.wire.ipv4.Ipv4Address clientIp, int clientPort,
                                    String server, org.netsim.wire.ipv4.Ipv4Address serverIp, int serverPort,
                                    String purpose) {
        Connection c = new Connection(connections.size(), client, clientIp, clientPort, server, serverIp, serverPort,
                purpose);
        connections.add(c);
        framesByConnection.add(new ArrayList<>());
        return c;
    }

    /** A frame built by a host; frames of a connection are remembered in order to decode them later as Wireshark does. */
    public Unit.Frame newFrame(byte[] bytes, int connectionIndex) {
        if (connectionIndex < 0) {
            return new Unit.Frame(bytes, -1, -1, null);
        }
        List<Unit.Frame> list = framesByConnection.get(connectionIndex);
        Unit.Frame f = new Unit.Frame(bytes, connectionIndex, list.size(), null);
        list.add(f);
        return f;
    }

    /** Appends one event; returns its index. */
    public int record(long timeNanos, int nodeIndex, Direction direction, Protocol protocol, int connectionIndex,
                      Unit what) {
        if (size > 0 && timeNanos < time[size - 1]) {
            throw new IllegalStateException("events go forward in time: " + timeNanos + " after " + time[size - 1]);
        }
        if (size == time.length) {
            int n = size + (size >> 1);
            time = Arrays.copyOf(time, n);
            node = Arrays.copyOf(node, n);
            kind = Arrays.copyOf(kind, n);
            connection = Arrays.copyOf(connection, n);
            unit = Arrays.copyOf(unit, n);
        }
        time[size] = timeNanos;
        node[size] = nodeIndex;
        kind[size] = (short) (direction.ordinal() | protocol.ordinal() << 4);
        connection[size] = connectionIndex;
        unit[size] = what;
        return size++;
    }

    // ---------------------------------------------------------------- reading

    public int size() {
        return size;
    }

    public TimelineEvent get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        return new TimelineEvent(this, index);
    }

    /** Every event, as a read-only list view. */
    public List<TimelineEvent> events() {
        return new AbstractList<>() {
            @Override
            public TimelineEvent get(int index) {
                return Timeline.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    public List<String> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    public List<Connection> connections() {
        return Collections.unmodifiableList(connections);
    }

    public Query query() {
        return new Query(this);
    }

    /** A cursor before the first event. */
    public Cursor cursor() {
        return new Cursor(this);
    }

    long timeAt(int i) {
        return time[i];
    }

    int nodeAt(int i) {
        return node[i];
    }

    Direction directionAt(int i) {
        return DIRECTIONS[kind[i] & 0xf];
    }

    Protocol protocolAt(int i) {
        return PROTOCOLS[kind[i] >> 4];
    }

    int connectionAt(int i) {
        return connection[i];
    }

    Unit unitAt(int i) {
        return unit[i];
    }

    List<Unit.Frame> framesOf(int connectionIndex) {
        return framesByConnection.get(connectionIndex);
    }

    FrameDecoder decoder() {
        return decoder;
    }
}
