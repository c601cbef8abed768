package org.netsim.capture.reassembly;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netsim.wire.ipv6.Ipv6Address;

/** Connections over IPv6 are told apart by both 128-bit addresses and the ports, and reassembled as IPv4 ones are. */
class Ipv6ReassemblyTest {
    private final List<String> log = new ArrayList<>();
    private final TcpReassembler r = new TcpReassembler(new TcpReassembler.Listener() {
        @Override
        public void data(TcpFlow flow, byte[] buf, int off, int len, long frame, long timeNanos) {
            log.add(flow + " " + new String(buf, off, len, StandardCharsets.US_ASCII));
        }

        @Override
        public void gap(TcpFlow flow, long missing, long frame, long timeNanos) {
            log.add(flow + " gap " + missing);
        }

        @Override
        public void end(TcpFlow flow, TcpFlow.End how, long frame, long timeNanos) {
            log.add(flow + " " + how);
        }
    });
    private long frame;

    private void send(Ipv6Address src, int sport, Ipv6Address dst, int dport, long seq, int flags, String data) {
        byte[] b = data.getBytes(StandardCharsets.US_ASCII);
        r.segment(++frame, frame, src, sport, dst, dport, seq, 0, flags, b, 0, b.length);
    }

    @Test
    void twoConnectionsOnTheSamePortsButOtherAddressesStayApartAndReorderedSegmentsJoin() {
        Ipv6Address a = Ipv6Address.parse("2001:db8::1");
        Ipv6Address b = Ipv6Address.parse("2001:db8::2");
        Ipv6Address server = Ipv6Address.LOOPBACK;
        send(a, 50000, server, 3000, 100, TcpReassembler.SYN, "");
        send(b, 50000, server, 3000, 900, TcpReassembler.SYN, "");
        send(a, 50000, server, 3000, 104, TcpReassembler.ACK, "def");
        send(b, 50000, server, 3000, 901, TcpReassembler.ACK, "xyz");
        send(a, 50000, server, 3000, 101, TcpReassembler.ACK, "abc");
        send(a, 50000, server, 3000, 107, TcpReassembler.FIN | TcpReassembler.ACK, "");
        assertThat(log).containsExactly("[2001:db8::2]:50000 → [::1]:3000 xyz",
                "[2001:db8::1]:50000 → [::1]:3000 abc", "[2001:db8::1]:50000 → [::1]:3000 def",
                "[2001:db8::1]:50000 → [::1]:3000 FIN");
        assertThat(r.connections()).isEqualTo(2);
        assertThat(r.outOfOrderSegments()).isEqualTo(1);
        r.finish(frame, frame);
        assertThat(log).contains("[2001:db8::2]:50000 → [::1]:3000 CAPTURE_END");
    }

    @Test
    void anIpv4AndAnIpv6ConnectionWithTheSamePortsAreTwoConnections() {
        r.segment(++frame, 0, 0x7f000001, 50000, 0x7f000001, 3000, 1, 0, TcpReassembler.ACK, "v4".getBytes(), 0, 2);
        send(Ipv6Address.LOOPBACK, 50000, Ipv6Address.LOOPBACK, 3000, 1, TcpReassembler.ACK, "v6");
        assertThat(log).containsExactly("127.0.0.1:50000 → 127.0.0.1:3000 v4", "[::1]:50000 → [::1]:3000 v6");
        assertThat(r.connectionsHeld()).isEqualTo(2);
    }
}
