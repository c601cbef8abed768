package org.netsim.pdu;

/**
 * Every protocol netsim encodes and decodes, with the OSI layer the app shows it on.
 *
 * <p>Placing protocols above TCP on OSI layers is a teaching choice, stated here once: Socket.IO (events, rooms,
 * acknowledgements) is the application; Engine.IO keeps the session (session id, heartbeat, transport upgrade), so it
 * sits on the session layer; WebSocket and HTTP are application protocols by their RFCs, but in this stack they carry
 * the session's packets, so WebSocket is shown on the session layer with Engine.IO and HTTP on the application layer.
 */
public enum Protocol {
    PHYSICAL("Physical", "phy", OsiLayer.PHYSICAL),
    ETHERNET("Ethernet II", "eth", OsiLayer.DATA_LINK),
    ARP("ARP", "arp", OsiLayer.DATA_LINK),
    IPV4("IPv4", "ip", OsiLayer.NETWORK),
    TCP("TCP", "tcp", OsiLayer.TRANSPORT),
    HTTP("HTTP", "http", OsiLayer.APPLICATION),
    WEBSOCKET("WebSocket", "websocket", OsiLayer.SESSION),
    ENGINEIO("Engine.IO", "engineio", OsiLayer.SESSION),
    SOCKETIO("Socket.IO", "socketio", OsiLayer.APPLICATION),
    /** Bytes no dissector claimed. */
    DATA("Data", "data", OsiLayer.APPLICATION);

    private final String title;
    private final String key;
    private final OsiLayer osi;

    Protocol(String title, String key, OsiLayer osi) {
        this.title = title;
        this.key = key;
        this.osi = osi;
    }

    /** The name shown to people: "Ethernet II", "Socket.IO". */
    public String title() {
        return title;
    }

    /** A short lower-case key (Wireshark style), also the prefix of every field key of this protocol. */
    public String key() {
        return key;
    }

    public OsiLayer osi() {
        return osi;
    }

    public TcpIpLayer tcpIp() {
        return osi.tcpIp();
    }
}
