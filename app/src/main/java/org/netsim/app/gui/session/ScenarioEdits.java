package org.netsim.app.gui.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.netsim.app.gui.Messages;
import org.netsim.scenario.Scenario;
import org.netsim.scenario.Scenario.Action;
import org.netsim.scenario.Scenario.ClientSpec;
import org.netsim.scenario.Scenario.HostSpec;
import org.netsim.scenario.Scenario.LinkSpec;
import org.netsim.scenario.ScenarioException;

/**
 * Changed copies of a {@link Scenario}: the scenario is a tree of records, so an edit builds new records and leaves the
 * original as it was (the session keeps it when the edited one does not run). Each edit keeps the shipped scenarios'
 * shape: a client is a host on the server's subnet, one link to the switch, and a client spec.
 */
public final class ScenarioEdits {
    private ScenarioEdits() {
    }

    public static Scenario withSeed(Scenario s, long seed) {
        return new Scenario(s.name(), s.description(), seed, s.duration(), s.hosts(), s.switches(), s.routers(),
                s.links(), s.capture(), s.server(), s.clients(), s.script());
    }

    /** {@code action} appended to the script (the runner orders the script by time, not by position). */
    public static Scenario withAction(Scenario s, Action action) {
        List<Action> script = new ArrayList<>(s.script());
        script.add(action);
        return new Scenario(s.name(), s.description(), s.seed(), s.duration(), s.hosts(), s.switches(), s.routers(),
                s.links(), s.capture(), s.server(), s.clients(), script);
    }

    /** Whether {@link #withClient} can add a client: it needs a server and a switch to plug the new host into. */
    public static boolean canAddClient(Scenario s) {
        return s.server() != null && !s.switches().isEmpty() && serverHost(s) != null;
    }

    /**
     * A new client host named {@code name} on the server's subnet (the next free address), linked to the first
     * switch, running a Socket.IO client with the transports the first client uses.
     *
     * @throws ScenarioException if the scenario has no switch or server, the name is taken or the subnet is full
     */
    public static Scenario withClient(Scenario s, String name) {
        if (!canAddClient(s)) {
            throw new ScenarioException(Messages.get("session.edit.noSwitch"));
        }
        if (taken(s, name)) {
            throw new ScenarioException(Messages.get("session.edit.nameTaken", name));
        }
        HostSpec server = serverHost(s);
        List<HostSpec> hosts = new ArrayList<>(s.hosts());
        // same subnet as the server, so the server's gateway (if any) is the new host's way out too
        hosts.add(new HostSpec(name, nextAddress(s, server.ip()), null, server.gateway(), null));
        List<LinkSpec> links = new ArrayList<>(s.links());
        links.add(new LinkSpec(null, List.of(name, s.switches().get(0).name()), null, null, null, null, null));
        List<ClientSpec> clients = new ArrayList<>(s.clients());
        List<String> transports = s.clients().isEmpty() ? List.of() : s.clients().get(0).transports();
        clients.add(new ClientSpec(name, transports, null, null, List.of()));
        List<String> capture = s.capture();
        if (!capture.isEmpty()) {
            capture = new ArrayList<>(capture);
            capture.add(name);
        }
        return new Scenario(s.name(), s.description(), s.seed(), s.duration(), hosts, s.switches(), s.routers(),
                links, capture, s.server(), clients, s.script());
    }

    /**
     * The scenario without the client on host {@code name}: its host, its links, its capture point and every script
     * step by it or about its socket.
     */
    public static Scenario withoutClient(Scenario s, String name) {
        if (s.clients().stream().noneMatch(c -> name.equals(c.host()))) {
            throw new ScenarioException(Messages.get("session.edit.noClient", name));
        }
        if (s.server() != null && name.equals(s.server().host())) {
            throw new ScenarioException(Messages.get("session.edit.runsServer", name));
        }
        List<HostSpec> hosts = s.hosts().stream().filter(h -> !name.equals(h.name())).toList();
        List<LinkSpec> links = s.links().stream()
                .filter(l -> l.between() == null || !l.between().contains(name)).toList();
        List<ClientSpec> clients = s.clients().stream().filter(c -> !name.equals(c.host())).toList();
        List<String> capture = s.capture().stream().filter(c -> !name.equals(c)).toList();
        List<Action> script = s.script().stream()
                .filter(a -> !name.equals(a.client()) && !name.equals(a.socket())).toList();
        return new Scenario(s.name(), s.description(), s.seed(), s.duration(), hosts, s.switches(), s.routers(),
                links, capture, s.server(), clients, script);
    }

