package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.List;
import org.netsim.sim.EthernetSwitch;
import org.netsim.sim.Host;
import org.netsim.sim.Link;
import org.netsim.sim.LinkConfig;
import org.netsim.sim.Network;
import org.netsim.sim.Node;
import org.netsim.sim.Router;

/**
 * The devices and cables of a run's network as the topology view draws them: each device with its kind, its
 * addresses and a place from {@link TopologyLayout}; each cable with its settings.
 */
public record TopologyGraph(List<Device> devices, List<Cable> cables) {

    public TopologyGraph {
        devices = List.copyOf(devices);
        cables = List.copyOf(cables);
    }

    /** What a device is: the view draws each kind with its own symbol. */
    public enum Kind { HOST, SWITCH, ROUTER }

    /**
     * @param addresses the IPv4 addresses with prefix length, one per interface ({@code 192.168.1.2/24}); none for
     *                  a switch
     * @param x         the place, 0..1 across the drawing
     * @param y         the place, 0..1 down the drawing
     */
    public record Device(String name, Kind kind, List<String> addresses, double x, double y) {
        public Device {
            addresses = List.copyOf(addresses);
        }

        Device at(double nx, double ny) {
            return new Device(name, kind, addresses, nx, ny);
        }
    }

    /** @param a the device at one end; @param b at the other */
    public record Cable(String name, String a, String b, LinkConfig config) {
    }

    public Device device(String name) {
        for (Device d : devices) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no device " + name);
    }

    public Cable cable(String name) {
        for (Cable c : cables) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no link " + name);
    }

    /** The graph of {@code network}, laid out; {@code server} (the Socket.IO server's host, or null) is placed first. */
    public static TopologyGraph of(Network network, String server) {
        List<Device> devices = new ArrayList<>();
        for (Node n : network.nodes().values()) {
            devices.add(new Device(n.name(), kind(n), addresses(n), 0.5, 0.5));
        }
        List<Cable> cables = new ArrayList<>();
        for (Link l : network.links()) {
            cables.add(new Cable(l.name(), l.a().node().name(), l.b().node().name(), l.config()));
        }
        return TopologyLayout.layout(new TopologyGraph(devices, cables), server);
    }

    private static Kind kind(Node n) {
        if (n instanceof EthernetSwitch) {
            return Kind.SWITCH;
        }
        return n instanceof Router ? Kind.ROUTER : Kind.HOST;
    }

    private static List<String> addresses(Node n) {
        List<String> out = new ArrayList<>();
        if (n instanceof Host h) {
            out.add(h.address() + "/" + h.ipv4().prefixLength());
        } else if (n instanceof Router r) {
            r.interfaces().forEach(i -> out.add(i.address() + "/" + i.prefixLength()));
        }
        return out;
    }
}
