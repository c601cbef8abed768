package org.netsim.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Unit;
import org.netsim.wire.arp.ArpCodec;
import org.netsim.wire.arp.ArpPacket;
import org.netsim.wire.ethernet.EtherType;
import org.netsim.wire.ethernet.EthernetCodec;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ethernet.EthernetLayout;
import org.netsim.wire.ipv4.Ipv4Codec;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/**
 * An IPv4 address on a port, with the ARP cache that maps neighbours' addresses to MAC addresses (RFC 826). A packet
 * for a neighbour whose MAC is unknown waits while an ARP request, an Ethernet broadcast, asks for it; Linux asks up to
 * three times a second apart ({@code mcast_solicit} 3, {@code retrans_time} 1 s) before giving up.
 */
public final class Ipv4Interface {
    static final int ARP_TRIES = 3;
    static final long ARP_RETRY_NANOS = 1_000_000_000L;

    private final Node node;
    private final Port port;
    private final Ipv4Address address;
    private final int prefixLength;
    private final LongMap<MacAddress> cache = new LongMap<>();
    private final Map<Integer, List<Pending>> waiting = new HashMap<>();

    /** A packet waiting for ARP; {@code copyOf} is the frame a router forwards, {@code null} for a host's own. */
    private record Pending(byte[] packet, int connection, Unit.Frame copyOf) {
    }

