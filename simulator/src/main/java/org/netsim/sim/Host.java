package org.netsim.sim;

import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;
import org.netsim.wire.ethernet.EthernetLayout;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.IpProtocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.ipv4.Ipv4Reassembler;
import org.netsim.wire.tcp.TcpCodec;
import org.netsim.wire.tcp.TcpHeader;

/**
 * A computer with one network card: Ethernet, ARP, IPv4 (with a default gateway and reassembly of fragments) and TCP.
 * Programs (a Socket.IO server or client) use its {@link #tcp()} and record their own layers' events through
 * {@link #record}.
 */
public final class Host extends Node {
    /** Linux's default TTL (net.ipv4.ip_default_ttl). */
    static final int TTL = 64;

    private final Network network;
    private final Port port;
    private final Ipv4Interface ip;
    private final Ipv4Address gateway;
    private final TcpStack tcp;
    private final Ipv4Reassembler reassembler = new Ipv4Reassembler();
    private boolean dontFragment = true;
    private int ttl = TTL;
    private long readRate;

    Host(Network network, String name, MacAddress mac, Ipv4Address address, int prefixLength, Ipv4Address gateway) {
        super(network.sim(), name);
        this.network = network;
        this.port = addPort(new Port(this, name + " eth0", mac));
        this.ip = new Ipv4Interface(this, port, address, prefixLength);
        this.gateway = gateway;
        this.tcp = new TcpStack(this);
    }

    public Network network() {
        return network;
    }

    public Port port() {
        return port;
    }

    public Ipv4Address address() {
        return ip.address();
    }

    public Ipv4Interface ipv4() {
        return ip;
    }

    public Ipv4Address gateway() {
        return gateway;
    }

    public TcpStack tcp() {
        return tcp;
    }

    /**
     * Whether IPv4 packets leave with Don't Fragment set: true as on Linux (path MTU discovery); false as with
     * {@code net.ipv4.ip_no_pmtu_disc=1}, which lets a router with a smaller MTU fragment them.
     */
    public void dontFragment(boolean df) {
        this.dontFragment = df;
    }

    /** The TTL of the packets this host sends (Linux's net.ipv4.ip_default_ttl, 64 unless set), 1 to 255. */
    public void ttl(int ttl) {
        if (ttl < 1 || ttl > 255) {
            throw new IllegalArgumentException("a TTL is 1 to 255, not " + ttl);
        }
        this.ttl = ttl;
    }

    /**
     * How fast the programs on this host read what their TCP connections receive, in bits per second; 0 (the
     * default): they read everything at once, so the receive buffers stay empty and the window stays open. Applies
     * to connections opened after the call.
     */
    public void readRate(long bitsPerSecond) {
        if (bitsPerSecond < 0) {
            throw new IllegalArgumentException("a read rate is not negative: " + bitsPerSecond);
        }
        this.readRate = bitsPerSecond;
    }

    public long readRate() {
        return readRate;
    }

    /** Records an event of a program running on this host (Socket.IO, Engine.IO, WebSocket, HTTP). */
    public void record(Direction d, Protocol p, int connection, Unit u) {
        super.record(d, p, connection, u);
    }

    /** Records the events of several layers of a program on this host at once (a Timeline mask). */
    public void record(Direction d, int protocols, int connection, Unit u) {
        super.record(d, protocols, connection, u);
    }

    @Override
    public void note(Protocol p, int connection, String text) {
        super.note(p, connection, text);
    }

    // ---------------------------------------------------------------- down

