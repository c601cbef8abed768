package org.netsim.capture.reassembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpReassemblerTest {
    private static final int C = 0x7f000001;
    private static final int S = 0x7f000002;
    private static final int CP = 40000;
    private static final int SP = 3000;

    /** Records what the reassembler delivers, one line per call. */
    private static final class Log implements TcpReassembler.Listener {
        final List<String> events = new ArrayList<>();

        @Override
        public void data(TcpFlow flow, byte[] buf, int off, int len, long frame, long timeNanos) {
            events.add(dir(flow) + " data " + new String(buf, off, len, StandardCharsets.ISO_8859_1) + " @" + frame);
        }

        @Override
        public void gap(TcpFlow flow, long missing, long frame, long timeNanos) {
            events.add(dir(flow) + " gap " + missing + " @" + frame);
        }

        @Override
        public void end(TcpFlow flow, TcpFlow.End how, long frame, long timeNanos) {
            events.add(dir(flow) + " end " + how);
        }

        private static String dir(TcpFlow f) {
            return f.sourcePort() == CP ? "c" : "s";
        }
    }

    private final Log log = new Log();
    private TcpReassembler r = new TcpReassembler(log, new TcpReassembler.Limits(1 << 20, 4, 1000, 16));
    private long frame;

    private void c(long seq, int flags, String data) {
        byte[] b = data.getBytes(StandardCharsets.ISO_8859_1);
        r.segment(++frame, frame * 1000, C, CP, S, SP, seq & 0xffffffffL, 0, flags, b, 0, b.length);
    }

    private void s(long seq, long ack, int flags, String data) {
        byte[] b = data.getBytes(StandardCharsets.ISO_8859_1);
        r.segment(++frame, frame * 1000, S, SP, C, CP, seq & 0xffffffffL, ack & 0xffffffffL, flags, b, 0, b.length);
    }

    private static final int SYN = TcpReassembler.SYN;
    private static final int ACK = TcpReassembler.ACK;
    private static final int FIN = TcpReassembler.FIN;
    private static final int RST = TcpReassembler.RST;

    private void handshake(long isn) {
        c(isn, SYN, "");
        s(5000, isn + 1, SYN | ACK, "");
        c(isn + 1, ACK, "");
    }

    @Test
    void inOrderSegmentsAreDeliveredFromTheByteAfterTheSyn() {
        handshake(100);
        c(101, ACK, "hello ");
        c(107, ACK, "world");
        s(5001, 112, ACK, "ok");
        assertThat(log.events).containsExactly("c data hello  @4", "c data world @5", "s data ok @6");
        assertThat(r.connections()).isEqualTo(1);
    }

    @Test
    void outOfOrderSegmentsWaitForTheHoleToBeFilled() {
        handshake(100);
        c(104, ACK, "def");
        c(107, ACK, "ghi");
        c(101, ACK, "abc");
        assertThat(log.events).containsExactly("c data abc @6", "c data def @4", "c data ghi @5");
        assertThat(r.outOfOrderSegments()).isEqualTo(2);
    }

    @Test
    void retransmissionsAreDroppedAndPartialOverlapsGiveOnlyTheirNewBytes() {
        handshake(100);
        c(101, ACK, "abc");
        c(101, ACK, "abc");
        c(102, ACK, "bcdef");
        c(104, ACK, "d");
        c(110, ACK, "xyz");
        c(107, ACK, "ghijk");
        // the in-order segment wins over the held one it overlaps: the held one gives only its last byte
        assertThat(log.events).containsExactly("c data abc @4", "c data def @6", "c data ghijk @9", "c data z @8");
        assertThat(r.duplicateSegments()).isEqualTo(2);
        assertThat(r.overlappingSegments()).isEqualTo(1);
    }

    @Test
    void aSegmentAcknowledgedButNeverCapturedBecomesAGapOfItsLengthAfterTheGrace() {
        handshake(100);
        c(101, ACK, "abc");
        c(111, ACK, "later");
        // the server acknowledges everything: the 7 bytes in between reached it, the capture missed them
        s(5001, 116, ACK, "");
        assertThat(log.events).containsExactly("c data abc @4");
        for (int i = 0; i < 4; i++) {
            s(5001, 116, ACK, "");
        }
        assertThat(log.events).containsExactly("c data abc @4", "c gap 7 @5", "c data later @5");
        assertThat(r.gapBytes()).isEqualTo(7);
    }

    @Test
    void aHoleNobodyAcknowledgedIsKeptUntilTheCaptureEnds() {
        handshake(100);
        c(101, ACK, "abc");
        c(111, ACK, "later");
        for (int i = 0; i < 10; i++) {
            s(5001, 104, ACK, "");
        }
        assertThat(log.events).containsExactly("c data abc @4");
        r.finish(frame, 0);
        assertThat(log.events).containsExactly("c data abc @4", "c gap 7 @5", "c data later @5", "c end CAPTURE_END",
                "s end CAPTURE_END");
    }

    @Test
    void finEndsAStreamOnlyOnceEveryByteBeforeItArrived() {
        handshake(100);
        c(104, FIN | ACK, "def");
        assertThat(log.events).isEmpty();
        c(101, ACK, "abc");
        assertThat(log.events).containsExactly("c data abc @5", "c data def @4", "c end FIN");
        s(5001, 108, FIN | ACK, "");
        assertThat(log.events).endsWith("s end FIN");
        // the connection is finished: a late duplicate is ignored, not taken for a new connection
        c(101, ACK, "abc");
        assertThat(log.events).hasSize(4);
    }

    @Test
    void resetEndsBothDirectionsAndFlushesWhatWasHeldAfterItsGap() {
        handshake(100);
        c(101, ACK, "abc");
        c(110, ACK, "xyz");
        s(5001, 104, RST | ACK, "");
        assertThat(log.events).containsExactly("c data abc @4", "c gap 6 @5", "c data xyz @5", "c end RESET",
                "s end RESET");
    }

    @Test
    void sequenceNumbersWrapAtTwoToThe32() {
        long isn = 0xffff_fffaL;
        handshake(isn);
        // bytes 0..3 before the wrap, 4.. after it; delivered out of order
        c(isn + 1 + 4, ACK, "efgh");
        c(isn + 1, ACK, "abcd");
        c(isn + 1 + 8, ACK, "ijkl");
        assertThat(log.events).containsExactly("c data abcd @5", "c data efgh @4", "c data ijkl @6");
        assertThat(((isn + 1 + 8) & 0xffffffffL)).isLessThan(isn);
    }

    @Test
    void aConnectionSeenWithoutItsHandshakeStartsAtItsFirstData() {
        c(7777, ACK, "mid");
        c(7780, ACK, "dle");
        assertThat(log.events).containsExactly("c data mid @1", "c data dle @2");
    }

    @Test
    void heldBytesAreBounded() {
        r = new TcpReassembler(log, new TcpReassembler.Limits(8, 1000, 1000, 16));
        handshake(100);
        c(111, ACK, "12345");
        c(116, ACK, "6789");
        assertThat(log.events).containsExactly("c gap 10 @4", "c data 12345 @4", "c data 6789 @5");
    }

    @Test
    void aNewSynOnAFinishedConnectionsAddressesStartsANewConnection() {
        handshake(100);
        c(101, FIN | ACK, "");
        s(5001, 102, FIN | ACK, "");
        handshake(9000);
        c(9001, ACK, "again");
        assertThat(log.events).containsExactly("c end FIN", "s end FIN", "c data again @9");
        assertThat(r.connections()).isEqualTo(2);
    }

    @Test
    void finishedConnectionsAreForgottenBeyondTheLimit() {
        for (int i = 0; i < 40; i++) {
            int port = 41000 + i;
            byte[] none = new byte[0];
            r.segment(++frame, 0, C, port, S, SP, 1, 0, SYN, none, 0, 0);
            r.segment(++frame, 0, C, port, S, SP, 2, 0, FIN | ACK, none, 0, 0);
            r.segment(++frame, 0, S, SP, C, port, 1, 3, SYN | ACK | FIN, none, 0, 0);
        }
        assertThat(r.connections()).isEqualTo(40);
        assertThat(r.connectionsHeld()).isEqualTo(16);
    }
}
