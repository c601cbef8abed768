package org.netsim.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.netsim.pdu.Protocol;
import org.netsim.random.RandomSource;
import org.netsim.timeline.Connection;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/** A host's TCP: its listening ports, its connections, and the choice of ephemeral ports. */
public final class TcpStack {
    /** Linux's default net.ipv4.ip_local_port_range. */
    static final int EPHEMERAL_LOW = 32768;
    static final int EPHEMERAL_HIGH = 60999;

    private final Host host;
    private final RandomSource random;
    private final Map<Integer, Function<TcpConnection, TcpApplication>> listeners = new HashMap<>();
    private final LongMap<TcpConnection> connections = new LongMap<>();
    private int nextPort;

    TcpStack(Host host) {
        this.host = host;
        this.random = host.sim.random(host.name() + " tcp");
        // connect() on Linux 6.x picks an even port from a random start (the odd ones are left for bind())
        this.nextPort = (EPHEMERAL_LOW + random.nextInt(EPHEMERAL_HIGH - EPHEMERAL_LOW)) & ~1;
    }

    Host host() {
        return host;
    }

    Simulator sim() {
        return host.sim;
    }

    RandomSource random() {
        return random;
    }

    long startNanos() {
        return host.network().startNanos();
    }

    /** Our MSS: the link's MTU less 40 bytes of IPv4 and TCP headers. */
    int mss() {
        return host.port().mtu() - 40;
    }

    /** Accepts connections on {@code port}; {@code accept} gives each new connection its application. */
    public void listen(int port, Function<TcpConnection, TcpApplication> accept) {
        listeners.put(port, accept);
        host.note(Protocol.TCP, -1, "LISTEN on port " + port);
    }

    /** Opens a connection to {@code ip:port} ({@code purpose} names it in the timeline). */
    public TcpConnection connect(Ipv4Address ip, int port, String purpose, TcpApplication app) {
        int local = nextPort;
        nextPort = nextPort + 2 > EPHEMERAL_HIGH ? EPHEMERAL_LOW : nextPort + 2;
        Connection c = host.network().registerConnection(host.name(), host.address(), local, ip, port, purpose);
        TcpConnection conn = new TcpConnection(this, c.index(), true, host.address(), local, ip, port);
        conn.setApplication(app);
        programReads(conn);
        connections.put(key(ip, port, local), conn);
        conn.open();
        return conn;
    }

    private void programReads(TcpConnection c) {
        if (host.readRate() > 0) {
            c.readRate(host.readRate());
        }
    }

    void remove(TcpConnection c) {
        connections.remove(key(c.remoteIp(), c.remotePort(), c.localPort()));
    }

    /** A segment for this host arrived. */
    void receive(Ipv4Address src, TcpHeader h, byte[] packet, int payloadOffset, int payloadLength) {
        long k = key(src, h.sourcePort(), h.destinationPort());
        TcpConnection c = connections.get(k);
        if (c != null) {
            c.segment(h, packet, payloadOffset, payloadLength);
            return;
        }
        Function<TcpConnection, TcpApplication> listener = listeners.get(h.destinationPort());
        TcpFlags f = h.flags();
        if (listener != null && f.syn() && !f.ack()) {
            int index = host.network().connectionIndex(src, h.sourcePort(), host.address(), h.destinationPort());
            TcpConnection conn = new TcpConnection(this, index, false, host.address(), h.destinationPort(), src,
                    h.sourcePort());
            connections.put(k, conn);
            programReads(conn);
            conn.setApplication(listener.apply(conn));
            conn.accept(h);
            return;
        }
        if (!f.rst()) {
            host.note(Protocol.TCP, -1, "no connection for a segment from " + src + ":" + h.sourcePort()
                    + " to port " + h.destinationPort() + ": ignored (Linux would answer RST)");
        }
    }

    private static long key(Ipv4Address remote, int remotePort, int localPort) {
        return (remote.value() & 0xffffffffL) << 32 | (long) remotePort << 16 | localPort;
    }
}
