package org.netsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netsim.sim.EthernetSwitch;
import org.netsim.sim.Host;
import org.netsim.sim.LinkConfig;
import org.netsim.sim.Network;
import org.netsim.sim.Node;
import org.netsim.sim.Port;
import org.netsim.sim.Router;
import org.netsim.sim.socketio.ServerSocket;
import org.netsim.sim.socketio.SocketIoClient;
import org.netsim.sim.socketio.SocketIoServer;
import org.netsim.wire.engineio.OpenPacket;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.socketio.SocketIoPacket;

/** Builds a scenario's network, starts its programs, plays its script and runs the simulation. */
public final class ScenarioRunner {
    /** 2026-01-01T00:00:00Z: where every scenario's clock starts. */
    public static final long START_NANOS = 1_767_225_600_000_000_000L;
    /** Without a duration, the run goes on this long after the last scripted action (time for the FINs and ACKs). */
    static final long SETTLE_NANOS = 2_000_000_000L;

    private final Scenario s;
    private final Network network;
    private final Map<String, Port> ports = new LinkedHashMap<>();
    private final Map<String, SocketIoClient> clients = new LinkedHashMap<>();
    private SocketIoServer server;
    private int macCounter;

    private ScenarioRunner(Scenario s) {
        this.s = s;
        this.network = new Network(s.seed(), START_NANOS);
    }

    /** Runs {@code s} to its end; throws {@link ScenarioException} if the scenario does not make sense. */
    public static ScenarioRun run(Scenario s) {
        return new ScenarioRunner(s).play();
    }

    private ScenarioRun play() {
        build();
        long last = schedule();
        long end = s.duration() != null ? START_NANOS + Units.nanos(s.duration(), "duration")
                : START_NANOS + last + SETTLE_NANOS;
        network.runUntil(end);
        return new ScenarioRun(s, network, capturePoints());
    }

    // ---------------------------------------------------------------- network

    private void build() {
        for (Scenario.HostSpec h : s.hosts()) {
            Cidr a = Cidr.parse(h.ip(), "host " + h.name());
            Host host = network.addHost(need(h.name(), "a host needs a name"), mac(h.mac()), a.address(), a.prefix(),
                    h.gateway() == null ? null : ip(h.gateway(), "gateway of " + h.name()));
            if (h.dontFragment() != null) {
                host.dontFragment(h.dontFragment());
            }
            if (h.ttl() != null) {
                if (h.ttl() < 1 || h.ttl() > 255) {
                    throw new ScenarioException("host " + h.name() + ": a TTL is 1 to 255, not " + h.ttl());
                }
                host.ttl(h.ttl());
            }
            if (h.readRate() != null) {
                host.readRate(Units.bitsPerSecond(h.readRate(), "readRate of host " + h.name()));
            }
            ports.put(h.name(), host.port());
        }
        for (Scenario.SwitchSpec w : s.switches()) {
            EthernetSwitch sw = network.addSwitch(need(w.name(), "a switch needs a name"));
            if (w.ageing() != null) {
                long ageing = Units.nanos(w.ageing(), "ageing of switch " + w.name());
                if (ageing <= 0) {
                    throw new ScenarioException("switch " + w.name() + ": an ageing time is positive");
                }
                sw.ageing(ageing);
            }
        }
        for (Scenario.RouterSpec r : s.routers()) {
            Router router = network.addRouter(need(r.name(), "a router needs a name"));
            int i = 0;
            for (Scenario.InterfaceSpec in : r.interfaces()) {
                Cidr a = Cidr.parse(in.ip(), "router " + r.name() + " interface " + i);
                ports.put(r.name() + ".eth" + i++, router.addInterface(mac(in.mac()), a.address(), a.prefix()));
            }
            for (Scenario.RouteSpec rs : r.routes()) {
                Cidr to = Cidr.parse(rs.to(), "route of router " + r.name());
                router.addRoute(new Router.Route(to.address(), to.prefix(), ip(rs.via(), "route of " + r.name())));
            }
        }
        int n = 0;
        for (Scenario.LinkSpec l : s.links()) {
            n++;
            if (l.between() == null || l.between().size() != 2) {
                throw new ScenarioException("link " + n + ": \"between\" names exactly two ends");
            }
            String name = l.name() != null ? l.name() : l.between().get(0) + "-" + l.between().get(1);
            LinkConfig c = new LinkConfig(
                    l.rate() == null ? LinkConfig.DEFAULT.bitsPerSecond() : Units.bitsPerSecond(l.rate(), name),
                    l.delay() == null ? LinkConfig.DEFAULT.propagationNanos() : Units.nanos(l.delay(), name),
                    l.mtu() == null ? 1500 : l.mtu(), l.loss() == null ? 0 : l.loss(),
                    l.drop() == null ? Set.of() : new HashSet<>(l.drop()));
            network.connect(name, end(l.between().get(0), name), end(l.between().get(1), name), c);
        }
    }

