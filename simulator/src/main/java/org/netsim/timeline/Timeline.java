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

    /**
     * Records, in chunks of {@link #CHUNK} so growing never copies. One record stands for the events of one unit at
     * one node going one way through several layers (Socket.IO, Engine.IO and WebSocket down the stack at once): a
     * bit per protocol in its mask. {@link #get} expands records into one event per protocol.
     */
    private static final int SHIFT = 16;
    private static final int CHUNK = 1 << SHIFT;
    private long[][] time = new long[16][];
    private short[][] node = new short[16][];
    /** direction in bits 0-1, protocol mask in bits 2-13 (bit 2 + ordinal). */
    private short[][] kind = new short[16][];
    private int[][] connection = new int[16][];
    private Unit[][] unit = new Unit[16][];
    /** Index of the record's first event. */
    private int[][] first = new int[16][];
    private int records;
    private int size;
    /** The time of the last record (events never go back in time). */
    private long lastTime = Long.MIN_VALUE;

    /**
     * Wire records keep their frame in {@link #unit} and, in place of the connection (which the frame knows), the
     * number of their hop in these arrays: when the last bit arrives, and the link, the far node and whether the
     * link lost it ({@link #hopMeta}: link in bits 0-15, node in bits 16-30, lost in bit 31). A classroom run has
     * millions of hops; as objects they were a sixth of its memory.
     */
    private final List<String> links = new ArrayList<>();
    private long[][] hopArrival = new long[16][];
    private int[][] hopMeta = new int[16][];
    private int hops;
    private final Unit.Message[] recentMessages = new Unit.Message[16];
    /** The record found last, so stepping through events in order costs no search. */
    private int lastRecord;

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

    /** Registers a link (for wire events) and returns its number. */
    public int addLink(String name) {
        if (links.size() > 0xffff) {
            throw new IllegalStateException("more than 65536 links");
        }
        links.add(name);
        return links.size() - 1;
    }

    /**
     * Appends the wire event of {@code frame} leaving node {@code from} over link {@code link} towards node
     * {@code to}, where its last bit arrives at {@code arrivalNanos} unless the link loses it. Returns its index.
     */
    public int recordWire(long timeNanos, int from, Unit.Frame frame, int link, int to, long arrivalNanos,
                          boolean lost) {
        int c = hops >>> SHIFT;
        int at = hops & (CHUNK - 1);
        if (at == 0) {
            if (c == hopArrival.length) {
                hopArrival = Arrays.copyOf(hopArrival, c * 2);
                hopMeta = Arrays.copyOf(hopMeta, c * 2);
            }
            hopArrival[c] = new long[CHUNK];
            hopMeta[c] = new int[CHUNK];
        }
        if (to > 0x7fff) {
            throw new IllegalStateException("more than 32768 nodes on a wire");
        }
        hopArrival[c][at] = arrivalNanos;
        hopMeta[c][at] = link | to << 16 | (lost ? 1 << 31 : 0);
        return record(timeNanos, from, Direction.WIRE, mask(Protocol.PHYSICAL), hops++, frame);
    }

    /**
     * A WebSocket or HTTP message unit holding {@code buf[0, length)}: the one made for an equal message a moment ago
     * if there was one, else a new one with its own copy. The recipients of a broadcast all read the same bytes, and
     * units never change, so they may share one (a 16-entry cache of recent messages, chosen by hash).
     */
    public Unit.Message message(Protocol protocol, byte[] buf, int length, boolean pollingBody) {
        int h = protocol.hashCode() * 31 + (pollingBody ? 1 : 0);
        for (int i = 0; i < length; i++) {
            h = h * 31 + buf[i];
        }
        int slot = (h ^ h >>> 16) & (recentMessages.length - 1);
        Unit.Message m = recentMessages[slot];
        if (m != null && m.protocol() == protocol && m.pollingBody() == pollingBody
                && Arrays.equals(m.bytes(), 0, m.bytes().length, buf, 0, length)) {
            return m;
        }
        m = new Unit.Message(protocol, Arrays.copyOf(buf, length), pollingBody);
        recentMessages[slot] = m;
        return m;
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
        return record(timeNanos, nodeIndex, direction, mask(protocol), connectionIndex, what);
    }

    /** The mask bit of a protocol, to combine with {@code |} for {@link #record(long, int, Direction, int, int, Unit)}. */
    public static int mask(Protocol p) {
        return 1 << p.ordinal();
    }

    /**
     * Appends one event per protocol in {@code protocols} (a mask of {@link #mask} bits) for the same unit: down the
     * stack from the highest layer, up from the lowest. Returns the index of the first.
     */
    public int record(long timeNanos, int nodeIndex, Direction direction, int protocols, int connectionIndex,
                      Unit what) {
        if (protocols == 0 || protocols >>> PROTOCOLS.length != 0 || nodeIndex > 0xffff || timeNanos < lastTime) {
            refuse(timeNanos, nodeIndex, protocols);
        }
        lastTime = timeNanos;
        int c = records >>> SHIFT;
        int at = records & (CHUNK - 1);
        if (at == 0) {
            newChunk(c);
        }
        time[c][at] = timeNanos;
        node[c][at] = (short) nodeIndex;
        kind[c][at] = (short) (direction.ordinal() | protocols << 2);
        connection[c][at] = connectionIndex;
        unit[c][at] = what;
        first[c][at] = size;
        records++;
        int index = size;
        size += Integer.bitCount(protocols);
        return index;
    }

    private void refuse(long timeNanos, int nodeIndex, int protocols) {
        if (protocols == 0 || protocols >>> PROTOCOLS.length != 0) {
            throw new IllegalArgumentException("no protocol in mask " + protocols);
        }
        if (nodeIndex > 0xffff) {
            throw new IllegalStateException("more than 65536 nodes");
        }
        throw new IllegalStateException("events go forward in time: " + timeNanos + " after " + lastTime);
    }

    /** Room for the records of chunk {@code c} (kept apart so that {@link #record} stays small enough to inline). */
    private void newChunk(int c) {
        if (c == time.length) {
            int n = c * 2;
            time = Arrays.copyOf(time, n);
            node = Arrays.copyOf(node, n);
            kind = Arrays.copyOf(kind, n);
            connection = Arrays.copyOf(connection, n);
            unit = Arrays.copyOf(unit, n);
            first = Arrays.copyOf(first, n);
        }
        time[c] = new long[CHUNK];
        node[c] = new short[CHUNK];
        kind[c] = new short[CHUNK];
        connection[c] = new int[CHUNK];
        unit[c] = new Unit[CHUNK];
        first[c] = new int[CHUNK];
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

    // records

    int records() {
        return records;
    }

    long time(int r) {
        return time[r >>> SHIFT][r & (CHUNK - 1)];
    }

    int node(int r) {
        return node[r >>> SHIFT][r & (CHUNK - 1)] & 0xffff;
    }

    Direction direction(int r) {
        return DIRECTIONS[kind[r >>> SHIFT][r & (CHUNK - 1)] & 0x3];
    }

    int protocols(int r) {
        return (kind[r >>> SHIFT][r & (CHUNK - 1)] & 0xffff) >>> 2;
    }

    int connection(int r) {
        int c = connection[r >>> SHIFT][r & (CHUNK - 1)];
        return isWire(r) ? ((Unit.Frame) unit[r >>> SHIFT][r & (CHUNK - 1)]).connection() : c;
    }

    /** The record's unit; for a wire record the {@link Unit.Hop}, made from the frame and the hop arrays. */
    Unit unit(int r) {
        Unit u = unit[r >>> SHIFT][r & (CHUNK - 1)];
        if (!isWire(r)) {
            return u;
        }
        int h = connection[r >>> SHIFT][r & (CHUNK - 1)];
        int meta = hopMeta[h >>> SHIFT][h & (CHUNK - 1)];
        return new Unit.Hop((Unit.Frame) u, links.get(meta & 0xffff), nodes.get(meta >>> 16 & 0x7fff),
                hopArrival[h >>> SHIFT][h & (CHUNK - 1)], meta < 0);
    }

    /** The frame record {@code r} concerns (for a wire record, the frame on the wire), or {@code null}. */
    Unit.Frame frameOf(int r) {
        Unit u = unit[r >>> SHIFT][r & (CHUNK - 1)];
        return u instanceof Unit.Frame f ? f : null;
    }

    private boolean isWire(int r) {
        return (kind[r >>> SHIFT][r & (CHUNK - 1)] & 0x3) == Direction.WIRE.ordinal();
    }

    int first(int r) {
        return first[r >>> SHIFT][r & (CHUNK - 1)];
    }

    /** The {@code n}-th protocol of record {@code r}: from the top down the stack, from the bottom up it. */
    Protocol protocol(int r, int n) {
        int mask = protocols(r);
        boolean down = direction(r) == Direction.DOWN;
        for (int k = 0; k < PROTOCOLS.length; k++) {
            int ordinal = down ? PROTOCOLS.length - 1 - k : k;
            if ((mask & 1 << ordinal) != 0 && n-- == 0) {
                return PROTOCOLS[ordinal];
            }
        }
        throw new IllegalStateException("record " + r + " has fewer protocols");
    }

    /** The record holding event {@code i}. */
    synchronized int recordOf(int i) {
        int r = lastRecord;
        if (r < records && first(r) <= i && (r + 1 == records || first(r + 1) > i)) {
            return r;
        }
        if (r + 1 < records && first(r + 1) <= i && (r + 2 == records || first(r + 2) > i)) {
            lastRecord = r + 1;
            return r + 1;
        }
        int lo = 0;
        int hi = records - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (first(mid) <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lastRecord = lo;
        return lo;
    }

    // events

    long timeAt(int i) {
        return time(recordOf(i));
    }

    int nodeAt(int i) {
        return node(recordOf(i));
    }

    Direction directionAt(int i) {
        return direction(recordOf(i));
    }

    Protocol protocolAt(int i) {
        int r = recordOf(i);
        return protocol(r, i - first(r));
    }

    int connectionAt(int i) {
        return connection(recordOf(i));
    }

    Unit unitAt(int i) {
        return unit(recordOf(i));
    }

    List<Unit.Frame> framesOf(int connectionIndex) {
        return framesByConnection.get(connectionIndex);
    }

    FrameDecoder decoder() {
        return decoder;
    }
}
