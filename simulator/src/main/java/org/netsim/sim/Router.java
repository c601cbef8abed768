package org.netsim.sim;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.Unit;
import org.netsim.wire.ethernet.EthernetLayout;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.FragmentResult;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Fragmenter;
import org.netsim.wire.ipv4.Ipv4Header;

/**
 * An IPv4 router between directly connected subnets (RFC 1812): it takes a frame addressed to its own MAC, decrements
 * the packet's TTL (recomputing the header checksum), picks the interface whose subnet holds the destination, finds the
 * next hop's MAC with ARP and sends the packet in a new frame with its own MAC as the source. A packet bigger than the
 * outgoing link's MTU is fragmented if DF allows it (RFC 791). ICMP is not simulated: a packet whose TTL runs out or
 * that needs fragmenting with DF set is dropped with a note saying which ICMP message a real router would send.
 */
public final class Router extends Node {
    private final Network network;
    private final List<Ipv4Interface> interfaces = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();

    /** A static route: packets for {@code network/prefixLength} go to the neighbour router {@code via}. */
    public record Route(Ipv4Address network, int prefixLength, Ipv4Address via) {
        boolean matches(Ipv4Address a) {
            int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
            return (a.value() & mask) == (network.value() & mask);
        }
    }

    Router(Network network, String name) {
        super(network.sim(), name);
        this.network = network;
    }

    /** Adds an interface on a subnet; returns its port, to plug a link into. */
    public Port addInterface(MacAddress mac, Ipv4Address address, int prefixLength) {
        Port p = addPort(new Port(this, name() + " eth" + interfaces.size(), mac));
        interfaces.add(new Ipv4Interface(this, p, address, prefixLength));
        network.registerAddress(address, name());
        return p;
    }

    /** Adds a static route (a subnet behind another router); directly connected subnets need none. */
    public void addRoute(Route r) {
        routes.add(r);
    }

    public List<Ipv4Interface> interfaces() {
        return List.copyOf(interfaces);
    }

    @Override
    protected void receive(Port in, Unit.Frame frame) {
        Ipv4Header h = interfaceOf(in).accept(frame);
        if (h == null) {
            return;
        }
        byte[] b = frame.bytes();
        int len = b.length - EthernetLayout.HEADER_LENGTH;
        int conn = frame.connection();
        record(Direction.UP, Timeline.mask(Protocol.ETHERNET) | Timeline.mask(Protocol.IPV4), conn, frame);
        for (Ipv4Interface i : interfaces) {
            if (i.address().equals(h.destination())) {
                note(Protocol.IPV4, conn, "packet for the router itself ignored: it runs no services");
                return;
            }
        }
        Ipv4Address nextHop = h.destination();
        Ipv4Interface out = onLink(nextHop);
        if (out == null) {
            for (Route r : routes) {
                if (r.matches(h.destination())) {
                    nextHop = r.via();
                    out = onLink(nextHop);
                    break;
                }
            }
        }
        if (out == null) {
            note(Protocol.IPV4, conn, "no route to " + h.destination() + ": dropped (a real router would send ICMP "
                    + "destination unreachable)");
            return;
        }
        if (h.ttl() <= 1) {
            note(Protocol.IPV4, conn, "TTL ran out: dropped (a real router would send ICMP time exceeded)");
            return;
        }
        int hl = h.headerLength();
        int total = Math.min(len, h.totalLength());
        byte[] payload = java.util.Arrays.copyOfRange(b, EthernetLayout.HEADER_LENGTH + hl,
                EthernetLayout.HEADER_LENGTH + total);
        Ipv4Header forwarded = h.toBuilder().ttl(h.ttl() - 1).build();
        FragmentResult pieces = Ipv4Fragmenter.fragment(forwarded, payload, out.port().mtu());
        if (pieces.error() != null) {
            note(Protocol.IPV4, conn, total + "-byte packet does not fit the " + out.port().mtu() + "-byte MTU of "
                    + out.port().name() + " and " + pieces.error() + ": dropped (a real router would send ICMP "
                    + "fragmentation needed)");
            return;
        }
        List<byte[]> packets = pieces.packets();
        note(Protocol.IPV4, conn, "forward to " + h.destination() + " out of " + out.port().name()
                + (nextHop.equals(h.destination()) ? "" : " via router " + nextHop) + ", TTL "
                + h.ttl() + " \u2192 " + (h.ttl() - 1)
                + (packets.size() > 1 ? ", in " + packets.size() + " fragments (MTU " + out.port().mtu() + ")" : ""));
        for (byte[] p : packets) {
            forward(out, nextHop, p, frame);
        }
    }

    private Ipv4Interface onLink(Ipv4Address a) {
        for (Ipv4Interface i : interfaces) {
            if (i.onLink(a)) {
                return i;
            }
        }
        return null;
    }

    private void forward(Ipv4Interface out, Ipv4Address destination, byte[] packet, Unit.Frame original) {
        MacAddress mac = out.resolved(destination);
        int conn = original.connection();
        if (mac != null) {
            Unit.Frame f = out.frame(mac, packet, conn, original);
            record(Direction.DOWN, Protocol.IPV4, conn, f);
            out.transmit(f);
        } else {
            record(Direction.DOWN, Protocol.IPV4, conn, new Unit.Packet(packet, conn));
            out.send(destination, packet, conn, original);
        }
    }

    private Ipv4Interface interfaceOf(Port p) {
        for (Ipv4Interface i : interfaces) {
            if (i.port() == p) {
                return i;
            }
        }
        throw new IllegalStateException(p + " is not one of " + name() + "'s interfaces");
    }
}