    private Port end(String name, String link) {
        Node node = network.node(name);
        if (node instanceof EthernetSwitch sw) {
            return sw.newPort();
        }
        Port p = ports.get(name);
        if (p == null) {
            throw new ScenarioException("link " + link + ": no host, switch or router interface named " + name
                    + (node instanceof Router ? " (name a router's interface: " + name + ".eth0)" : ""));
        }
        return p;
    }

    private MacAddress mac(String text) {
        macCounter++;
        if (text == null) {
            return new MacAddress(0x02_00_00_00_00_00L | macCounter);
        }
        try {
            return MacAddress.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException("\"" + text + "\" is not a MAC address like 02:00:00:00:00:01");
        }
    }

    private Map<String, Port> capturePoints() {
        Map<String, Port> out = new LinkedHashMap<>();
        if (s.capture().isEmpty()) {
            for (Scenario.HostSpec h : s.hosts()) {
                out.put(h.name(), ports.get(h.name()));
            }
        }
        for (String c : s.capture()) {
            Port p = ports.get(c);
            if (p == null) {
                throw new ScenarioException("capture point " + c + ": no host or router interface of that name");
            }
            out.put(c, p);
        }
        return out;
    }

    // ---------------------------------------------------------------- programs and script

    /** Starts the programs and schedules the script; returns the time of the last action after the start. */
    private long schedule() {
        long last = 0;
        Scenario.ServerSpec sv = s.server();
        if (sv == null) {
            if (!s.clients().isEmpty() || !s.script().isEmpty()) {
                throw new ScenarioException("clients and a script need a Socket.IO server: add a \"server\" section");
            }
            return last;
        }
        Host serverHost = host(sv.host(), "server");
        int port = sv.port() == null ? 3000 : sv.port();
        server = new SocketIoServer(serverHost, new SocketIoServer.Options(port,
                sv.pingInterval() == null ? OpenPacket.DEFAULT_PING_INTERVAL : sv.pingInterval(),
                sv.pingTimeout() == null ? OpenPacket.DEFAULT_PING_TIMEOUT : sv.pingTimeout(),
                Set.copyOf(sv.namespaces())), Behaviours.server(sv.on()));
        long start = 0;
        for (Scenario.ClientSpec c : s.clients()) {
            Host h = host(c.host(), "client");
            SocketIoClient.Options options;
            try {
                options = new SocketIoClient.Options(serverHost.address(), port, c.transports(),
                        new LinkedHashMap<String, JsonNode>(c.namespaces()));
            } catch (IllegalArgumentException e) {
                throw new ScenarioException("client " + c.host() + ": transports are [polling, websocket] (the "
                        + "default), [websocket] or [polling]");
            }
            SocketIoClient client = new SocketIoClient(h, options, Behaviours.client(c.on()));
            clients.put(c.host(), client);
            start = c.start() != null ? Units.nanos(c.start(), "start of " + c.host()) : start + 1_000_000L;
            at(start, client::start);
            last = Math.max(last, start);
        }
        int n = 0;
        for (Scenario.Action a : s.script()) {
            n++;
            long at = Units.nanos(a.at() == null ? "0" : a.at(), "script step " + n);
            int repeat = a.repeat() == null ? 1 : a.repeat();
            long every = a.every() == null ? 0 : Units.nanos(a.every(), "script step " + n);
            Runnable r = action(a, n);
            if (repeat > 0) {
                repeat(at, every, repeat, r);
                last = Math.max(last, at + (repeat - 1) * every);
            }
        }
        return last;
    }

