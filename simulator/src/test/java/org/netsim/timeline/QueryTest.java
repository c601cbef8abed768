package org.netsim.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;
import org.netsim.scenario.ScenarioFile;
import org.netsim.scenario.ScenarioRunner;

/** Queries by layer, node, protocol, direction, connection and time, against events whose answers are known. */
class QueryTest {
    /**
     * 0 alice down Socket.IO, 1 alice down WebSocket; 2-4 alice down TCP, IPv4, Ethernet (one record);
     * 5 switch up Ethernet; 6 bob up ARP; 7-8 bob up Ethernet, IPv4 (one record); 9 bob state TCP;
     * 10 bob up Engine.IO; 11 bob up HTTP.
     */
    private static Timeline known() {
        Timeline t = new Timeline();
        int alice = t.addNode("alice");
        int sw = t.addNode("switch");
        int bob = t.addNode("bob");
        t.record(10, alice, Direction.DOWN, Protocol.SOCKETIO, 0, new Unit.Note("sio"));
        t.record(10, alice, Direction.DOWN, Protocol.WEBSOCKET, 0, new Unit.Note("ws"));
        t.record(11, alice, Direction.DOWN, Timeline.mask(Protocol.TCP) | Timeline.mask(Protocol.IPV4)
                | Timeline.mask(Protocol.ETHERNET), 0, new Unit.Note("segment"));
        t.record(20, sw, Direction.UP, Protocol.ETHERNET, 0, new Unit.Note("frame"));
        t.record(30, bob, Direction.UP, Protocol.ARP, -1, new Unit.Note("arp"));
        t.record(31, bob, Direction.UP, Timeline.mask(Protocol.ETHERNET) | Timeline.mask(Protocol.IPV4), 1,
                new Unit.Note("packet"));
        t.record(32, bob, Direction.STATE, Protocol.TCP, 1, new Unit.Note("ESTABLISHED"));
        t.record(33, bob, Direction.UP, Protocol.ENGINEIO, 1, new Unit.Note("eio"));
        t.record(34, bob, Direction.UP, Protocol.HTTP, 1, new Unit.Note("http"));
        return t;
    }

    private static List<Integer> indices(Query q) {
        return q.list().stream().map(TimelineEvent::index).toList();
    }

    @Test
    void eachLayerSelectsExactlyItsProtocolsEvents() {
        Timeline t = known();
        assertThat(t.size()).isEqualTo(12);
        assertThat(indices(t.query().layer(OsiLayer.APPLICATION))).containsExactly(0, 11);
        assertThat(indices(t.query().layer(OsiLayer.SESSION))).containsExactly(1, 10);
        assertThat(indices(t.query().layer(OsiLayer.TRANSPORT))).containsExactly(t.query().list().stream()
                .filter(e -> e.protocol() == Protocol.TCP).map(TimelineEvent::index).toArray(Integer[]::new));
        assertThat(t.query().layer(OsiLayer.TRANSPORT).list()).extracting(TimelineEvent::node)
                .containsExactly("alice", "bob");
        assertThat(t.query().layer(OsiLayer.NETWORK).list()).hasSize(2)
                .allMatch(e -> e.protocol() == Protocol.IPV4);
        // ARP and Ethernet are both the data link layer
        assertThat(t.query().layer(OsiLayer.DATA_LINK).list()).extracting(TimelineEvent::protocol)
                .containsOnly(Protocol.ETHERNET, Protocol.ARP).hasSize(4);
        assertThat(t.query().layer(OsiLayer.PHYSICAL).count()).isZero();
        assertThat(t.query().layer(OsiLayer.PRESENTATION).count()).isZero();
        // several layers at once
        assertThat(indices(t.query().layer(OsiLayer.APPLICATION, OsiLayer.SESSION))).containsExactly(0, 1, 10, 11);
        // every event is in exactly one layer
        int sum = 0;
        for (OsiLayer l : OsiLayer.values()) {
            sum += t.query().layer(l).count();
        }
        assertThat(sum).isEqualTo(t.size());
    }

    @Test
    void aLayerCombinesWithNodeDirectionConnectionAndTime() {
        Timeline t = known();
        assertThat(indices(t.query().node("bob").layer(OsiLayer.TRANSPORT))).hasSize(1)
                .allMatch(i -> t.get(i).direction() == Direction.STATE);
        assertThat(t.query().node("bob").layer(OsiLayer.TRANSPORT).direction(Direction.UP).count()).isZero();
        assertThat(t.query().node("switch").layer(OsiLayer.DATA_LINK).count()).isOne();
        assertThat(t.query().node("switch").layer(OsiLayer.NETWORK).count()).isZero();
        assertThat(t.query().layer(OsiLayer.DATA_LINK).connection(-1).list()).extracting(TimelineEvent::protocol)
                .containsExactly(Protocol.ARP);
        assertThat(t.query().layer(OsiLayer.NETWORK).between(0, 30).list()).extracting(TimelineEvent::node)
                .containsExactly("alice");
        assertThat(t.query().layer(OsiLayer.NETWORK).protocol(Protocol.TCP).count()).isZero();
        assertThat(t.query().node("nobody").layer(OsiLayer.APPLICATION).count()).isZero();
    }

    @Test
    void onAWholeScenarioEveryLayerQueryAgreesWithTheProtocolsOfThatLayer() {
        Timeline t = ScenarioRunner.run(ScenarioFile.builtIn("one-client.yaml")).timeline();
        for (OsiLayer layer : OsiLayer.values()) {
            EnumSet<Protocol> of = EnumSet.noneOf(Protocol.class);
            for (Protocol p : Protocol.values()) {
                if (p.osi() == layer) {
                    of.add(p);
                }
            }
            List<Integer> expected = t.query().list().stream().filter(e -> of.contains(e.protocol()))
                    .map(TimelineEvent::index).toList();
            assertThat(indices(t.query().layer(layer))).as(layer.name()).isEqualTo(expected);
        }
        // TCP at alice: as many as her TCP events, and the switch has none (it works at layer 2 only)
        assertThat(t.query().node("alice").layer(OsiLayer.TRANSPORT).count())
                .isEqualTo(t.query().node("alice").protocol(Protocol.TCP).count()).isPositive();
        assertThat(t.query().node("switch").layer(OsiLayer.DATA_LINK).count())
                .isEqualTo(t.query().node("switch").count() - t.query().node("switch").direction(Direction.WIRE)
                        .count());
        assertThat(t.query().node("switch").layer(OsiLayer.TRANSPORT).count()).isZero();
        assertThat(t.query().node("server").layer(OsiLayer.APPLICATION).list()).extracting(TimelineEvent::protocol)
                .contains(Protocol.SOCKETIO, Protocol.HTTP);
    }
}