    /**
     * Link number {@code index} with new settings; {@code null} keeps a setting as it was. The runner checks the
     * values (a rate like {@code 10Mbps}, a time like {@code 2ms}).
     */
    public static Scenario withLink(Scenario s, int index, String rate, String delay, Double loss, Integer mtu) {
        Objects.checkIndex(index, s.links().size());
        LinkSpec l = s.links().get(index);
        List<LinkSpec> links = new ArrayList<>(s.links());
        links.set(index, new LinkSpec(l.name(), l.between(), rate == null ? l.rate() : rate,
                delay == null ? l.delay() : delay, mtu == null ? l.mtu() : mtu, loss == null ? l.loss() : loss,
                l.drop()));
        return new Scenario(s.name(), s.description(), s.seed(), s.duration(), s.hosts(), s.switches(), s.routers(),
                links, s.capture(), s.server(), s.clients(), s.script());
    }

    /** The name the runner gives link {@code l}: its own, or {@code a-b} from its ends. */
    public static String linkName(LinkSpec l) {
        if (l.name() != null) {
            return l.name();
        }
        return l.between() == null || l.between().size() != 2 ? "?" : l.between().get(0) + "-" + l.between().get(1);
    }

    /** The first of {@code candidates} no node of the scenario is named. */
    public static String freeName(Scenario s, List<String> candidates) {
        for (String c : candidates) {
            if (!taken(s, c)) {
                return c;
            }
        }
        int n = 1;
        while (taken(s, "client" + n)) {
            n++;
        }
        return "client" + n;
    }

    private static boolean taken(Scenario s, String name) {
        return s.hosts().stream().anyMatch(h -> name.equals(h.name()))
                || s.switches().stream().anyMatch(w -> name.equals(w.name()))
                || s.routers().stream().anyMatch(r -> name.equals(r.name()));
    }

    private static HostSpec serverHost(Scenario s) {
        return s.server() == null ? null
                : s.hosts().stream().filter(h -> h.name().equals(s.server().host())).findFirst().orElse(null);
    }

    /** The lowest host address of the server's subnet that no host and no router interface uses. */
    static String nextAddress(Scenario s, String serverCidr) {
        int slash = serverCidr.indexOf('/');
        int prefix = slash < 0 ? 24 : Integer.parseInt(serverCidr.substring(slash + 1));
        long base = toLong(slash < 0 ? serverCidr : serverCidr.substring(0, slash));
        long mask = prefix == 0 ? 0 : 0xffff_ffffL << (32 - prefix) & 0xffff_ffffL;
        long network = base & mask;
        long broadcast = network | ~mask & 0xffff_ffffL;
        Set<Long> used = new HashSet<>();
        s.hosts().forEach(h -> used.add(toLong(address(h.ip()))));
        s.routers().forEach(r -> r.interfaces().forEach(i -> used.add(toLong(address(i.ip())))));
        for (long a = network + 1; a < broadcast; a++) {
            if (!used.contains(a)) {
                return toText(a) + "/" + prefix;
            }
        }
        throw new ScenarioException(Messages.get("session.edit.subnetFull", toText(network) + "/" + prefix));
    }

    private static String address(String cidr) {
        int slash = cidr.indexOf('/');
        return slash < 0 ? cidr : cidr.substring(0, slash);
    }

    private static long toLong(String dotted) {
        String[] p = dotted.split("\\.");
        if (p.length != 4) {
            throw new ScenarioException(Messages.get("session.edit.badAddress", dotted));
        }
        long v = 0;
        try {
            for (String part : p) {
                v = v << 8 | Integer.parseInt(part.trim());
            }
        } catch (NumberFormatException e) {
            throw new ScenarioException(Messages.get("session.edit.badAddress", dotted));
        }
        return v;
    }

    private static String toText(long a) {
        return (a >>> 24 & 255) + "." + (a >>> 16 & 255) + "." + (a >>> 8 & 255) + "." + (a & 255);
    }
}
