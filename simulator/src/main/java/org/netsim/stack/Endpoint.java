package org.netsim.stack;

import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/** A host's network card and socket: MAC address, IPv4 address and TCP port. */
public record Endpoint(MacAddress mac, Ipv4Address ip, int port) {
    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
