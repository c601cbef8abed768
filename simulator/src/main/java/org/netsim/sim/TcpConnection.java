package org.netsim.sim;

import java.util.Arrays;
import java.util.List;
import org.netsim.pdu.Protocol;
import org.netsim.wire.ipv4.Ipv4Address;
import org.netsim.wire.tcp.TcpFlags;
import org.netsim.wire.tcp.TcpHeader;
import org.netsim.wire.tcp.TcpOption;
import org.netsim.wire.tcp.TcpOptions;

/**
 * One end of a TCP connection (RFC 9293), with the behaviour a Linux host shows on a LAN: the SYN options Linux sends
 * (MSS, SACK permitted, timestamps, window scale 7), segments of at most the MSS, cumulative acknowledgements sent at
 * once for the first segments of a connection (quick-ack) and after 40 ms later on unless data going back carries
 * them, a congestion window that starts at ten segments (RFC 6928) and respects the peer's receive window, and
 * retransmission on timeout (RFC 6298: 1 s before the first RTT sample, at least 200 ms as on Linux, doubled on each
 * timeout) that resends everything unacknowledged from the first lost byte. Out-of-order data is dropped and answered
 * with a duplicate ACK (no SACK blocks, no fast retransmit: the timeout repairs the loss, which keeps a lossy lesson
 * readable).
 */
public final class TcpConnection {
    static final int WINDOW_SCALE = 7;
    static final int CLIENT_SYN_WINDOW = 64240;
    static final int SERVER_SYN_WINDOW = 65160;
    /** Window fields after the handshake (raw, scaled by 2^7), as the Linux hosts of our captures advertise. */
    static final int CLIENT_WINDOW = 502;
    static final int SERVER_WINDOW = 509;
    static final long DELAYED_ACK = 40_000_000L;
    static final int QUICK_ACKS = 16;
    /** Linux's TCP_TIMEWAIT_LEN: 60 s. */
    static final long TIME_WAIT = 60_000_000_000L;
    /** Linux's tcp_syn_retries (6) and tcp_retries2 (15). */
    static final int SYN_RETRIES = 6;
    private static final byte[] NO_DATA = new byte[0];
    static final int RETRIES = 15;

    private final TcpStack stack;
    private final int index;
    private final boolean client;
    private final Ipv4Address localIp;
    private final int localPort;
    private final Ipv4Address remoteIp;
    private final int remotePort;
    private TcpApplication app;
    private TcpState state = TcpState.CLOSED;

    private final long iss;
    private long sndUna;
    private long sndNxt;
    private long sndMax;
    private long rcvNxt;
    private long irs;
    private int mss;
    private int peerWindowScale;
    private long peerWindow;
    private final long tsOffset;
    private long tsRecent;
    private int ipId;

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

    private int quickAcks = QUICK_ACKS;
    private boolean ackPending;
    private boolean delayedAckScheduled;

    TcpConnection(TcpStack stack, int index, boolean client, Ipv4Address localIp, int localPort, Ipv4Address remoteIp,
                  int remotePort) {
        this.stack = stack;
        this.index = index;
        this.client = client;
        this.localIp = localIp;
        this.localPort = localPort;
        this.remoteIp = remoteIp;
        this.remotePort = remotePort;
        var random = stack.random();
        this.iss = random.nextLong() & 0xffffffffL;
        this.tsOffset = random.nextLong() & 0xffffffffL;
        this.ipId = random.nextInt(0x10000);
        this.sndUna = iss;
        this.sndNxt = iss;
        this.sndMax = iss;
        this.buffer = new SendBuffer((iss + 1) & 0xffffffffL);
        this.mss = 536;
    }

    // ---------------------------------------------------------------- what applications call

    public TcpState state() {
        return state;
    }

    /** The connection's number in the timeline. */
    public int index() {
        return index;
    }

    public Ipv4Address remoteIp() {
        return remoteIp;
    }

    public int remotePort() {
        return remotePort;
    }

    public int localPort() {
        return localPort;
    }

    public Host host() {
        return stack.host();
    }

    void setApplication(TcpApplication app) {
        this.app = app;
    }

