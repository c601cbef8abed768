package org.netsim.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netsim.timeline.Connection;
import org.netsim.timeline.Timeline;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/** The devices of a scenario and the cables between them, on one simulator. */
public final class Network {
    private final Simulator sim;
    private final long startNanos;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<Integer, String> addresses = new HashMap<>();
    private final Map<String, Integer> connections = new HashMap<>();

    private final Map<Class<?>, Object> shared = new HashMap<>();

    public Network(long seed, long startNanos) {
        this.sim = new Simulator(seed, startNanos);
        this.startNanos = startNanos;
    }

    /**
     * The one object of {@code type} this network's programs share, made by {@code make} on first use (for example what
     * the clients of a broadcast learned decoding the same frame).
     */
    public <T> T shared(Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(shared.computeIfAbsent(type, t -> make.get()));
    }

    public Simulator sim() {
        return sim;
    }

    public Timeline timeline() {
        return sim.timeline();
    }

    public long startNanos() {
        return startNanos;
    }

    public Host addHost(String name, MacAddress mac, Ipv4Address address, int prefixLength, Ipv4Address gateway) {
        Host h = new Host(this, name, mac, address, prefixLength, gateway);
        add(h);
        registerAddress(address, name);
        return h;
    }

    public EthernetSwitch addSwitch(String name) {
        return add(new EthernetSwitch(sim, name));
    }

    public Router addRouter(String name) {
        return add(new Router(this, name));
    }

    public Link connect(String name, Port a, Port b, LinkConfig config) {
        for (Link l : links) {
            if (l.name().equals(name)) {
                throw new IllegalArgumentException("two links named " + name);
            }
        }
        Link l = new Link(sim, name, a, b, config);
        links.add(l);
        return l;
    }

    private <T extends Node> T add(T n) {
        nodes.put(n.name(), n);
        return n;
    }

    public Node node(String name) {
        return nodes.get(name);
    }

    public Map<String, Node> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    public List<Link> links() {
        return Collections.unmodifiableList(links);
    }

    void registerAddress(Ipv4Address a, String node) {
        String old = addresses.putIfAbsent(a.value(), node);
        if (old != null) {
            throw new IllegalArgumentException(a + " belongs to both " + old + " and " + node);
        }
    }

    /** The name of the node that owns {@code a}, or its address as text. */
    public String nameOf(Ipv4Address a) {
        return addresses.getOrDefault(a.value(), a.toString());
    }

    Connection registerConnection(String client, Ipv4Address clientIp, int clientPort, Ipv4Address serverIp,
                                  int serverPort, String purpose) {
        Connection c = sim.timeline().addConnection(client, clientIp, clientPort, nameOf(serverIp), serverIp,
                serverPort, purpose);
        connections.put(key(clientIp, clientPort, serverIp, serverPort), c.index());
        return c;
    }

    int connectionIndex(Ipv4Address clientIp, int clientPort, Ipv4Address serverIp, int serverPort) {
        return connections.getOrDefault(key(clientIp, clientPort, serverIp, serverPort), -1);
    }

    private static String key(Ipv4Address a, int ap, Ipv4Address b, int bp) {
        return a + ":" + ap + ">" + b + ":" + bp;
    }

    /** Runs until nothing is left to do or the clock passes {@code untilNanos}. */
    public void runUntil(long untilNanos) {
        sim.runUntil(untilNanos);
    }
}
