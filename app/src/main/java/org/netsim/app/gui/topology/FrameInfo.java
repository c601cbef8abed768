package org.netsim.app.gui.topology;

import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;
import org.netsim.sim.Network;
import org.netsim.wire.arp.ArpPacket;
import org.netsim.wire.ethernet.EthernetHeader;
import org.netsim.wire.ipv4.Ipv4Header;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.websocket.Opcode;
import org.netsim.wire.websocket.WebSocketFrame;

/**
 * What the topology shows of one frame: the protocol whose colour it wears (its innermost layer), a short label
 * ({@code ARP request}, {@code TCP SYN}, {@code WS 42["chat","hi"]}), whether it is an Ethernet broadcast, the
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
    static final int MAX_LABEL = 18;

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

    private static String label(Pdu deepest, Pdu whole) {
        WebSocketFrame ws = whole.find(Protocol.WEBSOCKET).flatMap(p -> p.header(WebSocketFrame.class)).orElse(null);
        switch (deepest.protocol()) {
            case ARP:
                return deepest.header(ArpPacket.class).map(a -> a.isRequest() ? "ARP request" : "ARP reply")
                        .orElse("ARP");
            case TCP:
                return "TCP " + deepest.header(TcpHeader.class).map(h -> h.flags().label()
                        .replace("[", "").replace("]", "").replace(", ", "/")).orElse("");
            case HTTP:
                return "HTTP " + deepest.summary();
            case WEBSOCKET:
            case ENGINEIO:
            case SOCKETIO:
                if (ws != null && ws.opcode().equals(Opcode.TEXT)) {
                    return "WS " + ws.payload().utf8();
                }
                return ws == null ? deepest.protocol().title() : "WS " + ws.opcode();
            default:
                return deepest.protocol().title();
        }
    }

    private static String cut(String s) {
        return s.length() <= MAX_LABEL ? s : s.substring(0, MAX_LABEL - 1) + "\u2026";
    }
}