    /** Queues {@code data} for sending; it leaves at once if the windows allow (Node sets TCP_NODELAY). */
    public void write(byte[] data) {
        if (closeRequested || state == TcpState.CLOSED) {
            throw new IllegalStateException("write after close on connection " + index);
        }
        buffer.append(data);
        output();
    }

    /** Sends FIN once everything written has been sent. */
    public void close() {
        if (closeRequested) {
            return;
        }
        closeRequested = true;
        output();
    }

    /** Whether everything written has been acknowledged. */
    public boolean drained() {
        return buffer.length() == 0;
    }

    // ---------------------------------------------------------------- opening

    void open() {
        setState(TcpState.SYN_SENT);
        sendSyn();
        armRto();
    }

    private void sendSyn() {
        long tsval = tsval();
        List<TcpOption> options = client ? TcpOptions.linuxSyn(stack.mss(), tsval, WINDOW_SCALE)
                : TcpOptions.linuxSynAck(stack.mss(), tsval, tsRecent, WINDOW_SCALE);
        send(client ? TcpFlags.SYN : TcpFlags.SYN_ACK, iss, client ? CLIENT_SYN_WINDOW : SERVER_SYN_WINDOW, options,
                null, 0, 0);
        sndNxt = (iss + 1) & 0xffffffffL;
        sndMax = sndNxt;
    }

    /** A SYN reached a listening port: answer with SYN-ACK. */
    void accept(TcpHeader syn) {
        irs = syn.sequence();
        rcvNxt = (syn.sequence() + 1) & 0xffffffffL;
        peerOptions(syn);
        setState(TcpState.SYN_RECEIVED);
        sendSyn();
        armRto();
    }

    private void peerOptions(TcpHeader h) {
        int peerMss = h.option(TcpOption.MaximumSegmentSize.class).map(TcpOption.MaximumSegmentSize::mss).orElse(536);
        mss = Math.min(peerMss, stack.mss());
        peerWindowScale = h.option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(0);
        peerWindowScale = Math.min(peerWindowScale, 14);
        h.option(TcpOption.Timestamps.class).ifPresent(ts -> tsRecent = ts.tsval());
        peerWindow = h.window();
        cwnd = 10L * mss;
    }

    // ---------------------------------------------------------------- receiving

    /** A segment for this connection arrived. */
    void segment(TcpHeader h, byte[] packet, int payloadOffset, int payloadLength) {
        TcpFlags f = h.flags();
        if (f.rst()) {
            stack.host().note(Protocol.TCP, index, "reset by the peer");
            finish();
            return;
        }
        if (state == TcpState.SYN_SENT) {
            if (f.syn() && f.ack() && h.acknowledgement() == ((iss + 1) & 0xffffffffL)) {
                irs = h.sequence();
                rcvNxt = (h.sequence() + 1) & 0xffffffffL;
                peerOptions(h);
                acknowledged(h.acknowledgement());
                setState(TcpState.ESTABLISHED);
                sendAck();
                if (app != null) {
                    app.connected(this);
                }
                output();
            }
            return;
        }
        if (f.syn()) {
            // our SYN-ACK or ACK was lost and the peer sent its SYN again: answer again
            if (state == TcpState.SYN_RECEIVED) {
                sendSyn();
            } else {
                sendAck();
            }
            return;
        }
        h.option(TcpOption.Timestamps.class).ifPresent(ts -> {
            if (!after(h.sequence(), rcvNxt)) {
                tsRecent = ts.tsval();
            }
        });
        if (f.ack()) {
            if (state == TcpState.SYN_RECEIVED && after(h.acknowledgement(), iss)) {
                setState(TcpState.ESTABLISHED);
                if (app != null) {
                    app.connected(this);
                }
            }
            peerWindow = (long) h.window() << peerWindowScale;
            acknowledged(h.acknowledgement());
        }
        receiveData(h, packet, payloadOffset, payloadLength);
        output();
    }

