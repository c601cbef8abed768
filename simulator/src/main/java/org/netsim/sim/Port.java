package org.netsim.sim;

import org.netsim.wire.ethernet.MacAddress;

/** A node's network interface: its MAC address and the link plugged into it. */
public final class Port {
    private final Node node;
    private final String name;
    private final MacAddress mac;
    private Link link;

    /** @param mac the card's address; a switch port has none ({@code null}) */
    public Port(Node node, String name, MacAddress mac) {
        this.node = node;
        this.name = name;
        this.mac = mac;
    }

    public Node node() {
        return node;
    }

    /** "alice eth0", "switch port 2". */
    public String name() {
        return name;
    }

    public MacAddress mac() {
        return mac;
    }

    public Link link() {
        return link;
    }

    void attach(Link l) {
        if (link != null) {
            throw new IllegalStateException(name + " already has a link");
        }
        link = l;
    }

    /** The largest IPv4 packet this port's link carries. */
    public int mtu() {
        return link == null ? 1500 : link.config().mtu();
    }

    @Override
    public String toString() {
        return name;
    }
}
