package org.netsim.timeline;

import org.netsim.wire.ipv4.Ipv4Address;

/**
 * One TCP connection of a scenario, numbered in the order connections were opened.
 *
 * @param index       0, 1, 2 ... in opening order
 * @param client      the node that opened it
 * @param server      the node that accepted it
 * @param purpose     what the connection is for ("polling GET", "WebSocket", ...)
 */
public record Connection(int index, String client, Ipv4Address clientIp, int clientPort, String server,
                         Ipv4Address serverIp, int serverPort, String purpose) {
    /** "192.168.1.2:40000 → 192.168.1.1:3000". */
    public String endpoints() {
        return clientIp + ":" + clientPort + " \u2192 " + serverIp + ":" + serverPort;
    }

    @Override
    public String toString() {
        return "#" + index + " " + client + " " + endpoints() + " " + server + " (" + purpose + ")";
    }
}