    private Runnable action(Scenario.Action a, int n) {
        String where = "script step " + n;
        String ns = a.namespace() == null ? SocketIoPacket.MAIN_NAMESPACE : a.namespace();
        if (a.client() != null) {
            SocketIoClient c = clients.get(a.client());
            if (c == null) {
                throw new ScenarioException(where + ": no client on host " + a.client());
            }
            if (Boolean.TRUE.equals(a.disconnect())) {
                return c::disconnect;
            }
            if (a.emit() == null) {
                throw new ScenarioException(where + ": a client step emits (\"emit\") or disconnects");
            }
            List<JsonNode> args = Behaviours.args(a.args(), List.of());
            boolean ack = Boolean.TRUE.equals(a.ack());
            boolean isVolatile = Boolean.TRUE.equals(a.isVolatile());
            return () -> c.emit(ns, a.emit(), args, ack, isVolatile);
        }
        if (a.server() == null) {
            throw new ScenarioException(where + ": say who acts: \"client\" or \"server\"");
        }
        String form = a.server();
        List<JsonNode> args = Behaviours.args(a.args(), List.of());
        boolean disconnect = form.equals("socket.disconnect");
        if (!form.equals("join") && !form.equals("leave") && !disconnect && a.event() == null) {
            throw new ScenarioException(where + ": " + form + " needs an \"event\"");
        }
        if ((disconnect || form.equals("join") || form.equals("leave")) && a.socket() == null) {
            throw new ScenarioException(where + ": " + form + " needs a \"socket\" (the client whose socket it is)");
        }
        if (a.close() != null && !disconnect) {
            throw new ScenarioException(where + ": \"close\" belongs to socket.disconnect, not " + form);
        }
        // the socket is looked up when the step runs: the client may connect later than the scenario starts
        return () -> {
            ServerSocket socket = a.socket() == null ? null : server.socketOf(a.socket(), ns);
            if (a.socket() != null && socket == null) {
                server.host().note(org.netsim.pdu.Protocol.SOCKETIO, -1, where + ": " + a.socket()
                        + " is not connected to " + ns + " yet: nothing sent");
                return;
            }
            switch (form) {
                case "join" -> server.join(socket, a.room());
                case "leave" -> server.leave(socket, a.room());
                case "socket.disconnect" -> server.disconnect(socket, Boolean.TRUE.equals(a.close()));
                default -> Behaviours.emit(server, form, socket, a.event(), args, a.room(), a.namespace(),
                        Boolean.TRUE.equals(a.isVolatile()), Boolean.TRUE.equals(a.ack()));
            }
        };
    }

    private void at(long offset, Runnable r) {
        network.sim().at(START_NANOS + offset, r);
    }

    private void repeat(long offset, long every, int times, Runnable r) {
        network.sim().repeat(START_NANOS + offset, every, times, r);
    }

    private Host host(String name, String role) {
        Node n = network.node(need(name, "the " + role + " needs a \"host\""));
        if (!(n instanceof Host h)) {
            throw new ScenarioException("the " + role + " runs on a host, and there is no host named " + name);
        }
        return h;
    }

    private static String need(String v, String message) {
        if (v == null || v.isBlank()) {
            throw new ScenarioException(message);
        }
        return v;
    }

    private static Ipv4Address ip(String text, String what) {
        try {
            return Ipv4Address.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(what + ": \"" + text + "\" is not an IPv4 address");
        }
    }

    /** An address with its prefix length. */
    record Cidr(Ipv4Address address, int prefix) {
        static Cidr parse(String text, String what) {
            if (text == null) {
                throw new ScenarioException(what + " needs an \"ip\" like 192.168.1.2/24");
            }
            int slash = text.indexOf('/');
            try {
                int prefix = slash < 0 ? 24 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > 32) {
                    throw new NumberFormatException();
                }
                return new Cidr(ip(slash < 0 ? text : text.substring(0, slash), what), prefix);
            } catch (NumberFormatException e) {
                throw new ScenarioException(what + ": \"" + text + "\" has no valid prefix length (0 to 32)");
            }
        }
    }
}
