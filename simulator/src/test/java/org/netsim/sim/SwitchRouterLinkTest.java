package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.TimelineEvent;
import org.netsim.timeline.Unit;
import org.netsim.wire.ethernet.MacAddress;
import org.netsim.wire.ipv4.Ipv4Address;

/** The switch's learning, flooding and filtering; the router's drops and its own MAC; a link's loss rate. */
class SwitchRouterLinkTest {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final MacAddress A = new MacAddress(0x02_00_00_00_00_0aL);
    private static final MacAddress B = new MacAddress(0x02_00_00_00_00_0bL);
    private static final MacAddress C = new MacAddress(0x02_00_00_00_00_0cL);

    /** a, b and c on one switch; a connects to b's port 80. */
    private record Lan(Network net, EthernetSwitch sw, Host a, Host b, Host c) {
        static Lan build(long ageing) {
            Network net = new Network(3, 0);
            EthernetSwitch sw = net.addSwitch("switch");
            sw.ageing(ageing);
            Host a = net.addHost("a", A, Ipv4Address.parse("10.0.0.1"), 24, null);
            Host b = net.addHost("b", B, Ipv4Address.parse("10.0.0.2"), 24, null);
            Host c = net.addHost("c", C, Ipv4Address.parse("10.0.0.3"), 24, null);
            net.connect("la", a.port(), sw.newPort(), LinkConfig.DEFAULT);
            net.connect("lb", b.port(), sw.newPort(), LinkConfig.DEFAULT);
            net.connect("lc", c.port(), sw.newPort(), LinkConfig.DEFAULT);
            return new Lan(net, sw, a, b, c);
        }

        List<TimelineEvent> framesSentBy(String node) {
            return net.timeline().query().node(node).direction(Direction.WIRE).list();
        }
    }

    private static final TcpApplication SINK = (c, data) -> { };

