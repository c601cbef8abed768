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
    static final long DELAYED_ACK = 40_000_000L;
    static final int QUICK_ACKS = 16;
    /** Linux's TCP_TIMEWAIT_LEN: 60 s. */
    static final long TIME_WAIT = 60_000_000_000L;
    /** Linux's tcp_syn_retries (6) and tcp_retries2 (15). */
    static final int SYN_RETRIES = 6;
    private static final byte[] NO_DATA = new byte[0];
    static final int RETRIES = 15;
    /**
     * The timestamps option as every segment after the SYN carries it (NOP, NOP, kind 8 of 10 bytes): a segment's
     * data is the MSS less these 12 bytes (RFC 6691 §2; Linux's tcp_current_mss), so a full segment fits the MTU.
     */
    static final int TIMESTAMPS_LENGTH = 12;
    /** Linux's tcp_invalid_ratelimit: at most one ACK to out-of-window segments without data per 500 ms. */
    static final long OLD_SEGMENT_ACK_INTERVAL = 500_000_000L;

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
    /** While a segment that fills a hole and what was held after it are taken in: one ACK for all, at the end. */
    private boolean fillingHole;

    private final ReceiveWindow receiveWindow;
    private final OutOfOrderQueue outOfOrder = new OutOfOrderQueue();
    /** The program's reading, when it reads slower than data arrives; {@code null}: it reads everything at once. */
    private SlowReader reader;
    private boolean zeroWindowAdvertised;
    private long lastOldSegmentAck = Long.MIN_VALUE;

    /** The persist timer: armed while data waits for the peer's window and nothing is in flight. */
    private int persistGeneration;
    private boolean persistArmed;
    private int probeBackoff;
    private int probesOut;

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
        this.receiveWindow = new ReceiveWindow((long) (client ? CLIENT_WINDOW : SERVER_WINDOW) << WINDOW_SCALE,
                WINDOW_SCALE);
    }

    /** The program reads at most {@code bitsPerSecond} from this connection (a scenario's {@code readRate}). */
    void readRate(long bitsPerSecond) {
        reader = new SlowReader(this, stack.sim(), bitsPerSecond);
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
        receiveWindow.opened(rcvNxt, SERVER_SYN_WINDOW);
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
        cwnd = 10L * segmentSize();
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
                receiveWindow.opened(rcvNxt, CLIENT_SYN_WINDOW);
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
            probesOut = 0;
            if (persistArmed) {
                // Linux's tcp_ack_probe: an ACK while the window is closed sets the next probe from now on
                cancelPersist();
            }
        }
        receiveData(h, packet, payloadOffset, payloadLength);
        output();
    }

    private void receiveData(TcpHeader h, byte[] packet, int off, int len) {
        boolean fin = h.flags().fin();
        long seq = h.sequence();
        if (len == 0 && !fin) {
            if (after(receiveWindow.advertisedAt(), seq) && state != TcpState.CLOSED) {
                oldSegment(seq);
            }
            return;
        }
        if (after(seq, rcvNxt)) {
            outOfOrder.hold(seq, packet, off, len, fin);
            stack.host().note(Protocol.TCP, index, "segment from seq " + received(seq) + " arrived before the one "
                    + "expected (" + received(rcvNxt) + "): held, duplicate ACK sent");
            sendAck();
            return;
        }
        if (outOfOrder.isEmpty()) {
            take(seq, packet, off, len, fin);
            return;
        }
        // it fills (part of) the hole: what was held and now follows on is taken in, then one immediate ACK for
        // all of it (RFC 5681 §4.2: "an immediate ACK ... when the segment fills in all or part of a gap")
        fillingHole = true;
        take(seq, packet, off, len, fin);
        for (OutOfOrderQueue.Held held; (held = outOfOrder.next(rcvNxt)) != null; ) {
            take(held.seq(), held.data(), 0, held.data().length, held.fin());
        }
        fillingHole = false;
        if (ackPending) {
            sendAck();
        }
    }

    /** In-order data (and FIN) from {@code seq} on: what is new goes to the program. */
    private void take(long seq, byte[] packet, int off, int len, boolean fin) {
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
            if (reader != null) {
                reader.arrived(data);
                if (reader.unread() > receiveWindow.space() / 2) {
                    quickAcks = 0; // Linux leaves quick-ack mode when the buffer is half full (__tcp_select_window)
                }
            } else if (app != null) {
                app.received(this, data);
            }
            if (ackPending && !fillingHole) {
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
            if (reader != null) {
                reader.finArrived();
            } else if (app != null) {
                app.peerClosed(this);
            }
            if (ackPending && !fillingHole) {
                sendAck();
            }
        }
    }

    /** The program read {@code data} from the receive buffer; if that opened the window enough, the peer hears. */
    void programRead(byte[] data) {
        if (app != null) {
            app.received(this, data);
        }
        if (state.receives() && receiveWindow.updateWorthSending(rcvNxt, unread(), segmentSize())) {
            sendAck();
        }
    }

    /** The program read up to the peer's FIN. */
    void programSawFin() {
        if (app != null) {
            app.peerClosed(this);
        }
    }

    /**
     * A segment without data from before the window (a zero-window probe, or a stale ACK): RFC 9293 §3.10.7.4 says
     * to answer an unacceptable segment with an ACK; Linux does, at most once per 500 ms ({@code tcp_sequence} finds
     * it old, {@code tcp_send_dupack} answers, {@code tcp_oow_rate_limited} limits).
     */
    private void oldSegment(long seq) {
        long now = stack.sim().now();
        if (lastOldSegmentAck != Long.MIN_VALUE && now - lastOldSegmentAck < OLD_SEGMENT_ACK_INTERVAL) {
            stack.host().note(Protocol.TCP, index, "segment from seq " + received(seq) + " without data is before "
                    + "the window: not answered (Linux answers at most one every 500 ms)");
            return;
        }
        lastOldSegmentAck = now;
        stack.host().note(Protocol.TCP, index, "segment from seq " + received(seq) + " without data is before the "
                + "window (a window probe): answered with an ACK carrying the window");
        sendAck();
    }

    /** Bytes that take room in the receive buffer: received and not read yet, and held out of order. */
    private long unread() {
        return (reader == null ? 0 : reader.unread()) + outOfOrder.bytes();
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
        cwnd += cwnd < ssthresh ? acked : Math.max(1, (long) segmentSize() * segmentSize() / cwnd);
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
                int full = Math.min(unsent, segmentSize());
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

    private void sendData(int sentOfBuffer, int n, int unsent) {
        boolean retransmission = after(sndMax, sndNxt);
        send(n == unsent ? TcpFlags.PSH_ACK : TcpFlags.ACK, sndNxt, ownWindow(),
                TcpOptions.linuxTimestamps(tsval(), tsRecent), buffer.bytes(), sentOfBuffer, n);
        if (!retransmission && timedSeq < 0) {
            timedSeq = (sndNxt + n) & 0xffffffffL;
            timedAt = stack.sim().now();
        }
        if (persistArmed || probeBackoff > 0) {
            cancelPersist();
            probeBackoff = 0;
        }
        advance(n);
    }

    /** The most data one segment carries: the MSS less the timestamps option it also carries. */
    int segmentSize() {
        return mss - TIMESTAMPS_LENGTH;
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

    /** The window field: the free space of the receive buffer, scaled by our window-scale shift. */
    private int ownWindow() {
        int w = receiveWindow.select(rcvNxt, unread(), segmentSize());
        if ((w == 0) != zeroWindowAdvertised) {
            zeroWindowAdvertised = w == 0;
            stack.host().note(Protocol.TCP, index, w == 0 ? "receive buffer full (" + unread() + " bytes not read "
                    + "yet): window 0 advertised, the peer must stop" : "the program read from the receive buffer: "
                    + "window open again, " + ((long) w << WINDOW_SCALE) + " bytes");
        }
        return w;
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
            stack.host().note(Protocol.TCP, index, "the peer's window (" + peerWindow + " bytes) has no room for "
                    + "the next segment: waiting; persist timer set for " + wait / 1_000_000 + " ms");
        }
        persistArmed = true;
        int generation = ++persistGeneration;
        stack.sim().after(wait, () -> {
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
        if (state == TcpState.CLOSED || state == TcpState.TIME_WAIT || sndMax != sndUna) {
            return;
        }
        int sentOfBuffer = buffer.before(sndNxt);
        int unsent = buffer.length() - sentOfBuffer;
        if (peerWindow > 0) {
            // the window is open, but by less than a segment: send what fits (the "probe" carries data)
            if (unsent > 0) {
                sendData(sentOfBuffer, (int) Math.min(Math.min(unsent, segmentSize()), peerWindow), unsent);
            } else {
                output();
            }
            return;
        }
        if (++probesOut > RETRIES) {
            stack.host().note(Protocol.TCP, index, "no window after " + RETRIES + " zero-window probes: connection "
                    + "abandoned");
            finish();
            return;
        }
        stack.host().note(Protocol.TCP, index, "persist timer: zero-window probe (no data, seq " + sent(sndUna - 1)
                + ", one before the unacknowledged data, so the peer answers with its window)");
        send(TcpFlags.ACK, (sndUna - 1) & 0xffffffffL, ownWindow(), TcpOptions.linuxTimestamps(tsval(), tsRecent),
                null, 0, 0);
        if (probeBackoff < RETRIES) {
            probeBackoff++;
        }
        waitForWindow();
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
            ssthresh = Math.max(((sndMax - sndUna) & 0xffffffffL) / 2, 2L * segmentSize());
            cwnd = segmentSize();
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
        cancelPersist();
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
