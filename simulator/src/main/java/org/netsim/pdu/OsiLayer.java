package org.netsim.pdu;

/** The seven layers of the OSI reference model (ISO/IEC 7498-1), with the name of each layer's data unit. */
public enum OsiLayer {
    PHYSICAL(1, "Physical", "Bits"),
    DATA_LINK(2, "Data link", "Frame"),
    NETWORK(3, "Network", "Packet"),
    TRANSPORT(4, "Transport", "Segment"),
    SESSION(5, "Session", "Data"),
    PRESENTATION(6, "Presentation", "Data"),
    APPLICATION(7, "Application", "Data");

    private final int number;
    private final String title;
    private final String pduName;

    OsiLayer(int number, String title, String pduName) {
        this.number = number;
        this.title = title;
        this.pduName = pduName;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    /** What a unit of data is called at this layer: bits, frame, packet, segment, data. */
    public String pduName() {
        return pduName;
    }

    /** The TCP/IP (RFC 1122) layer this OSI layer folds into. */
    public TcpIpLayer tcpIp() {
        return switch (this) {
            case PHYSICAL, DATA_LINK -> TcpIpLayer.LINK;
            case NETWORK -> TcpIpLayer.INTERNET;
            case TRANSPORT -> TcpIpLayer.TRANSPORT;
            case SESSION, PRESENTATION, APPLICATION -> TcpIpLayer.APPLICATION;
        };
    }

    public static OsiLayer ofNumber(int n) {
        for (OsiLayer l : values()) {
            if (l.number == n) {
                return l;
            }
        }
        throw new IllegalArgumentException("no OSI layer " + n);
    }
}
