package org.netsim.pdu;

/** The four layers of the Internet protocol suite (RFC 1122 §1.1.3). */
public enum TcpIpLayer {
    LINK(1, "Link"),
    INTERNET(2, "Internet"),
    TRANSPORT(3, "Transport"),
    APPLICATION(4, "Application");

    private final int number;
    private final String title;

    TcpIpLayer(int number, String title) {
        this.number = number;
        this.title = title;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }
}
