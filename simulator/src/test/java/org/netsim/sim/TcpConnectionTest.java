package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.netsim.sim.TcpPair.bytes;
import static org.netsim.sim.TcpPair.cable;
import static org.netsim.sim.TcpPair.relative;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.sim.TcpPair.Segment;

/** One TCP connection between two hosts on a cable, segment by segment. */
class TcpConnectionTest {
    private static final long MS = 1_000_000L;

    @Test
    void aLargeWriteIsCutIntoSegmentsOfTheMssLessTheTimestampsOption() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        byte[] data = bytes(5000);
        p.client.onConnected = c -> c.write(data);
        p.runFor(1_000 * MS);
        List<Segment> syn = p.from("a").stream().filter(s -> s.h().flags().syn()).toList();
        long isn = syn.get(0).h().sequence();
        List<Segment> sent = p.from("a").stream().filter(s -> s.length() > 0).toList();
        // MSS 1460 (MTU 1500 - 40); each segment also carries 12 bytes of timestamps: 1448 bytes of data, so the IP
        // packet is exactly 1500 bytes
        assertThat(sent).extracting(Segment::length).containsExactly(1448, 1448, 1448, 656);
        assertThat(sent).extracting(s -> relative(s.h().sequence(), isn)).containsExactly(1L, 1449L, 2897L, 4345L);
        assertThat(sent).extracting(s -> s.h().headerLength() + s.length() + 20).allMatch(n -> n <= 1500);
        assertThat(sent).extracting(s -> s.h().flags().psh()).containsExactly(false, false, false, true);
        assertThat(p.server.received.toByteArray()).isEqualTo(data);
        // the last ACK from the server covers everything
        Segment lastAck = p.from("b").get(p.from("b").size() - 1);
        assertThat(relative(lastAck.h().acknowledgement(), isn)).isEqualTo(5001L);
    }

    @Test
    void theFirstSixteenSegmentsAreAcknowledgedAtOnceLaterOnesAfterFortyMilliseconds() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        // one small write every 100 ms: each its own segment, and nothing goes back to carry the ACK
        for (int i = 0; i < 18; i++) {
            p.at(10 * MS + i * 100 * MS, () -> p.clientConnection.write(new byte[] {1, 2, 3}));
        }
        p.runFor(2_500 * MS);
        List<Segment> data = p.from("a").stream().filter(s -> s.length() > 0).toList();
        List<Segment> acks = p.from("b").stream().filter(Segment::pureAck).toList();
        assertThat(data).hasSize(18);
        assertThat(acks).hasSize(18);
        for (int i = 0; i < 18; i++) {
            long delay = acks.get(i).time() - data.get(i).time();
            long end = data.get(i).h().sequence() + 3;
            assertThat(acks.get(i).h().acknowledgement()).isEqualTo(end & 0xffffffffL);
            if (i < TcpReceiver.QUICK_ACKS) {
                assertThat(delay).as("quick ACK %d", i).isLessThan(MS);
            } else {
                // a delayed ACK: 40 ms after the segment arrived (a few microseconds after it left)
                assertThat(delay).as("delayed ACK %d", i).isBetween(40 * MS, 41 * MS);
            }
        }
    }

    @Test
    void segmentsAfterAHoleAreHeldAndOneCumulativeAckFollowsTheRetransmission() {
        // frames 6, 7, 8 are three segments of one write; the first is lost
        TcpPair p = new TcpPair(cable(500, 6)).connect();
        byte[] data = bytes(3 * 1448);
        p.client.onConnected = c -> c.write(data);
        p.runFor(3_000 * MS);
        long isn = p.from("a").get(0).h().sequence();
        List<Segment> fromB = p.from("b");
        List<Segment> acks = fromB.stream().filter(Segment::pureAck).toList();
        // two duplicate ACKs, still asking for byte 1, then one ACK for all three segments
        assertThat(acks).extracting(s -> relative(s.h().acknowledgement(), isn) - 0)
                .containsExactly(1L, 1L, 1L + 3 * 1448);
        assertThat(p.noteEvents("b", "held, duplicate ACK sent")).hasSize(2);
        // after the timeout only the lost segment goes again: the ACK tells the sender the rest arrived
        List<Segment> sent = p.from("a").stream().filter(s -> s.length() > 0).toList();
        assertThat(sent).extracting(s -> relative(s.h().sequence(), isn)).containsExactly(1L, 1449L, 2897L, 1L);
        assertThat(sent.get(0).lost()).isTrue();
        assertThat(p.server.received.toByteArray()).isEqualTo(data);
    }

    @Test
    void aLostSynIsSentAgainAfterOneSecondThenTwo() {
        // frames 3 and 4 are the SYN and its first retransmission
        TcpPair p = new TcpPair(cable(500, 3, 4)).connect();
        p.runFor(5_000 * MS);
        List<Segment> syns = p.from("a").stream().filter(s -> s.h().flags().syn()).toList();
        assertThat(syns).hasSize(3);
        // the timer started at connect(), before ARP found b (a few microseconds)
        assertThat(syns.get(1).time() - syns.get(0).time()).isBetween(999 * MS, 1_000 * MS);
        assertThat(syns.get(2).time() - syns.get(1).time()).isEqualTo(2_000 * MS);
        assertThat(p.clientConnection.state()).isEqualTo(TcpState.ESTABLISHED);
        assertThat(p.notes("a")).anyMatch(n -> n.startsWith("retransmission timeout: nothing acknowledged for "
                + "1000 ms")).anyMatch(n -> n.startsWith("retransmission timeout: nothing acknowledged for 2000 ms"));
    }

    @Test
    void aLostSegmentWaitsTheTwoHundredMillisecondMinimumThenTwiceThat() {
        // frame 6 is the first write, 7 its ACK; 8 the second write, 9 its first retransmission
        TcpPair p = new TcpPair(cable(500, 8, 9)).connect();
        p.client.onConnected = c -> c.write(bytes(100));
        p.at(50 * MS, () -> p.clientConnection.write(bytes(100)));
        p.runFor(2_000 * MS);
        List<Segment> second = p.from("a").stream().filter(s -> s.length() > 0).skip(1).toList();
        assertThat(second).hasSize(3).allMatch(s -> s.h().sequence() == second.get(0).h().sequence());
        // an RTT of microseconds gives an RTO of the 200 ms minimum (Linux's, RFC 6298 says 1 s), doubled
        assertThat(second.get(1).time() - second.get(0).time()).isEqualTo(200 * MS);
        assertThat(second.get(2).time() - second.get(1).time()).isEqualTo(400 * MS);
        assertThat(p.server.received.size()).isEqualTo(200);
    }

    @Test
    void karnsAlgorithmTakesNoRoundTripSampleFromARetransmittedSegment() {
        // 50 ms each way: RTT 100 ms, so the RTO is 100 + 4 × 50 = 300 ms. Frame 8 (the second write) is lost and
        // sent again; its ACK comes 400 ms after the first copy left, a sample that would raise the RTO to 587 ms.
        // Frame 11 (the third write) is lost too: its timeout shows which RTO is in force.
        TcpPair p = new TcpPair(cable(50 * MS, 8, 11)).connect();
        p.client.onConnected = c -> c.write(bytes(100));
        p.at(1_000 * MS, () -> p.clientConnection.write(bytes(100)));
        p.at(3_000 * MS, () -> p.clientConnection.write(bytes(100)));
        p.runFor(6_000 * MS);
        List<Segment> data = p.from("a").stream().filter(s -> s.length() > 0).toList();
        assertThat(data).hasSize(5);
        assertThat(data.get(2).time() - data.get(1).time()).isBetween(300 * MS, 301 * MS);
        assertThat(data.get(4).time() - data.get(3).time()).isBetween(300 * MS, 301 * MS);
        assertThat(p.server.received.size()).isEqualTo(300);
    }

    @Test
    void theClientClosesFirst() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        p.client.onConnected = TcpConnection::close;
        p.server.onPeerClosed = TcpConnection::close;
        p.runFor(1_000 * MS);
        assertThat(p.states("a")).containsExactly("SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                "TIME_WAIT");
        assertThat(p.states("b")).containsExactly("SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED");
        assertThat(p.server.closed).isTrue();
        assertThat(p.client.closed).isFalse();
        // TIME_WAIT lasts 60 s (Linux's TCP_TIMEWAIT_LEN)
        long timeWait = p.noteEvents("a", "TIME_WAIT").get(0).timeNanos();
        p.runFor(60_000 * MS);
        assertThat(p.clientConnection.state()).isEqualTo(TcpState.CLOSED);
        assertThat(p.noteEvents("a", "CLOSED").get(0).timeNanos() - timeWait).isEqualTo(TcpConnection.TIME_WAIT);
        assertThat(p.client.closed).isTrue();
        // three segments close it: FIN, FIN+ACK (the server closes as soon as it hears), ACK
        List<Segment> fins = p.segments().stream().filter(s -> s.h().flags().fin()).toList();
        assertThat(fins).extracting(Segment::from).containsExactly("a", "b");
    }

    @Test
    void theServerClosesFirst() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        p.server.onConnected = TcpConnection::close;
        p.client.onPeerClosed = TcpConnection::close;
        p.runFor(1_000 * MS);
        assertThat(p.states("b")).containsExactly("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2",
                "TIME_WAIT");
        assertThat(p.states("a")).containsExactly("SYN_SENT", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED");
        assertThat(p.segments().stream().filter(s -> s.h().flags().fin())).extracting(Segment::from)
                .containsExactly("b", "a");
    }

    @Test
    void bothClosingAtOnceGoThroughClosingToTimeWait() {
        TcpPair p = new TcpPair(LinkConfig.DEFAULT).connect();
        p.at(500 * MS, () -> {
            p.clientConnection.close();
            p.server.connection.close();
        });
        p.runFor(1_000 * MS);
        // the two FINs cross: each end sees the other's FIN before the ACK of its own (RFC 9293 figure 13)
        assertThat(p.states("a")).containsExactly("SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT");
        assertThat(p.states("b")).containsExactly("SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSING",
                "TIME_WAIT");
        p.runFor(61_000 * MS);
        assertThat(p.clientConnection.state()).isEqualTo(TcpState.CLOSED);
        assertThat(p.server.connection.state()).isEqualTo(TcpState.CLOSED);
    }
}
