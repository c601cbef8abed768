package org.netsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;
import org.netsim.timeline.Timeline;
import org.netsim.timeline.TimelineEvent;

/**
 * A volatile emit on polling leaves only if a GET is pending ({@code transport.writable}). engine.io sets the polling
 * transport writable the moment it handles the GET, so the GET counts from its arrival; only an answer given at
 * once takes Node its 1.5 ms.
 */
class PendingPollTest {
    static String scenario(String script) {
        return UpgradeWindowTest.scenario("", script + "\n  - {at: 300ms, client: alice, disconnect: true}");
    }

    /** When each polling GET with a sid reached the server, and when the server answered it, in order. */
    record Poll(long arrived, long answered) {
    }

    static List<Poll> polls(Timeline t) {
        return t.connections().stream().filter(c -> c.purpose().equals("polling GET")).map(c -> {
            List<TimelineEvent> http = t.query().connection(c.index()).node("server").protocol(Protocol.HTTP).list();
            long in = http.stream().filter(e -> e.direction() == Direction.UP).findFirst().orElseThrow().timeNanos();
            long out = http.stream().filter(e -> e.direction() == Direction.DOWN).findFirst().orElseThrow()
                    .timeNanos();
            return new Poll(in - ScenarioRunner.START_NANOS, out - ScenarioRunner.START_NANOS);
        }).toList();
    }

    static String at(long nanos) {
        return nanos + "ns";
    }

    @Test
    void aVolatileEmitJustAfterAGetArrivedRidesOnItAndOneWithNoGetPendingIsDropped() {
        // the first GET with a sid is answered with the CONNECT answer; the second stays pending until the noop
        List<Poll> polls = polls(Wire.run(scenario("")).timeline());
        assertThat(polls).hasSizeGreaterThanOrEqualTo(2);
        Poll second = polls.get(1);
        assertThat(polls.get(0).answered()).isLessThan(second.arrived());
        assertThat(second.answered() - second.arrived()).isGreaterThan(50_000_000L);

        // 0.2 ms after the second GET arrived: pending, writable, so Node sends the volatile packet in its answer
        ScenarioRun onTime = Wire.run(scenario("  - {at: " + at(second.arrived() + 200_000)
                + ", server: socket.emit, socket: alice, event: tick, args: [1], volatile: true}"));
        assertThat(ShippedScenariosTest.received(onTime.timeline(), "alice", "tick")).isOne();
        Poll answered = polls(onTime.timeline()).get(1);
        assertThat(answered.answered()).isEqualTo(second.arrived() + 200_000);
        List<Wire.Message> m = Wire.messages(onTime, "server");
        Wire.Message tick = Wire.first(m, "192.168.1.1", "42[\"tick\",1]");
        assertThat(tick.transport()).isEqualTo("polling");

        // between the first GET's answer and the second GET's arrival no GET is pending: Node drops it
        long gap = (polls.get(0).answered() + second.arrived()) / 2;
        ScenarioRun dropped = Wire.run(scenario("  - {at: " + at(gap)
                + ", server: socket.emit, socket: alice, event: tick, args: [1], volatile: true}"));
        assertThat(ShippedScenariosTest.received(dropped.timeline(), "alice", "tick")).isZero();
        assertThat(dropped.timeline().query().node("server").direction(Direction.STATE).list())
                .anyMatch(e -> e.description().startsWith("volatile packet for alice dropped"));

        // the same emit, not volatile, waits for the next GET
        ScenarioRun kept = Wire.run(scenario("  - {at: " + at(gap)
                + ", server: socket.emit, socket: alice, event: tick, args: [1]}"));
        assertThat(ShippedScenariosTest.received(kept.timeline(), "alice", "tick")).isOne();
    }

    @Test
    void aGetArrivingWithPacketsWaitingIsAnsweredAfterNodesDelayAndAnEmptyOneWaits() {
        List<Poll> polls = polls(Wire.run(scenario("")).timeline());
        // the first GET with a sid found the CONNECT answer not yet made: it waited, then left with it
        Poll first = polls.get(0);
        assertThat(first.answered() - first.arrived()).isGreaterThan(0);
        // a server emit made while no GET is pending is waiting when the next GET arrives: answered 1.5 ms later
        long gap = (first.answered() + polls.get(1).arrived()) / 2;
        List<Poll> withEmit = polls(Wire.run(scenario("  - {at: " + at(gap)
                + ", server: socket.emit, socket: alice, event: tick, args: [1]}")).timeline());
        assertThat(withEmit.get(1).answered() - withEmit.get(1).arrived()).isEqualTo(1_500_000L);
    }
}