    @Test
    void theSwitchLearnsEachSenderBehindItsPortAndSendsKnownUnicastOutOfThatPortOnly() {
        Lan lan = Lan.build(EthernetSwitch.DEFAULT_AGEING);
        lan.b().tcp().listen(80, c -> SINK);
        lan.a().tcp().connect(lan.b().address(), 80, "test", SINK);
        lan.net().runUntil(S);
        // a's ARP request (broadcast) taught it a; b's reply taught it b; c has sent nothing
        assertThat(lan.sw().macTable()).containsExactly(Map.entry(A, "switch port 1"), Map.entry(B, "switch port 2"));
        // the broadcast went out of ports 2 and 3; everything after it (the TCP handshake) only to b or a
        List<TimelineEvent> toC = lan.framesSentBy("switch").stream().filter(e -> e.peer().equals("c")).toList();
        assertThat(toC).hasSize(1);
        assertThat(toC.get(0).frameBytes()).startsWith(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
        assertThat(lan.framesSentBy("switch").stream().filter(e -> e.peer().equals("b"))).hasSizeGreaterThan(2);
    }

    @Test
    void anAddressThatAgedOutIsFloodedOutOfEveryPortButTheOneItCameIn() {
        // a and b talk, then are quiet for longer than the switch remembers; their ARP caches still know each other
        Lan lan = Lan.build(10 * S);
        lan.b().tcp().listen(80, c -> SINK);
        TcpConnection conn = lan.a().tcp().connect(lan.b().address(), 80, "test", SINK);
        lan.net().runUntil(S);
        int framesBefore = lan.framesSentBy("switch").size();
        lan.net().sim().at(12 * S, () -> conn.write(new byte[] {42}));
        lan.net().runUntil(13 * S);
        assertThat(lan.net().timeline().query().node("switch").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().equals(B + " aged out of the table (no frame from it for 10 s): "
                        + "flooded"));
        List<TimelineEvent> after = lan.framesSentBy("switch").subList(framesBefore,
                lan.framesSentBy("switch").size());
        // the segment for b left through ports 2 (b) and 3 (c), not back to a; c's card ignores it
        TimelineEvent first = after.get(0);
        assertThat(after.subList(0, 2)).extracting(TimelineEvent::peer).containsExactly("b", "c");
        assertThat(Arrays.copyOf(after.get(1).frameBytes(), 6)).isEqualTo(Arrays.copyOf(first.frameBytes(), 6));
        assertThat(lan.net().timeline().query().node("c").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().startsWith("frame for " + B + " ignored by c eth0"));
        // b's ACK teaches the switch b again: the next frame for b goes to b only
        assertThat(lan.sw().macTable()).containsEntry(B, "switch port 2");
        assertThat(after.subList(2, after.size())).extracting(TimelineEvent::peer).containsOnly("a");
    }

    @Test
    void aFrameForAnAddressBehindThePortItCameInIsFiltered() {
        // a and b hang off an edge switch whose table forgets fast; the core switch, with c, remembers longer
        Network net = new Network(3, 0);
        EthernetSwitch edge = net.addSwitch("edge");
        edge.ageing(5 * S);
        EthernetSwitch core = net.addSwitch("core");
        Host a = net.addHost("a", A, Ipv4Address.parse("10.0.0.1"), 24, null);
        Host b = net.addHost("b", B, Ipv4Address.parse("10.0.0.2"), 24, null);
        Host c = net.addHost("c", C, Ipv4Address.parse("10.0.0.3"), 24, null);
        net.connect("la", a.port(), edge.newPort(), LinkConfig.DEFAULT);
        net.connect("lb", b.port(), edge.newPort(), LinkConfig.DEFAULT);
        net.connect("uplink", edge.newPort(), core.newPort(), LinkConfig.DEFAULT);
        net.connect("lc", c.port(), core.newPort(), LinkConfig.DEFAULT);
        b.tcp().listen(80, x -> SINK);
        TcpConnection conn = a.tcp().connect(b.address(), 80, "test", SINK);
        // c talks to b too: b's answers cross the core, which learns b behind the uplink
        c.tcp().connect(b.address(), 80, "test", SINK);
        net.runUntil(S);
        assertThat(core.macTable()).containsEntry(B, "core port 1").containsEntry(A, "core port 1");
        int coreSent = net.timeline().query().node("core").direction(Direction.WIRE).count();
        // at 7 s the edge has forgotten b and floods a's segment for it, up the uplink too
        net.sim().at(7 * S, () -> conn.write(new byte[] {42}));
        net.runUntil(8 * S);
        assertThat(net.timeline().query().node("core").direction(Direction.STATE).list()).extracting(
                TimelineEvent::description).contains("filtered: " + B + " is behind the port the frame came in on");
        // the core sent nothing on: not back up the uplink, not to c
        assertThat(net.timeline().query().node("core").direction(Direction.WIRE).count()).isEqualTo(coreSent);
        assertThat(net.timeline().query().node("edge").direction(Direction.STATE).list()).extracting(
                TimelineEvent::description).contains(B + " aged out of the table (no frame from it for 5 s): flooded");
    }

    /** Two subnets: a (10.0.1.2) – router – b (10.0.2.2). */
    private record Routed(Network net, Router router, Host a, Host b, MacAddress routerMacToB) {
        static Routed build() {
            Network net = new Network(5, 0);
            Router r = net.addRouter("r");
            MacAddress toA = new MacAddress(0x02_00_00_00_01_01L);
            MacAddress toB = new MacAddress(0x02_00_00_00_02_01L);
            Port r0 = r.addInterface(toA, Ipv4Address.parse("10.0.1.1"), 24);
            Port r1 = r.addInterface(toB, Ipv4Address.parse("10.0.2.1"), 24);
            Host a = net.addHost("a", A, Ipv4Address.parse("10.0.1.2"), 24, Ipv4Address.parse("10.0.1.1"));
            Host b = net.addHost("b", B, Ipv4Address.parse("10.0.2.2"), 24, Ipv4Address.parse("10.0.2.1"));
            net.connect("l0", a.port(), r0, LinkConfig.DEFAULT);
            net.connect("l1", r1, b.port(), LinkConfig.DEFAULT);
            return new Routed(net, r, a, b, toB);
        }

        List<String> routerNotes() {
            return net.timeline().query().node("r").direction(Direction.STATE).protocol(Protocol.IPV4).list()
                    .stream().map(TimelineEvent::description).toList();
        }
    }

    @Test
    void theRouterForwardsWithItsOwnMacAndOneLessTtl() {
        Routed n = Routed.build();
        n.b().tcp().listen(80, c -> SINK);
        n.a().tcp().connect(n.b().address(), 80, "test", SINK);
        n.net().runUntil(S);
        List<TimelineEvent> toB = n.net().timeline().query().node("r").direction(Direction.WIRE).list().stream()
                .filter(e -> e.peer().equals("b") && (e.frameBytes()[12] & 0xff) == 0x08 && e.frameBytes()[13] == 0)
                .toList();
        assertThat(toB).isNotEmpty().allSatisfy(e -> {
            byte[] f = e.frameBytes();
            assertThat(Node.macAt(f, 0)).isEqualTo(B.value());
            assertThat(Node.macAt(f, 6)).isEqualTo(n.routerMacToB().value());
            assertThat(f[22] & 0xff).isEqualTo(63);
        });
        assertThat(n.net().timeline().query().node("b").direction(Direction.STATE).protocol(Protocol.TCP).list())
                .extracting(TimelineEvent::description).contains("ESTABLISHED");
    }

    @Test
    void aPacketWhoseTtlRunsOutAtTheRouterIsDropped() {
        Routed n = Routed.build();
        n.a().ttl(1);
        n.b().tcp().listen(80, c -> SINK);
        n.a().tcp().connect(n.b().address(), 80, "test", SINK);
        n.net().runUntil(S);
        assertThat(n.routerNotes()).contains("TTL ran out: dropped (a real router would send ICMP time exceeded)");
        // nothing but the router's ARP... not even that: no IPv4 frame leaves towards b
        assertThat(n.net().timeline().query().node("r").direction(Direction.WIRE).list())
                .noneMatch(e -> e.peer().equals("b"));
        // with TTL 2 it gets through
        Routed m = Routed.build();
        m.a().ttl(2);
        m.b().tcp().listen(80, c -> SINK);
        m.a().tcp().connect(m.b().address(), 80, "test", SINK);
        m.net().runUntil(S);
        assertThat(m.routerNotes()).noneMatch(t -> t.startsWith("TTL ran out"))
                .anyMatch(t -> t.contains("TTL 2 \u2192 1"));
    }

    @Test
    void aPacketForASubnetTheRouterHasNoRouteToIsDropped() {
        Routed n = Routed.build();
        n.a().tcp().connect(Ipv4Address.parse("10.9.9.9"), 80, "test", SINK);
        n.net().runUntil(2 * S);
        assertThat(n.routerNotes()).contains("no route to 10.9.9.9: dropped (a real router would send ICMP "
                + "destination unreachable)");
        assertThat(n.net().timeline().query().node("r").direction(Direction.WIRE).list())
                .noneMatch(e -> e.peer().equals("b"));
    }

    /** Receives frames and counts them. */
    private static final class Counter extends Node {
        final List<Unit.Frame> got = new ArrayList<>();

        Counter(Simulator sim, String name) {
            super(sim, name);
            addPort(new Port(this, name + " eth0", null));
        }

        @Override
        protected void receive(Port port, Unit.Frame frame) {
            got.add(frame);
        }
    }

    private static List<Integer> lostFrames(long seed, double rate, int frames) {
        Simulator sim = new Simulator(seed, 0);
        Counter x = new Counter(sim, "x");
        Counter y = new Counter(sim, "y");
        Link l = new Link(sim, "lossy", x.ports().get(0), y.ports().get(0),
                new LinkConfig(100_000_000L, 500, 1500, rate, Set.of()));
        for (int i = 0; i < frames; i++) {
            l.transmit(x.ports().get(0), sim.timeline().newFrame(new byte[60], -1));
        }
        sim.runUntil(Long.MAX_VALUE);
        List<Integer> lost = new ArrayList<>();
        List<TimelineEvent> wire = sim.timeline().query().direction(Direction.WIRE).list();
        for (int i = 0; i < wire.size(); i++) {
            if (wire.get(i).lost()) {
                lost.add(i + 1);
            }
        }
        assertThat(y.got).hasSize(frames - lost.size());
        return lost;
    }

    @Test
    void aLossRateLosesAboutThatShareOfFramesTheSameOnesForTheSameSeed() {
        List<Integer> lost = lostFrames(11, 0.05, 20_000);
        // 1000 expected; the standard deviation is about 31
        assertThat(lost.size()).isBetween(900, 1100);
        assertThat(lostFrames(11, 0.05, 20_000)).isEqualTo(lost);
        assertThat(lostFrames(12, 0.05, 20_000)).isNotEqualTo(lost);
        assertThat(lostFrames(11, 0, 1_000)).isEmpty();
        assertThat(lostFrames(11, 1, 1_000)).hasSize(1_000);
    }
}