    Ipv4Interface(Node node, Port port, Ipv4Address address, int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("a prefix length is 0 to 32, not " + prefixLength);
        }
        this.node = node;
        this.port = port;
        this.address = address;
        this.prefixLength = prefixLength;
    }

    public Port port() {
        return port;
    }

    public Ipv4Address address() {
        return address;
    }

    public int prefixLength() {
        return prefixLength;
    }

    /** Whether {@code a} is on this interface's subnet. */
    public boolean onLink(Ipv4Address a) {
        int mask = prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
        return (a.value() & mask) == (address.value() & mask);
    }

    /** The ARP cache: address → MAC, in learning order. */
    public Map<Ipv4Address, MacAddress> arpCache() {
        Map<Ipv4Address, MacAddress> out = new LinkedHashMap<>();
        cache.forEach((ip, mac) -> out.put(new Ipv4Address((int) (long) ip), mac));
        return out;
    }

    /** The MAC address of {@code nextHop} if ARP knows it, else {@code null}. */
    public MacAddress resolved(Ipv4Address nextHop) {
        return cache.get(nextHop.value());
    }

    /** Puts {@code packet} in a frame for {@code mac}. */
    Unit.Frame frame(MacAddress mac, byte[] packet, int connection, Unit.Frame copyOf) {
        byte[] bytes = EthernetCodec.encode(new EthernetHeader(mac, port.mac(), EtherType.IPV4), packet, false);
        return copyOf == null ? node.sim.timeline().newFrame(bytes, connection) : copyOf.copyOf(bytes);
    }

    /** A frame whose payload is already in place after the header: the header is written into it. */
    Unit.Frame frameAround(MacAddress mac, byte[] frame, int connection) {
        EthernetCodec.writeHeader(new EthernetHeader(mac, port.mac(), EtherType.IPV4), frame);
        return node.sim.timeline().newFrame(frame, connection);
    }

    /** Hands a frame to the card, which sends it when the link is free. */
    void transmit(Unit.Frame f) {
        transmit(f, 0);
    }

    /** The same, recording the layers above ({@code above}, a Timeline mask) with Ethernet as one step. */
    void transmit(Unit.Frame f, int above) {
        node.record(Direction.DOWN, above | org.netsim.timeline.Timeline.mask(Protocol.ETHERNET), f.connection(), f);
        if (port.link() == null) {
            node.note(Protocol.ETHERNET, f.connection(), port.name() + " has no link: frame dropped");
            return;
        }
        port.link().transmit(port, f);
    }

    private void emit(MacAddress mac, byte[] packet, int connection, Unit.Frame copyOf) {
        transmit(frame(mac, packet, connection, copyOf));
    }

    /**
     * Sends {@code packet} to {@code nextHop}, after asking ARP for its MAC if need be. {@code copyOf} is the frame a
     * router forwards (its copy keeps the original's connection), {@code null} for a host's own packet.
     */
    void send(Ipv4Address nextHop, byte[] packet, int connection, Unit.Frame copyOf) {
        MacAddress mac = cache.get(nextHop.value());
        if (mac != null) {
            emit(mac, packet, connection, copyOf);
            return;
        }
        List<Pending> queue = waiting.computeIfAbsent(nextHop.value(), k -> new ArrayList<>());
        queue.add(new Pending(packet, connection, copyOf));
        if (queue.size() == 1) {
            node.note(Protocol.ARP, connection, "no ARP entry for " + nextHop + ": the packet waits while ARP asks");
            ask(nextHop, 1);
        }
    }

    private void ask(Ipv4Address target, int attempt) {
        if (!waiting.containsKey(target.value())) {
            return;
        }
        if (attempt > ARP_TRIES) {
            List<Pending> dropped = waiting.remove(target.value());
            node.note(Protocol.ARP, -1, "no ARP reply from " + target + " after " + ARP_TRIES + " requests: "
                    + dropped.size() + " packet(s) dropped (host unreachable)");
            return;
        }
        ArpPacket request = ArpPacket.request(port.mac(), address, target);
        sendArp(MacAddress.BROADCAST, request);
        node.sim.after(ARP_RETRY_NANOS, () -> ask(target, attempt + 1));
    }

    private void sendArp(MacAddress to, ArpPacket p) {
        byte[] bytes = EthernetCodec.encode(new EthernetHeader(to, port.mac(), EtherType.ARP), ArpCodec.encode(p),
                false);
        Unit.Frame f = node.sim.timeline().newFrame(bytes, -1);
        transmit(f, org.netsim.timeline.Timeline.mask(Protocol.ARP));
    }

    /**
     * A frame reached this interface's port. Frames for another MAC are ignored (with a note) and ARP is answered
     * here; returns the IPv4 header of a frame carrying IPv4 for this port, else {@code null}.
     */
    Ipv4Header accept(Unit.Frame frame) {
        byte[] b = frame.bytes();
        long dst = Node.macAt(b, 0);
        if (dst != MacAddress.BROADCAST.value() && dst != port.mac().value()) {
            node.note(Protocol.ETHERNET, frame.connection(), "frame for " + new MacAddress(dst) + " ignored by "
                    + port.name() + ": not its address");
            return null;
        }
        int type = (b[12] & 0xff) << 8 | (b[13] & 0xff);
        int len = b.length - EthernetLayout.HEADER_LENGTH;
        if (type == EtherType.ARP.value()) {
            node.record(Direction.UP, Protocol.ETHERNET, -1, frame);
            ArpPacket arp = ArpCodec.decode(b, EthernetLayout.HEADER_LENGTH, len);
            if (arp != null) {
                receiveArp(frame, arp);
            }
            return null;
        }
        return type == EtherType.IPV4.value() ? Ipv4Codec.readHeader(b, EthernetLayout.HEADER_LENGTH, len) : null;
    }

    /** An ARP packet arrived on this interface's port (RFC 826 "Packet Reception"). */
    private void receiveArp(Unit.Frame frame, ArpPacket p) {
        node.record(Direction.UP, Protocol.ARP, -1, frame);
        boolean forMe = p.targetIp().equals(address);
        // RFC 826: update an existing entry for the sender; add one only if the packet is for us
        if (forMe || cache.containsKey(p.senderIp().value())) {
            learn(p.senderIp(), p.senderMac());
        }
        if (forMe && p.isRequest()) {
            sendArp(p.senderMac(), ArpPacket.reply(port.mac(), address, p.senderMac(), p.senderIp()));
        }
    }

    private void learn(Ipv4Address ip, MacAddress mac) {
        MacAddress old = cache.put(ip.value(), mac);
        if (!mac.equals(old)) {
            node.note(Protocol.ARP, -1, "ARP cache: " + ip + " is at " + mac);
        }
        List<Pending> queue = waiting.remove(ip.value());
        if (queue != null) {
            for (Pending p : queue) {
                emit(mac, p.packet(), p.connection(), p.copyOf());
            }
        }
    }
}
