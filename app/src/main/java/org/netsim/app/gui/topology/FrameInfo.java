package org.netsim.app.gui.topology;

import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.sim.Network;
import org.netsim.wire.arp.ArpPacket;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * What the topology shows of one frame: the protocol whose colour it wears (its innermost layer), a short label
 * ({@code ARP request}, {@code TCP SYN}, {@code Socket.IO "chat" ["hi"]}), whether it is an Ethernet broadcast, the
 * Socket.IO packet it carries (to group one Socket.IO broadcast's unicast copies) and where its IPv4 packet goes.
 *
 * @param top       the innermost protocol, not counting undissected data
 * @param label     the short label
 * @param broadcast whether the destination MAC is ff:ff:ff:ff:ff:ff
 * @param socketIo  the Socket.IO packet's summary, or null
 * @param sourceHost      the node owning the IPv4 source address (or the ARP sender), or null
 * @param destinationHost the node owning the IPv4 destination address, or null
 */
record FrameInfo(Protocol top, String label, boolean broadcast, String socketIo, String sourceHost,
                 String destinationHost) {
    /** Labels stay short enough to ride on a frame in the drawing. */
    static final int MAX_LABEL = 26;

    static FrameInfo of(Pdu whole, Network network) {
        Pdu deepest = whole;
        while (!deepest.children().isEmpty() && deepest.children().get(0).protocol() != Protocol.DATA) {
            deepest = deepest.children().get(0);
        }
        boolean broadcast = whole.find(Protocol.ETHERNET).flatMap(p -> p.header(EthernetHeader.class))
                .map(h -> h.destination().isBroadcast()).orElse(false);
        String socketIo = whole.find(Protocol.SOCKETIO).map(Pdu::summary).orElse(null);
        String src = null;
        String dst = null;
        Ipv4Header ip = whole.find(Protocol.IPV4).flatMap(p -> p.header(Ipv4Header.class)).orElse(null);
        if (ip != null) {
            src = network.nameOf(ip.source());
            dst = network.nameOf(ip.destination());
        }
        ArpPacket arp = whole.find(Protocol.ARP).flatMap(p -> p.header(ArpPacket.class)).orElse(null);
        if (arp != null) {
            src = network.nameOf(arp.senderIp());
            dst = network.nameOf(arp.targetIp());
        }
        return new FrameInfo(deepest.protocol(), cut(label(deepest, whole)), broadcast, socketIo, src, dst);
    }

    /**
     * The innermost protocol's name, then what it says: the label names the protocol whose colour the frame wears, so
     * colour and text always agree.
     */
    private static String label(Pdu deepest, Pdu whole) {
        String title = deepest.protocol().title();
        switch (deepest.protocol()) {
            case ARP:
                return deepest.header(ArpPacket.class).map(a -> a.isRequest() ? "ARP request" : "ARP reply")
                        .orElse(title);
            case TCP:
                return deepest.header(TcpHeader.class).map(h -> title + " " + h.flags().label()
                        .replace("[", "").replace("]", "").replace(", ", "/")).orElse(title);
            case WEBSOCKET:
                return whole.find(Protocol.WEBSOCKET).flatMap(p -> p.header(WebSocketFrame.class))
                        .map(ws -> title + " " + ws.opcode().label()).orElse(title);
            case SOCKETIO:
                // an event is the packet students send: its name in quotes says it; other types keep their type
                String summary = deepest.summary();
                return title + " " + (summary.startsWith("EVENT ") ? summary.substring(6) : summary);
            default:
                return deepest.summary().isEmpty() ? title : title + " " + deepest.summary();
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "\u2026";
    }
}