    private void receiveData(TcpHeader h, byte[] packet, int off, int len) {
        boolean fin = h.flags().fin();
        if (len == 0 && !fin) {
            return;
        }
        long seq = h.sequence();
        if (after(seq, rcvNxt)) {
            stack.host().note(Protocol.TCP, index, "segment from seq " + received(seq) + " arrived before the one "
                    + "expected (" + received(rcvNxt) + "): dropped, duplicate ACK sent");
            sendAck();
            return;
        }
        int skip = (int) ((rcvNxt - seq) & 0xffffffffL);
        if (skip > len || skip == len && !fin) {
            // all of it came before: a retransmission we already have
            sendAck();
            return;
        }
        if (skip == len && fin && (state == TcpState.TIME_WAIT || state == TcpState.CLOSE_WAIT
                || state == TcpState.LAST_ACK || state == TcpState.CLOSING)) {
            sendAck();
            return;
        }
        int fresh = len - skip;
        if (fresh > 0 && state.receives()) {
            rcvNxt = (rcvNxt + fresh) & 0xffffffffL;
            byte[] data = Arrays.copyOfRange(packet, off + skip, off + len);
            ackPending = true;
            boolean quick = quickAcks > 0;
            if (quick) {
                quickAcks--;
            }
            if (app != null) {
                app.received(this, data);
            }
            if (ackPending) {
                if (quick) {
                    sendAck();
                } else {
                    scheduleDelayedAck();
                }
            }
        }
        if (fin && state.receives()) {
            rcvNxt = (rcvNxt + 1) & 0xffffffffL;
            ackPending = true;
            if (state == TcpState.ESTABLISHED) {
                setState(TcpState.CLOSE_WAIT);
            } else if (state == TcpState.FIN_WAIT_1) {
                setState(TcpState.CLOSING);
            } else {
                enterTimeWait();
            }
            if (app != null) {
                app.peerClosed(this);
            }
            if (ackPending) {
                sendAck();
            }
        }
    }

