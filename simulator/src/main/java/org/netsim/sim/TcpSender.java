package org.netsim.sim;

import static org.netsim.sim.TcpConnection.after;

import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;

/**
 * The sending half of a {@link TcpConnection}: the send buffer and SND.UNA / SND.NXT / SND.MAX, segments of at most
 * the MSS less the timestamps option, a congestion window that starts at ten segments (RFC 6928) and counts whole
 * segments as Linux does, the peer's receive window, retransmission on timeout (RFC 6298: 1 s before the first RTT
 * sample, at least 200 ms as on Linux, doubled on each timeout) from the first unacknowledged byte, and the persist
 * timer that probes a closed window.
 */
final class TcpSender {
    private final TcpConnection c;
    private final long iss;
    private long sndUna;
    private long sndNxt;
    private long sndMax;
    private int peerWindowScale;
    private long peerWindow;

    private final SendBuffer buffer;
    private boolean closeRequested;

    private long cwnd;
    private long ssthresh = Long.MAX_VALUE;
    private final RetransmissionTimeout rto = new RetransmissionTimeout();
    private long timedSeq = -1;
    private long timedAt;
    private long rtoDeadline = -1;
    /** When the earliest pending check of the deadline runs; {@code Long.MAX_VALUE} when none is pending. */
    private long rtoCheckAt = Long.MAX_VALUE;

    /** The persist timer: armed while data waits for the peer's window and nothing is in flight. */
    private int persistGeneration;
    private boolean persistArmed;
    private int probeBackoff;
    private int probesOut;

    TcpSender(TcpConnection c, long iss) {
        this.c = c;
        this.iss = iss;
        this.sndUna = iss;
        this.sndNxt = iss;
        this.sndMax = iss;
        this.buffer = new SendBuffer((iss + 1) & 0xffffffffL);
    }

    /** SND.NXT: the sequence number of the next new byte. */
    long next() {
        return sndNxt;
    }

    void write(byte[] data) {
        buffer.append(data);
        output();
    }

    boolean closeRequested() {
        return closeRequested;
    }

    void close() {
        closeRequested = true;
        output();
    }

    /** Whether everything written has been acknowledged. */
    boolean drained() {
        return buffer.length() == 0;
    }

    /** Our SYN (or SYN-ACK) took sequence number ISS. */
    void synSent() {
        sndNxt = (iss + 1) & 0xffffffffL;
        sndMax = sndNxt;
    }

    /** The peer's SYN said its window scale and window: the windows start. */
    void peerSynchronized(int windowScale, int window) {
        peerWindowScale = Math.min(windowScale, 14);
        peerWindow = window;
        cwnd = 10L * c.segmentSize();
    }

    /** A segment with ACK set arrived after the handshake: its window and what it acknowledges. */
    void ackArrived(TcpHeader h) {
        peerWindow = (long) h.window() << peerWindowScale;
        acknowledged(h.acknowledgement());
        probesOut = 0;
        if (persistArmed) {
            // Linux's tcp_ack_probe: an ACK while the window is closed sets the next probe from now on
            cancelPersist();
        }
    }

    /** The peer acknowledged everything before {@code ack}. */
    void acknowledged(long ack) {
        if (!after(ack, sndUna) || after(ack, sndMax)) {
            return;
        }
        long acked = (ack - sndUna) & 0xffffffffL;
        buffer.acknowledge(ack);
        sndUna = ack;
        if (after(sndUna, sndNxt)) {
            sndNxt = sndUna;
        }
        if (timedSeq >= 0 && !after(timedSeq, ack)) {
            rto.sample(c.sim().now() - timedAt);
            timedSeq = -1;
        }
        rto.acknowledged();
        cwnd += cwnd < ssthresh ? acked : Math.max(1, (long) c.segmentSize() * c.segmentSize() / cwnd);
        rtoDeadline = sndUna == sndMax ? -1 : c.sim().now() + rto.current();
        if (closeRequested && buffer.length() == 0 && sndUna == sndMax && finSent()) {
            c.finAcknowledged();
        }
    }

    private boolean finSent() {
        return sndMax == ((buffer.end() + 1) & 0xffffffffL);
    }

    // ---------------------------------------------------------------- sending

    void output() {
        TcpState state = c.state();
        if (state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED || state == TcpState.CLOSED
                || state == TcpState.TIME_WAIT) {
            return;
        }
        while (true) {
            long inFlight = (sndNxt - sndUna) & 0xffffffffL;
            long window = Math.min(cwnd, peerWindow);
            int sentOfBuffer = buffer.before(sndNxt);
            int unsent = buffer.length() - sentOfBuffer;
            if (unsent > 0) {
                int full = Math.min(unsent, c.segmentSize());
                int n = (int) Math.min(full, window - inFlight);
                // sender-side silly-window avoidance (RFC 9293 §3.8.6.2.1, Linux's tcp_snd_wnd_test): a segment
                // the peer's window would cut short waits for the window to open (or for the persist timer); one the
                // congestion window would cut short waits for an ACK (Linux counts cwnd in whole segments)
                if (n < full) {
                    waitForWindow();
                    break;
                }
                sendData(sentOfBuffer, n, unsent);
            } else if (closeRequested && sndNxt == buffer.end()) {
                if (peerWindow <= inFlight) {
                    waitForWindow(); // a FIN takes a sequence number, and so room in the window
                    break;
                }
                c.finLeaving();
                c.send(TcpFlags.FIN_ACK, sndNxt, null, 0, 0);
                advance(1);
            } else {
                break;
            }
        }
    }

