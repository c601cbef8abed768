package org.netsim.sim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpHeader;

/**
 * Two hosts on one cable, a client "a" (10.0.0.1) and a server "b" (10.0.0.2) listening on port 80, and what crossed
 * the cable: the TCP segments each sent, decoded from the frames on the wire. Frame numbers on the cable (for
 * {@code drop}): 1 ARP request, 2 ARP reply, 3 SYN, 4 SYN-ACK, 5 ACK, then the data.
 */
final class TcpPair {
    static final long START = 1_000_000_000_000L;
    static final int PORT = 80;

    final Network net;
    final Host a;
    final Host b;
    final Program client = new Program();
    final Program server = new Program();
    TcpConnection clientConnection;

    /** One segment as it left a host. */
    record Segment(long time, String from, TcpHeader h, int length, boolean lost) {
        boolean pureAck() {
            return length == 0 && !h.flags().syn() && !h.flags().fin() && h.flags().ack();
        }
    }

    /** A program that records what it hears and can react. */
    static final class Program implements TcpApplication {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        TcpConnection connection;
        Consumer<TcpConnection> onConnected = c -> { };
        Consumer<TcpConnection> onPeerClosed = c -> { };
        boolean closed;

        @Override
        public void connected(TcpConnection c) {
            connection = c;
            onConnected.accept(c);
        }

        @Override
        public void received(TcpConnection c, byte[] data) {
            received.writeBytes(data);
        }

        @Override
        public void peerClosed(TcpConnection c) {
            onPeerClosed.accept(c);
        }

        @Override
        public void closed(TcpConnection c) {
            closed = true;
        }
    }

    TcpPair(LinkConfig cable) {
        this(cable, 0);
    }

    /** @param serverReadRate how fast the server's program reads (0: at once) */
    TcpPair(LinkConfig cable, long serverReadRate) {
        net = new Network(1, START);
        a = net.addHost("a", new MacAddress(0x02_00_00_00_00_01L), Ipv4Address.parse("10.0.0.1"), 24, null);
        b = net.addHost("b", new MacAddress(0x02_00_00_00_00_02L), Ipv4Address.parse("10.0.0.2"), 24, null);
        b.readRate(serverReadRate);
        net.connect("cable", a.port(), b.port(), cable);
        b.tcp().listen(PORT, c -> {
            server.connection = c;
            return server;
        });
    }

    /** A cable of 100 Mb/s with {@code delayNanos} propagation that loses the frames numbered {@code drop}. */
    static LinkConfig cable(long delayNanos, Integer... drop) {
        return new LinkConfig(100_000_000L, delayNanos, 1500, 0, Set.of(drop));
    }

    TcpPair connect() {
        clientConnection = a.tcp().connect(b.address(), PORT, "test", client);
        return this;
    }

    void runFor(long nanos) {
        net.runUntil(net.sim().now() + nanos);
    }

    void at(long offsetNanos, Runnable r) {
        net.sim().at(START + offsetNanos, r);
    }

    /** Every TCP segment sent on the cable, in order. */
    List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (TimelineEvent e : net.timeline().query().direction(Direction.WIRE).list()) {
            byte[] f = e.frameBytes();
            if ((f[12] & 0xff) != 0x08 || f[13] != 0 || f[23] != 6) {
                continue; // not IPv4 carrying TCP (ARP)
            }
            int ipTotal = (f[16] & 0xff) << 8 | (f[17] & 0xff);
            int ihl = (f[14] & 0x0f) * 4;
            TcpHeader h = TcpCodec.readHeader(f, 14 + ihl, ipTotal - ihl);
            out.add(new Segment(e.timeNanos(), e.node(), h, ipTotal - ihl - h.headerLength(), e.lost()));
        }
        return out;
    }

    List<Segment> from(String host) {
        return segments().stream().filter(s -> s.from().equals(host)).toList();
    }

    /** The TCP notes (states and what happened) a host wrote, in order. */
    List<String> notes(String host) {
        return net.timeline().query().node(host).direction(Direction.STATE).protocol(Protocol.TCP).list().stream()
                .map(TimelineEvent::description).toList();
    }

    List<TimelineEvent> noteEvents(String host, String containing) {
        return net.timeline().query().node(host).direction(Direction.STATE).protocol(Protocol.TCP).list().stream()
                .filter(e -> e.description().contains(containing)).toList();
    }

    /** The TCP states a host's connection went through, in order. */
    List<String> states(String host) {
        List<String> names = new ArrayList<>();
        for (TcpState s : TcpState.values()) {
            names.add(s.name());
        }
        return notes(host).stream().filter(names::contains).toList();
    }

    /** Our sequence number relative to the sender's initial one, as Wireshark shows it. */
    static long relative(long seq, long isn) {
        return (seq - isn) & 0xffffffffL;
    }

    static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 251);
        }
        return b;
    }
}
