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
    DATA("Data", "data", OsiLayer.APPLICATION),
    // Only captures carry the protocols below (the simulated network is IPv4 over Ethernet); they come after DATA so
    // that the simulator's protocols keep their places (the timeline packs them into a mask by ordinal).
    IPV6("IPv6", "ipv6", OsiLayer.NETWORK),
    /** The pseudo link header Linux writes for a capture on the {@code any} device (LINKTYPE_LINUX_SLL, 113). */
    LINUX_SLL("Linux cooked capture v1", "sll", OsiLayer.DATA_LINK),
    /** Its second version, with the interface index (LINKTYPE_LINUX_SLL2, 276). */
    LINUX_SLL2("Linux cooked capture v2", "sll2", OsiLayer.DATA_LINK),
    /** BSD loopback: the address family in 4 bytes (LINKTYPE_NULL 0, LINKTYPE_LOOP 108; macOS's lo0). */
    NULL_LOOPBACK("Null/Loopback", "null", OsiLayer.DATA_LINK);

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
