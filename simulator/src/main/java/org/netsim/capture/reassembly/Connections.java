package org.netsim.capture.reassembly;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netsim.wire.ipv6.Ipv6Address;

/**
 * The connections {@link TcpReassembler} knows, by their two endpoints whichever way a segment travels: IPv4 ones in
 * a {@link ConnectionTable} (a lookup per frame allocates nothing: the decoder's fast path), IPv6 ones in a map keyed
 * by both addresses and ports. A finished connection stays known for a while, so that late duplicates of its
 * segments are recognised; after {@code recentlyClosed} later ones have finished it is forgotten, so memory stays
 * bounded however long the capture.
 */
final class Connections {
    /** Both directions of one connection. */
    static final class Connection {
        final long id;
        final TcpFlow a;
        final TcpFlow b;
        Object state;
        boolean handshakeSeen;
        boolean closed;

        Connection(long id, int ipA, int portA, int ipB, int portB) {
            this.id = id;
            a = new TcpFlow(this, ipA, portA, ipB, portB);
            b = new TcpFlow(this, ipB, portB, ipA, portA);
            a.reverse = b;
            b.reverse = a;
        }

        Connection(long id, Ipv6Address ipA, int portA, Ipv6Address ipB, int portB) {
            this.id = id;
            a = new TcpFlow(this, ipA, portA, ipB, portB);
            b = new TcpFlow(this, ipB, portB, ipA, portA);
            a.reverse = b;
            b.reverse = a;
        }

        boolean isIpv6() {
            return a.isIpv6();
        }
    }

    /** An IPv6 connection's endpoints, the lower (address, port) first. */
    private record Key6(Ipv6Address a, int portA, Ipv6Address b, int portB) {
        static Key6 of(Ipv6Address x, int portX, Ipv6Address y, int portY) {
            int c = Long.compareUnsigned(x.high(), y.high());
            if (c == 0) {
                c = Long.compareUnsigned(x.low(), y.low());
            }
            if (c == 0) {
                c = Integer.compare(portX, portY);
            }
            return c <= 0 ? new Key6(x, portX, y, portY) : new Key6(y, portY, x, portX);
        }
    }

    private final ConnectionTable v4 = new ConnectionTable();
    private final Map<Key6, Connection> v6 = new HashMap<>();
    private final ArrayDeque<Connection> closed = new ArrayDeque<>();
    private final int recentlyClosed;
    private long opened;

    Connections(int recentlyClosed) {
        this.recentlyClosed = recentlyClosed;
    }

    Connection get(int srcIp, int srcPort, int dstIp, int dstPort) {
        return v4.get(srcIp, srcPort, dstIp, dstPort);
    }

    Connection get(Ipv6Address src, int srcPort, Ipv6Address dst, int dstPort) {
        return v6.isEmpty() ? null : v6.get(Key6.of(src, srcPort, dst, dstPort));
    }

    /** A new connection, its first direction {@code src → dst}. */
    Connection open(int srcIp, int srcPort, int dstIp, int dstPort) {
        Connection c = new Connection(++opened, srcIp, srcPort, dstIp, dstPort);
        v4.put(srcIp, srcPort, dstIp, dstPort, c);
        return c;
    }

    Connection open(Ipv6Address src, int srcPort, Ipv6Address dst, int dstPort) {
        Connection c = new Connection(++opened, src, srcPort, dst, dstPort);
        v6.put(Key6.of(src, srcPort, dst, dstPort), c);
        return c;
    }

    /** Forgets {@code c}, if it is still the connection known for its endpoints. */
    void forget(Connection c) {
        TcpFlow f = c.a;
        if (c.isIpv6()) {
            v6.remove(Key6.of(f.sourceIpv6(), f.sourcePort(), f.destinationIpv6(), f.destinationPort()), c);
        } else if (v4.get(f.sourceIp(), f.sourcePort(), f.destinationIp(), f.destinationPort()) == c) {
            v4.remove(f.sourceIp(), f.sourcePort(), f.destinationIp(), f.destinationPort());
        }
    }

    /** Both directions of {@code c} ended: kept for late duplicates until enough later ones have finished. */
    void finished(Connection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        c.state = null;
        closed.add(c);
        while (closed.size() > recentlyClosed) {
            forget(closed.poll());
        }
    }

    /** Every connection known, in the order they were opened. */
    List<Connection> all() {
        List<Connection> out = v4.values();
        out.addAll(v6.values());
        out.sort((x, y) -> Long.compare(x.id, y.id));
        return out;
    }

    long opened() {
        return opened;
    }

    int size() {
        return v4.size() + v6.size();
    }
}
