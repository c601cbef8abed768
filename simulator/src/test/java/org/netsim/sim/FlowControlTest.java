package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.sim.TcpPair.bytes;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.sim.TcpPair.Segment;

/** The receive window: a program that reads slowly closes it, the sender waits and probes, the window reopens. */
class FlowControlTest {
    private static final long MS = 1_000_000L;

    @Test
    void aProgramThatReadsAtOnceKeepsTheWindowWideOpen() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        byte[] data = bytes(200_000);
        p.client.onConnected = c -> c.write(data);
        p.runFor(2_000 * MS);
        assertThat(p.server.received.toByteArray()).isEqualTo(data);
        assertThat(p.from("b").stream().filter(s -> !s.h().flags().syn())).extracting(s -> s.h().window())
                .containsOnly(TcpConnection.SERVER_WINDOW);
        assertThat(p.from("a").stream().filter(s -> !s.h().flags().syn())).extracting(s -> s.h().window())
                .containsOnly(TcpConnection.CLIENT_WINDOW);
    }

    @Test
    void aSlowReaderFillsTheBufferTheWindowClosesAndTheSenderProbesUntilItReopens() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT, 64_000).connect();
        byte[] data = bytes(100_000);
        p.client.onConnected = c -> c.write(data);
        p.runFor(20_000 * MS);
        // everything arrives, in order, at 64 kbit/s: 12.5 s
        assertThat(p.server.received.toByteArray()).isEqualTo(data);

        List<Segment> all = p.segments();
        long isn = all.get(0).h().sequence();
        long rightEdge = -1;
        long lastAck = -1;
        long zeroWindowAt = -1;
        int zeroWindows = 0;
        int updates = 0;
        int probes = 0;
        int answered = 0;
        Segment previousFromB = null;
        for (int i = 0; i < all.size(); i++) {
            Segment s = all.get(i);
            if (s.h().flags().syn()) {
                if (s.from().equals("b")) {
                    rightEdge = TcpPair.relative(s.h().acknowledgement(), isn) + s.h().window(); // not scaled
                }
                continue;
            }
            if (s.from().equals("b")) {
                long window = (long) s.h().window() << TcpConnection.WINDOW_SCALE;
                long edge = TcpPair.relative(s.h().acknowledgement(), isn) + window;
                // the right edge never moves left (RFC 9293 §3.8.6)
                assertThat(edge).as("right edge at %d", s.time()).isGreaterThanOrEqualTo(rightEdge);
                rightEdge = edge;
                lastAck = TcpPair.relative(s.h().acknowledgement(), isn);
                if (window == 0) {
                    zeroWindows++;
                    zeroWindowAt = s.time();
                }
                if (previousFromB != null && s.pureAck() && window > 0
                        && s.h().acknowledgement() == previousFromB.h().acknowledgement()
                        && s.h().window() > previousFromB.h().window()) {
                    updates++;
                    // receiver-side silly-window avoidance: never an update of less than 1/16 of the buffer
                    assertThat(window).isGreaterThanOrEqualTo(4016);
                }
                previousFromB = s;
            } else {
                // the sender never sends past the window
                assertThat(TcpPair.relative(s.h().sequence(), isn) + s.length()).isLessThanOrEqualTo(rightEdge);
                if (s.length() == 0 && TcpPair.relative(s.h().sequence(), isn) == lastAck - 1) {
                    probes++;
                    if (probes == 1) {
                        // the first probe: the RTO (200 ms minimum) after the zero window arrived
                        assertThat(s.time() - zeroWindowAt).isBetween(200 * MS, 201 * MS);
                    }
                    Segment next = all.get(i + 1);
                    if (next.from().equals("b") && next.pureAck() && next.time() - s.time() < MS) {
                        answered++;
                    }
                }
            }
        }
        assertThat(zeroWindows).isGreaterThan(3);
        assertThat(probes).isGreaterThan(3);
        assertThat(answered).isEqualTo(probes);
        assertThat(updates).isGreaterThan(3);
        assertThat(p.notes("b")).anyMatch(n -> n.startsWith("receive buffer full"));
        assertThat(p.notes("a")).anyMatch(n -> n.startsWith("persist timer: zero-window probe"));
    }

    @Test
    void probesBackOffAndLinuxAnswersAtMostOneEveryHalfSecond() {
        // 8 kbit/s: 1000 bytes a second, so the window stays shut for seconds
        TcpPair p = new TcpPair(LinkConfig.DEFAULT, 8_000).connect();
        p.client.onConnected = c -> c.write(bytes(80_000));
        p.runFor(4_000 * MS);
        List<Segment> fromA = p.from("a");
        long una = p.from("b").get(p.from("b").size() - 1).h().acknowledgement();
        List<Long> probeTimes = fromA.stream().filter(s -> s.length() == 0 && s.h().sequence() == una - 1)
                .map(Segment::time).toList();
        assertThat(probeTimes).hasSizeGreaterThanOrEqualTo(4);
        // 200 ms, then each wait twice the last (counted from the answer, when one came: microseconds later)
        long[] gaps = new long[3];
        for (int i = 0; i < 3; i++) {
            gaps[i] = probeTimes.get(i + 1) - probeTimes.get(i);
        }
        assertThat(gaps[0]).isBetween(400 * MS, 401 * MS);
        assertThat(gaps[1]).isBetween(800 * MS, 801 * MS);
        assertThat(gaps[2]).isBetween(1_600 * MS, 1_601 * MS);
        // the second probe comes 400 ms after the first was answered: too soon for Linux's 500 ms limit
        assertThat(p.notes("b")).filteredOn(n -> n.contains("not answered")).hasSize(1);
        assertThat(p.clientConnection.state()).isEqualTo(TcpState.ESTABLISHED);
    }

    @Test
    void theFinWaitsForTheWindowAndArrivesAfterTheLastByte() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT, 200_000).connect();
        byte[] data = bytes(90_000);
        boolean[] peerClosedAfterData = {false};
        p.client.onConnected = c -> {
            c.write(data);
            c.close();
        };
        p.server.onPeerClosed = c -> {
            peerClosedAfterData[0] = p.server.received.size() == data.length;
            c.close();
        };
        p.runFor(10_000 * MS);
        assertThat(p.server.received.toByteArray()).isEqualTo(data);
        assertThat(peerClosedAfterData[0]).isTrue();
        assertThat(p.states("a")).endsWith("FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT");
    }
}
