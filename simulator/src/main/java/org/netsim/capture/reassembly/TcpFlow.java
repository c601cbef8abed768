package org.netsim.capture.reassembly;

import java.util.ArrayList;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv6.Ipv6Address;

/**
 * One direction of a TCP connection seen in a capture: the byte stream one end sent (RFC 9293 §3.4, "Sequence
 * Numbers"). {@link TcpReassembler} keeps where the stream stands (the next sequence number it expects), the segments
 * that arrived ahead of a hole, and whether the stream has ended.
 *
 * <p>The application layer can hang its own state on the connection ({@link #state()}), shared by both directions,
 * so that decoding a segment needs no second lookup.
 */
public final class TcpFlow {
    /** How a flow ended. */
    public enum End {
        /** The sender's FIN was reached: every byte before it has been delivered (RFC 9293 §3.6). */
        FIN,
        /** A RST aborted the connection (RFC 9293 §3.5.2). */
        RESET,
        /** The capture ended first. */
        CAPTURE_END
    }

    /** A segment that arrived ahead of the next expected byte. */
    static final class Held {
        final long abs;
        final byte[] data;
        final long frame;
        final long time;

        Held(long abs, byte[] data, long frame, long time) {
            this.abs = abs;
            this.data = data;
            this.frame = frame;
            this.time = time;
        }

        long end() {
            return abs + data.length;
        }
    }

    private final int sourceIp;
    private final int sourcePort;
    private final int destinationIp;
    private final int destinationPort;
    /** The addresses of an IPv6 connection; {@code null} for IPv4. */
    private final Ipv6Address sourceIp6;
    private final Ipv6Address destinationIp6;
    private String source;
    private String destination;
    final Connections.Connection connection;
    TcpFlow reverse;

    // Where the stream stands. Sequence numbers wrap at 2^32 (RFC 9293 §3.4); positions are kept as 64-bit byte
    // counts from the start of the stream ("abs"), and a sequence number is placed by its signed 32-bit distance
    // from the next expected one.
    boolean synced;
    boolean initiator;
    long next;
    long nextAbs;
    long finAbs = -1;
    long ackedAbs = -1;
    long ackOverHoleFrame = -1;
    long holeSinceFrame;
    boolean ended;
    final ArrayList<Held> held = new ArrayList<>(0);
    int heldBytes;

    TcpFlow(Connections.Connection connection, int sourceIp, int sourcePort, int destinationIp,
            int destinationPort) {
        this.connection = connection;
        this.sourceIp = sourceIp;
        this.sourcePort = sourcePort;
        this.destinationIp = destinationIp;
        this.destinationPort = destinationPort;
        this.sourceIp6 = null;
        this.destinationIp6 = null;
    }

    TcpFlow(Connections.Connection connection, Ipv6Address sourceIp, int sourcePort, Ipv6Address destinationIp,
            int destinationPort) {
        this.connection = connection;
        this.sourceIp = 0;
        this.sourcePort = sourcePort;
        this.destinationIp = 0;
        this.destinationPort = destinationPort;
        this.sourceIp6 = sourceIp;
        this.destinationIp6 = destinationIp;
    }

    /** The sender as {@code ip:port}, an IPv6 address in brackets ({@code [::1]:3000}, RFC 5952 §6). */
    public String source() {
        if (source == null) {
            source = endpoint(sourceIp, sourceIp6, sourcePort);
        }
        return source;
    }

    /** The receiver as {@code ip:port}. */
    public String destination() {
        if (destination == null) {
            destination = endpoint(destinationIp, destinationIp6, destinationPort);
        }
        return destination;
    }

    private static String endpoint(int ip, Ipv6Address ip6, int port) {
        return ip6 != null ? "[" + ip6 + "]:" + port : new Ipv4Address(ip) + ":" + port;
    }

    /** Whether the connection runs over IPv6 (then {@link #sourceIpv6()} and {@link #destinationIpv6()} hold it). */
    public boolean isIpv6() {
        return sourceIp6 != null;
    }

    /** The sender's IPv6 address, or {@code null} on an IPv4 connection. */
    public Ipv6Address sourceIpv6() {
        return sourceIp6;
    }

    public Ipv6Address destinationIpv6() {
        return destinationIp6;
    }

    /** The sender's IPv4 address (0 on an IPv6 connection). */
    public int sourceIp() {
        return sourceIp;
    }

    public int sourcePort() {
        return sourcePort;
    }

    public int destinationIp() {
        return destinationIp;
    }

    public int destinationPort() {
        return destinationPort;
    }

    /** The other direction of the same connection. */
    public TcpFlow reverse() {
        return reverse;
    }

    /** This end sent the connection's first SYN (without ACK): it is the client. False if no handshake was seen. */
    public boolean isInitiator() {
        return initiator;
    }

    /** Whether the connection's opening handshake was in the capture (a SYN in either direction). */
    public boolean handshakeSeen() {
        return connection.handshakeSeen;
    }

    /** Bytes of this stream delivered so far, gaps included. */
    public long position() {
        return nextAbs;
    }

    /** A number for the connection, counting from 1 in the order connections first appear. */
    public long connectionId() {
        return connection.id;
    }

    /** The application layer's state for this connection (both directions share it), or {@code null}. */
    public Object state() {
        return connection.state;
    }

    public void state(Object state) {
        connection.state = state;
    }

    @Override
    public String toString() {
        return source() + " → " + destination();
    }
}