    /** TCP hands a segment down: IPv4 wraps it, ARP finds the next hop, Ethernet frames it. */
    void sendTcp(TcpConnection c, TcpHeader h, byte[] data, int off, int len, int ipId) {
        int conn = c.index();
        Ipv4Header iph = Ipv4Header.builder()
                .identification(ipId)
                .dontFragment(dontFragment)
                .ttl(ttl)
                .protocol(IpProtocol.TCP)
                .source(address())
                .destination(c.remoteIp())
                .build();
        Ipv4Address nextHop = ip.onLink(c.remoteIp()) ? c.remoteIp() : gateway;
        MacAddress mac = nextHop == null ? null : ip.resolved(nextHop);
        if (mac != null) {
            // segment, datagram and frame are written into the one array the frame keeps
            int ipLength = Ipv4Codec.headerLength(iph) + TcpCodec.headerLength(h) + len;
            byte[] frame = new byte[Math.max(EthernetLayout.HEADER_LENGTH + ipLength,
                    EthernetLayout.MIN_FRAME_WITHOUT_FCS)];
            writePacket(c, h, data, off, len, iph, frame, EthernetLayout.HEADER_LENGTH);
            Unit.Frame f = ip.frameAround(mac, frame, conn);
            ip.transmit(f, Timeline.mask(Protocol.TCP) | Timeline.mask(Protocol.IPV4));
            return;
        }
        byte[] packet = new byte[Ipv4Codec.headerLength(iph) + TcpCodec.headerLength(h) + len];
        writePacket(c, h, data, off, len, iph, packet, 0);
        Unit.Packet u = new Unit.Packet(packet, conn);
        record(Direction.DOWN, Protocol.TCP, conn, u);
        if (nextHop == null) {
            note(Protocol.IPV4, conn, c.remoteIp() + " is not on this subnet and there is no default gateway: "
                    + "network unreachable");
            return;
        }
        record(Direction.DOWN, Protocol.IPV4, conn, u);
        ip.send(nextHop, packet, conn, null);
    }

    private void writePacket(TcpConnection c, TcpHeader h, byte[] data, int off, int len, Ipv4Header iph, byte[] out,
                             int at) {
        int ipHeader = Ipv4Codec.headerLength(iph);
        int segment = TcpCodec.headerLength(h) + len;
        TcpCodec.writeSegment(h, data, off, len, address(), c.remoteIp(), out, at + ipHeader, true, true);
        Ipv4Codec.writeHeader(iph, segment, out, at, true, true);
    }

    // ---------------------------------------------------------------- up

    @Override
    protected void receive(Port in, Unit.Frame frame) {
        Ipv4Header h = ip.accept(frame);
        if (h == null) {
            return;
        }
        byte[] b = frame.bytes();
        int len = b.length - EthernetLayout.HEADER_LENGTH;
        int conn = frame.connection();
        int ethIp = Timeline.mask(Protocol.ETHERNET) | Timeline.mask(Protocol.IPV4);
        boolean direct = !h.isFragment() && h.destination().equals(address())
                && h.protocol().value() == IpProtocol.TCP.value();
        if (!direct) {
            record(Direction.UP, ethIp, conn, frame);
        }
        if (!h.destination().equals(address())) {
            note(Protocol.IPV4, conn, "packet for " + h.destination() + " dropped: this host does not forward");
            return;
        }
        // the packet is read where it lies in the frame; only fragments are copied out, to be put back together
        byte[] packet = b;
        int start = EthernetLayout.HEADER_LENGTH;
        int packetLength = Math.min(len, h.totalLength());
        Unit unit = frame;
        if (h.isFragment()) {
            var whole = reassembler.accept(java.util.Arrays.copyOfRange(b, start, start + packetLength));
            if (whole.isEmpty()) {
                note(Protocol.IPV4, conn, "fragment at offset " + h.fragmentOffsetBytes() + " kept until the rest "
                        + "arrives");
                return;
            }
            packet = whole.get();
            start = 0;
            packetLength = packet.length;
            unit = new Unit.Packet(packet, conn);
            note(Protocol.IPV4, conn, "fragments of packet " + h.identification() + " put back together: "
                    + packet.length + " bytes");
        }
        if (h.protocol().value() != IpProtocol.TCP.value()) {
            return;
        }
        int hl = h.headerLength();
        TcpHeader th = TcpCodec.readHeader(packet, start + hl, packetLength - hl);
        if (th == null) {
            return;
        }
        if (direct) {
            record(Direction.UP, ethIp | Timeline.mask(Protocol.TCP), conn, unit);
        } else {
            record(Direction.UP, Protocol.TCP, conn, unit);
        }
        int payloadOffset = start + hl + th.headerLength();
        tcp.receive(h.source(), th, packet, payloadOffset, start + packetLength - payloadOffset);
    }
}
