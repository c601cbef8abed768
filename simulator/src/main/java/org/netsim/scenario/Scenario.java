package org.netsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A scenario: the network (hosts, switches, routers, links), the Socket.IO server and clients, and a script of what
 * happens when. Built in Java from these records, or read from a JSON or YAML file by {@link ScenarioFile}; the field
 * names are the file's keys. Times are text with a unit ({@code 250ms}, {@code 2s}, {@code 40us}); a bare number is
 * milliseconds. Every list may be left out.
 *
 * @param seed     the one seed every random value of the run comes from (default 1)
 * @param duration how much virtual time to simulate (default: until 2 s after the last scripted action)
 * @param capture  capture points, like running Wireshark there: a host's name, or {@code router.eth1} for one router
 *                 interface (default: every host)
 */
public record Scenario(String name, String description, Long seed, String duration, List<HostSpec> hosts,
                       List<SwitchSpec> switches, List<RouterSpec> routers, List<LinkSpec> links, List<String> capture,
                       ServerSpec server, List<ClientSpec> clients, List<Action> script) {

    public Scenario {
        seed = seed == null ? 1L : seed;
        hosts = orEmpty(hosts);
        switches = orEmpty(switches);
        routers = orEmpty(routers);
        links = orEmpty(links);
        capture = orEmpty(capture);
        clients = orEmpty(clients);
        script = orEmpty(script);
    }

    static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : List.copyOf(l);
    }

    /**
     * @param ip           address with prefix length, {@code 192.168.1.2/24}
     * @param mac          the card's MAC (default: 02:00:00:00:00:NN by position)
     * @param gateway      the default router (none: only the own subnet is reachable)
     * @param dontFragment DF on outgoing packets (default true, as Linux; false lets routers fragment)
     * @param ttl          the TTL of outgoing packets (default 64, as Linux)
     * @param readRate     how fast the host's programs read what TCP received, {@code 100kbps} (default: at once, so
     *                     the receive window stays open); slower than the data arrives, the buffer fills and the
     *                     window closes
     */
    public record HostSpec(String name, String ip, String mac, String gateway, Boolean dontFragment, Integer ttl,
                           String readRate) {
        public HostSpec(String name, String ip, String mac, String gateway, Boolean dontFragment) {
            this(name, ip, mac, gateway, dontFragment, null, null);
        }
    }

    /** @param ageing how long the switch remembers an address after its last frame (default 300s, as 802.1D) */
    public record SwitchSpec(String name, String ageing) {
        public SwitchSpec(String name) {
            this(name, null);
        }
    }

    /** @param routes static routes to subnets behind other routers */
    public record RouterSpec(String name, List<InterfaceSpec> interfaces, List<RouteSpec> routes) {
        public RouterSpec {
            interfaces = orEmpty(interfaces);
            routes = orEmpty(routes);
        }
    }

    /** @param to a subnet, {@code 10.0.0.0/24}; @param via the neighbour router that leads there */
    public record RouteSpec(String to, String via) {
    }

    public record InterfaceSpec(String ip, String mac) {
    }

    /**
     * @param between the two ends: node names, or {@code router.eth0} for a router's interface
     * @param rate    bit rate, {@code 100Mbps} (default), {@code 1Gbps}, {@code 10Mbps}
     * @param delay   propagation delay (default 500ns)
     * @param mtu     (default 1500)
     * @param loss    chance 0..1 that a frame is lost
     * @param drop    frames to lose on purpose, by number on this link (1 = first frame, either way)
     */
    public record LinkSpec(String name, List<String> between, String rate, String delay, Integer mtu, Double loss,
                           List<Integer> drop) {
    }

    /**
     * @param pingInterval milliseconds (default 25000)
     * @param pingTimeout  milliseconds (default 20000)
     * @param namespaces   namespaces besides "/"
     * @param on           what the server program does when clients connect or emit
     */
    public record ServerSpec(String host, Integer port, Long pingInterval, Long pingTimeout, List<String> namespaces,
                             List<Rule> on) {
        public ServerSpec {
            namespaces = orEmpty(namespaces);
            on = orEmpty(on);
        }
    }

    /**
     * @param transports {@code [polling, websocket]} (default: polling, then upgrade) or {@code [websocket]}
     * @param namespaces namespaces to connect to, each with its auth payload or null (default: "/")
     * @param start      when the program calls {@code io(url)} (default: 1 ms after the previous client)
     * @param on         what the client program does when events arrive
     */
    public record ClientSpec(String host, List<String> transports, Map<String, JsonNode> namespaces, String start,
                             List<Rule> on) {
        public ClientSpec {
            transports = orEmpty(transports);
            namespaces = namespaces == null ? Map.of() : namespaces;
            on = orEmpty(on);
        }
    }

    /**
     * A reaction. It fires on an {@code event} (or on {@code connection: true}, server only) and does what its other
     * keys say: {@code join} a room; answer the acknowledgement with {@code ack}; {@code emit} with one of the
     * cheatsheet forms ({@code socket.emit}, {@code io.emit}, {@code socket.broadcast.emit}, {@code io.to(room).emit},
     * {@code socket.to(room).emit}, {@code io.of(ns).emit}) under the event name {@code as} (default: the same) with
     * {@code args} (default: the arguments received).
     */
    public record Rule(String event, Boolean connection, String join, JsonNode ack, String emit, String as,
                       JsonNode args, String room, String namespace,
                       @JsonProperty("volatile") Boolean isVolatile) {
    }

    /**
     * One scripted step at time {@code at}, repeated {@code repeat} times {@code every} apart. Either a client's
     * ({@code client}: emit {@code emit} with {@code args}, optionally asking for an {@code ack}, optionally
     * {@code volatile}, or {@code disconnect: true}) or the server's ({@code server}: a cheatsheet form, with
     * {@code socket} naming the client whose socket the form means, {@code event}, {@code args}, {@code room},
     * {@code namespace}, {@code volatile}, {@code ack}; {@code join} / {@code leave} with {@code socket} and
     * {@code room}; or {@code socket.disconnect} with {@code socket}, {@code namespace} and {@code close}, which as
     * {@code socket.disconnect(true)} also closes that client's whole connection).
     */
    public record Action(String at, String client, String emit, JsonNode args, Boolean ack, Boolean disconnect,
                         String namespace, String server, String socket, String room, String event,
                         @JsonProperty("volatile") Boolean isVolatile, Integer repeat, String every, Boolean close) {

        /** A step without {@code close}. */
        public Action(String at, String client, String emit, JsonNode args, Boolean ack, Boolean disconnect,
                      String namespace, String server, String socket, String room, String event, Boolean isVolatile,
                      Integer repeat, String every) {
            this(at, client, emit, args, ack, disconnect, namespace, server, socket, room, event, isVolatile, repeat,
                    every, null);
        }
    }
}
