package org.netsim.sim;

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
 * timeout) that resends everything unacknowledged from the first lost byte. Out-of-order data is held and answered
 * with a duplicate ACK (no SACK blocks, no fast retransmit: the timeout repairs the loss, which keeps a lossy lesson
 * readable); the segment that fills the hole is acknowledged at once together with what was held.
 * <p>
 * Flow control: the window this end advertises is the free space of its receive buffer ({@link ReceiveWindow}); a
 * program that reads slowly ({@link SlowReader}) fills it, and the window falls to 0. The sender then stops and its
 * persist timer sends zero-window probes as Linux does (RFC 9293 §3.8.6.1, RFC 1122 4.2.2.17): a segment without
 * data one byte before SND.UNA ({@code tcp_xmit_probe_skb} sends {@code snd_una - 1}, which the receiver must
 * answer with an ACK carrying its window), the first after max(RTO, 200 ms), each next one twice as late.
 */
public final class TcpConnection {
    static final int WINDOW_SCALE = 7;
    static final int CLIENT_SYN_WINDOW = 64240;
    static final int SERVER_SYN_WINDOW = 65160;
    /** Window fields after the handshake (raw, scaled by 2^7), as the Linux hosts of our captures advertise. */
    static final int CLIENT_WINDOW = 502;
    static final int SERVER_WINDOW = 509;
    /** Linux's TCP_TIMEWAIT_LEN: 60 s. */
    static final long TIME_WAIT = 60_000_000_000L;
    /** Linux's tcp_syn_retries (6) and tcp_retries2 (15). */
    static final int SYN_RETRIES = 6;
    static final int RETRIES = 15;
    private static final byte[] NO_DATA = new byte[0];
    /**
     * The timestamps option as every segment after the SYN carries it (NOP, NOP, kind 8 of 10 bytes): a segment's
     * data is the MSS less these 12 bytes (RFC 6691 §2; Linux's tcp_current_mss), so a full segment fits the MTU.
     */
    static final int TIMESTAMPS_LENGTH = 12;

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
    private int mss;
    private final long tsOffset;
    private long tsRecent;
    private int ipId;
    private final TcpSender sender;
    private final TcpReceiver receiver;

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
        this.mss = 536;
        this.sender = new TcpSender(this, iss);
        this.receiver = new TcpReceiver(this, (long) (client ? CLIENT_WINDOW : SERVER_WINDOW) << WINDOW_SCALE);
    }

    /** The program reads at most {@code bitsPerSecond} from this connection (a scenario's {@code readRate}). */
    void readRate(long bitsPerSecond) {
        receiver.readRate(bitsPerSecond);
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

    TcpApplication application() {
        return app;
    }

    /** Queues {@code data} for sending; it leaves at once if the windows allow (Node sets TCP_NODELAY). */
    public void write(byte[] data) {
        if (sender.closeRequested() || state == TcpState.CLOSED) {
            throw new IllegalStateException("write after close on connection " + index);
        }
        sender.write(data);
    }

    /** Sends FIN once everything written has been sent. */
    public void close() {
        if (!sender.closeRequested()) {
            sender.close();
        }
    }

    /** Whether everything written has been acknowledged. */
    public boolean drained() {
        return sender.drained();
    }

    // ---------------------------------------------------------------- opening

    void open() {
        setState(TcpState.SYN_SENT);
        sendSyn();
        sender.armRto();
    }

    void sendSyn() {
        long tsval = tsval();
        List<TcpOption> options = client ? TcpOptions.linuxSyn(stack.mss(), tsval, WINDOW_SCALE)
                : TcpOptions.linuxSynAck(stack.mss(), tsval, tsRecent, WINDOW_SCALE);
        send(client ? TcpFlags.SYN : TcpFlags.SYN_ACK, iss, client ? CLIENT_SYN_WINDOW : SERVER_SYN_WINDOW, options,
                null, 0, 0);
        sender.synSent();
    }

    /** A SYN reached a listening port: answer with SYN-ACK. */
    void accept(TcpHeader syn) {
        receiver.synchronize(syn.sequence(), SERVER_SYN_WINDOW);
        peerOptions(syn);
        setState(TcpState.SYN_RECEIVED);
        sendSyn();
        sender.armRto();
    }

    private void peerOptions(TcpHeader h) {
        int peerMss = h.option(TcpOption.MaximumSegmentSize.class).map(TcpOption.MaximumSegmentSize::mss).orElse(536);
        mss = Math.min(peerMss, stack.mss());
        h.option(TcpOption.Timestamps.class).ifPresent(ts -> tsRecent = ts.tsval());
        sender.peerSynchronized(h.option(TcpOption.WindowScale.class).map(TcpOption.WindowScale::shift).orElse(0),
                h.window());
    }

    // ---------------------------------------------------------------- receiving

    /** A segment for this connection arrived. */
    void segment(TcpHeader h, byte[] packet, int payloadOffset, int payloadLength) {
        TcpFlags f = h.flags();
        if (f.rst()) {
            note("reset by the peer");
            finish();
            return;
        }
        if (state == TcpState.SYN_SENT) {
            if (f.syn() && f.ack() && h.acknowledgement() == ((iss + 1) & 0xffffffffL)) {
                receiver.synchronize(h.sequence(), CLIENT_SYN_WINDOW);
                peerOptions(h);
                sender.acknowledged(h.acknowledgement());
                setState(TcpState.ESTABLISHED);
                sendAck();
                if (app != null) {
                    app.connected(this);
                }
                sender.output();
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
            if (!after(h.sequence(), receiver.next())) {
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
            sender.ackArrived(h);
        }
        receiver.data(h, packet, payloadOffset, payloadLength);
        sender.output();
    }

    /** The program read {@code data} from the receive buffer (a {@link SlowReader}'s read). */
    void programRead(byte[] data) {
        receiver.programRead(data);
    }

    /** The program read up to the peer's FIN. */
    void programSawFin() {
        receiver.programSawFin();
    }

    /** The peer's FIN was taken in, after all its data. */
    void finReceived() {
        if (state == TcpState.ESTABLISHED) {
            setState(TcpState.CLOSE_WAIT);
        } else if (state == TcpState.FIN_WAIT_1) {
            setState(TcpState.CLOSING);
        } else {
            enterTimeWait();
        }
    }

    /** The peer acknowledged our FIN. */
    void finAcknowledged() {
        switch (state) {
            case FIN_WAIT_1 -> setState(TcpState.FIN_WAIT_2);
            case CLOSING -> enterTimeWait();
            case LAST_ACK -> finish();
            default -> {
            }
        }
    }

    // ---------------------------------------------------------------- sending

    /** Our FIN is about to leave. */
    void finLeaving() {
        if (state == TcpState.ESTABLISHED) {
            setState(TcpState.FIN_WAIT_1);
        } else if (state == TcpState.CLOSE_WAIT) {
            setState(TcpState.LAST_ACK);
        }
    }

    /** The most data one segment carries: the MSS less the timestamps option it also carries. */
    int segmentSize() {
        return mss - TIMESTAMPS_LENGTH;
    }

    void sendAck() {
        send(TcpFlags.ACK, sender.next(), null, 0, 0);
    }

    /** A segment after the handshake: our window and the timestamps option, as Linux sends them. */
    void send(TcpFlags flags, long seq, byte[] data, int off, int len) {
        send(flags, seq, receiver.window(), TcpOptions.linuxTimestamps(tsval(), tsRecent), data, off, len);
    }

    private void send(TcpFlags flags, long seq, int window, List<TcpOption> options, byte[] data, int off, int len) {
        TcpHeader h = TcpHeader.builder()
                .sourcePort(localPort)
                .destinationPort(remotePort)
                .sequence(seq)
                .acknowledgement(flags.ack() ? receiver.next() : 0)
                .flags(flags)
                .window(window)
                .options(options)
                .build();
        if (flags.ack()) {
            receiver.ackSent();
        }
        // Linux sends a SYN-ACK with IP ID 0 (DF set, no per-socket counter yet); later segments count up
        int id = flags.syn() && flags.ack() ? 0 : nextIpId();
        stack.host().sendTcp(this, h, data == null ? NO_DATA : data, off, len, id);
    }

    private int nextIpId() {
        int id = ipId;
        ipId = (ipId + 1) & 0xffff;
        return id;
    }

    private long tsval() {
        return (tsOffset + (stack.sim().now() - stack.startNanos()) / 1_000_000) & 0xffffffffL;
    }

    // ---------------------------------------------------------------- state

    Simulator sim() {
        return stack.sim();
    }

    /** A note about this connection on the timeline. */
    void note(String text) {
        stack.host().note(Protocol.TCP, index, text);
    }

    private void setState(TcpState s) {
        state = s;
        note(s.name());
    }

    private void enterTimeWait() {
        setState(TcpState.TIME_WAIT);
        sender.stopTimers(false);
        stack.sim().after(TIME_WAIT, () -> {
            if (state == TcpState.TIME_WAIT) {
                finish();
            }
        });
    }

    void finish() {
        if (state == TcpState.CLOSED) {
            return;
        }
        setState(TcpState.CLOSED);
        sender.stopTimers(true);
        stack.remove(this);
        if (app != null) {
            app.closed(this);
        }
    }

    /** Sequence-number comparison modulo 2^32 (RFC 9293 §3.4): is {@code a} after {@code b}? */
    static boolean after(long a, long b) {
        return (int) (a - b) > 0;
    }
}