    /** The peer acknowledged everything before {@code ack}. */
    private void acknowledged(long ack) {
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
            rto.sample(stack.sim().now() - timedAt);
            timedSeq = -1;
        }
        rto.acknowledged();
        cwnd += cwnd < ssthresh ? acked : Math.max(1, (long) mss * mss / cwnd);
        rtoDeadline = sndUna == sndMax ? -1 : stack.sim().now() + rto.current();
        boolean finAcked = closeRequested && buffer.length() == 0 && sndUna == sndMax && finSent();
        if (finAcked) {
            switch (state) {
                case FIN_WAIT_1 -> setState(TcpState.FIN_WAIT_2);
                case CLOSING -> enterTimeWait();
                case LAST_ACK -> finish();
                default -> {
                }
            }
        }
    }

    private boolean finSent() {
        return sndMax == ((buffer.end() + 1) & 0xffffffffL);
    }

    // ---------------------------------------------------------------- sending

    private void output() {
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
                int n = (int) Math.min(Math.min(unsent, mss), window - inFlight);
                if (n <= 0) {
                    break;
                }
                boolean retransmission = after(sndMax, sndNxt);
                send(n == unsent ? TcpFlags.PSH_ACK : TcpFlags.ACK, sndNxt, ownWindow(),
                        TcpOptions.linuxTimestamps(tsval(), tsRecent), buffer.bytes(), sentOfBuffer, n);
                if (!retransmission && timedSeq < 0) {
                    timedSeq = (sndNxt + n) & 0xffffffffL;
                    timedAt = stack.sim().now();
                }
                advance(n);
            } else if (closeRequested && sndNxt == buffer.end()) {
                if (state == TcpState.ESTABLISHED) {
                    setState(TcpState.FIN_WAIT_1);
                } else if (state == TcpState.CLOSE_WAIT) {
                    setState(TcpState.LAST_ACK);
                }
                send(TcpFlags.FIN_ACK, sndNxt, ownWindow(), TcpOptions.linuxTimestamps(tsval(), tsRecent), null, 0,
                        0);
                advance(1);
            } else {
                break;
            }
        }
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

    private void sendAck() {
        send(TcpFlags.ACK, sndNxt, ownWindow(), TcpOptions.linuxTimestamps(tsval(), tsRecent), null, 0, 0);
    }

    private void send(TcpFlags flags, long seq, int window, List<TcpOption> options, byte[] data, int off, int len) {
        TcpHeader h = TcpHeader.builder()
                .sourcePort(localPort)
                .destinationPort(remotePort)
                .sequence(seq)
                .acknowledgement(flags.ack() ? rcvNxt : 0)
                .flags(flags)
                .window(window)
                .options(options)
                .build();
        if (flags.ack()) {
            ackPending = false;
        }
        // Linux sends a SYN-ACK with IP ID 0 (DF set, no per-socket counter yet); later segments count up
        int id = flags.syn() && flags.ack() ? 0 : nextIpId();
        stack.host().sendTcp(this, h, data == null ? NO_DATA : data, off, len, id);
    }

    private int ownWindow() {
        return client ? CLIENT_WINDOW : SERVER_WINDOW;
    }

    private int nextIpId() {
        int id = ipId;
        ipId = (ipId + 1) & 0xffff;
        return id;
    }

    private long tsval() {
        return (tsOffset + (stack.sim().now() - stack.startNanos()) / 1_000_000) & 0xffffffffL;
    }

    // ---------------------------------------------------------------- timers

    private void scheduleDelayedAck() {
        if (delayedAckScheduled) {
            return;
        }
        delayedAckScheduled = true;
        stack.sim().after(DELAYED_ACK, () -> {
            delayedAckScheduled = false;
            if (ackPending && state != TcpState.CLOSED) {
                sendAck();
            }
        });
    }

    private void armRto() {
        rtoDeadline = stack.sim().now() + rto.current();
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
            stack.sim().at(rtoDeadline, this::rtoCheck);
        }
    }

    private void rtoCheck() {
        if (stack.sim().now() != rtoCheckAt) {
            return; // superseded by an earlier check
        }
        rtoCheckAt = Long.MAX_VALUE;
        if (rtoDeadline < 0 || state == TcpState.CLOSED) {
            return;
        }
        if (stack.sim().now() < rtoDeadline) {
            scheduleRtoCheck();
            return;
        }
        timeout();
    }

    private void timeout() {
        int timeouts = rto.timedOut();
        boolean opening = state == TcpState.SYN_SENT || state == TcpState.SYN_RECEIVED;
        if (timeouts > (opening ? SYN_RETRIES : RETRIES)) {
            stack.host().note(Protocol.TCP, index, "no acknowledgement after " + (timeouts - 1)
                    + " retransmissions: connection abandoned");
            finish();
            return;
        }
        long waited = rto.previous() / 1_000_000;
        stack.host().note(Protocol.TCP, index, "retransmission timeout: nothing acknowledged for " + waited
                + " ms, sending again from seq " + sent(sndUna));
        timedSeq = -1; // Karn's algorithm: no RTT sample from a retransmitted segment
        if (opening) {
            sendSyn();
        } else {
            ssthresh = Math.max(((sndMax - sndUna) & 0xffffffffL) / 2, 2L * mss);
            cwnd = mss;
            sndNxt = sndUna;
            output();
        }
        armRto();
    }

    // ---------------------------------------------------------------- state

    private void setState(TcpState s) {
        state = s;
        stack.host().note(Protocol.TCP, index, s.name());
    }

    private void enterTimeWait() {
        setState(TcpState.TIME_WAIT);
        rtoDeadline = -1;
        stack.sim().after(TIME_WAIT, () -> {
            if (state == TcpState.TIME_WAIT) {
                finish();
            }
        });
    }

    private void finish() {
        if (state == TcpState.CLOSED) {
            return;
        }
        setState(TcpState.CLOSED);
        rtoDeadline = -1;
        stack.remove(this);
        if (app != null) {
            app.closed(this);
        }
    }

    /** A sequence number of ours relative to our ISN, as Wireshark shows it. */
    private long sent(long seq) {
        return (seq - iss) & 0xffffffffL;
    }

    /** A sequence number of the peer's relative to its ISN. */
    private long received(long seq) {
        return (seq - irs) & 0xffffffffL;
    }

    /** Sequence-number comparison modulo 2^32 (RFC 9293 §3.4): is {@code a} after {@code b}? */
    static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }
}