    private void sendData(int sentOfBuffer, int n, int unsent) {
        boolean retransmission = after(sndMax, sndNxt);
        c.send(n == unsent ? TcpFlags.PSH_ACK : TcpFlags.ACK, sndNxt, buffer.bytes(), sentOfBuffer, n);
        if (!retransmission && timedSeq < 0) {
            timedSeq = (sndNxt + n) & 0xffffffffL;
            timedAt = c.sim().now();
        }
        if (persistArmed || probeBackoff > 0) {
            cancelPersist();
            probeBackoff = 0;
        }
        advance(n);
    }

    private void advance(int n) {
        sndNxt = (sndNxt + n) & 0xffffffffL;
        if (after(sndNxt, sndMax)) {
            sndMax = sndNxt;
        }
        if (rtoDeadline < 0) {
            armRto();
        }
    }

    // ---------------------------------------------------------------- the persist timer

    /**
     * Data (or the FIN) waits for the peer's window. With nothing in flight no ACK will come to open it, so the
     * persist timer is set (Linux's tcp_check_probe_timer): after max(RTO, 200 ms), doubled for each probe.
     */
    private void waitForWindow() {
        if (sndMax != sndUna || persistArmed) {
            return;
        }
        long wait = Math.min(RetransmissionTimeout.MAX,
                Math.max(rto.current(), RetransmissionTimeout.MIN) << Math.min(probeBackoff, 20));
        if (probeBackoff == 0) {
            c.note("the peer's window (" + peerWindow + " bytes) has no room for the next segment: waiting; persist "
                    + "timer set for " + wait / 1_000_000 + " ms");
        }
        persistArmed = true;
        int generation = ++persistGeneration;
        c.sim().after(wait, () -> {
            if (generation == persistGeneration) {
                persistArmed = false;
                persistTimeout();
            }
        });
    }

    private void cancelPersist() {
        persistArmed = false;
        persistGeneration++;
    }

    /** Linux's tcp_probe_timer, tcp_send_probe0 and tcp_write_wakeup. */
    private void persistTimeout() {
        TcpState state = c.state();
        if (state == TcpState.CLOSED || state == TcpState.TIME_WAIT || sndMax != sndUna) {
            return;
        }
        int sentOfBuffer = buffer.before(sndNxt);
        int unsent = buffer.length() - sentOfBuffer;
        if (peerWindow > 0) {
            // the window is open, but by less than a segment: send what fits (the "probe" carries data)
            if (unsent > 0) {
                sendData(sentOfBuffer, (int) Math.min(Math.min(unsent, c.segmentSize()), peerWindow), unsent);
            } else {
                output();
            }
            return;
        }
        if (++probesOut > TcpConnection.RETRIES) {
            c.note("no window after " + TcpConnection.RETRIES + " zero-window probes: connection abandoned");
            c.finish();
            return;
        }
        c.note("persist timer: zero-window probe (no data, seq " + relative(sndUna - 1) + ", one before the "
                + "unacknowledged data, so the peer answers with its window)");
        c.send(TcpFlags.ACK, (sndUna - 1) & 0xffffffffL, null, 0, 0);
        if (probeBackoff < TcpConnection.RETRIES) {
            probeBackoff++;
        }
        waitForWindow();
    }

    // ---------------------------------------------------------------- the retransmission timer

    void armRto() {
        rtoDeadline = c.sim().now() + rto.current();
        scheduleRtoCheck();
    }

    /**
     * The timer is a deadline checked lazily: moving it later costs nothing (the check finds it not due and looks
     * again); moving it earlier (data sent after everything was acknowledged, with an RTO shorter than the pending
     * check's) schedules an earlier check, and the later one, when it comes, is ignored.
     */
    private void scheduleRtoCheck() {
        if (rtoDeadline >= 0 && rtoDeadline < rtoCheckAt) {
            rtoCheckAt = rtoDeadline;
            c.sim().at(rtoDeadline, this::rtoCheck);
        }
    }

    private void rtoCheck() {
        if (c.sim().now() != rtoCheckAt) {
            return; // superseded by an earlier check
        }
        rtoCheckAt = Long.MAX_VALUE;
        if (rtoDeadline < 0 || c.state() == TcpState.CLOSED) {
            return;
        }
        if (c.sim().now() < rtoDeadline) {
            scheduleRtoCheck();
            return;
        }
        timeout();
    }

    private void timeout() {
        int timeouts = rto.timedOut();
        boolean opening = c.state() == TcpState.SYN_SENT || c.state() == TcpState.SYN_RECEIVED;
        if (timeouts > (opening ? TcpConnection.SYN_RETRIES : TcpConnection.RETRIES)) {
            c.note("no acknowledgement after " + (timeouts - 1) + " retransmissions: connection abandoned");
            c.finish();
            return;
        }
        long waited = rto.previous() / 1_000_000;
        c.note("retransmission timeout: nothing acknowledged for " + waited + " ms, sending again from seq "
                + relative(sndUna));
        timedSeq = -1; // Karn's algorithm: no RTT sample from a retransmitted segment
        if (opening) {
            c.sendSyn();
        } else {
            ssthresh = Math.max(((sndMax - sndUna) & 0xffffffffL) / 2, 2L * c.segmentSize());
            cwnd = c.segmentSize();
            sndNxt = sndUna;
            output();
        }
        armRto();
    }

    /** The connection ended or waits out TIME_WAIT: no more timeouts, no more probes. */
    void stopTimers(boolean persistToo) {
        rtoDeadline = -1;
        if (persistToo) {
            cancelPersist();
        }
    }

    /** A sequence number of ours relative to our ISN, as Wireshark shows it. */
    private long relative(long seq) {
        return (seq - iss) & 0xffffffffL;
    }
}
