package org.netsim.sim;

import static org.netsim.sim.TcpConnection.after;

import java.util.Arrays;
import org.netsim.wire.tcp.TcpHeader;

/**
 * The receiving half of a {@link TcpConnection}: RCV.NXT, data taken in order and handed to the program (or to its
 * {@link SlowReader}), out-of-order data held until the hole is filled, acknowledgements (quick-ack for the first
 * segments of a connection, then delayed 40 ms unless data going back carries them) and the window this end
 * advertises ({@link ReceiveWindow}).
 */
final class TcpReceiver {
    static final long DELAYED_ACK = 40_000_000L;
    static final int QUICK_ACKS = 16;
    /** Linux's tcp_invalid_ratelimit: at most one ACK to out-of-window segments without data per 500 ms. */
    static final long OLD_SEGMENT_ACK_INTERVAL = 500_000_000L;

    private final TcpConnection c;
    private long rcvNxt;
    private long irs;

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

    TcpReceiver(TcpConnection c, long bufferBytes) {
        this.c = c;
        this.receiveWindow = new ReceiveWindow(bufferBytes, TcpConnection.WINDOW_SCALE);
    }

    /** The program reads at most {@code bitsPerSecond} (a scenario's {@code readRate}). */
    void readRate(long bitsPerSecond) {
        reader = new SlowReader(c, c.sim(), bitsPerSecond);
    }

    /** The peer's SYN with sequence number {@code seq} arrived; this end offered {@code synWindow} in its own. */
    void synchronize(long seq, long synWindow) {
        irs = seq;
        rcvNxt = (seq + 1) & 0xffffffffL;
        receiveWindow.opened(rcvNxt, synWindow);
    }

    /** RCV.NXT: the acknowledgement number of the next segment sent. */
    long next() {
        return rcvNxt;
    }

    /** A segment carrying an acknowledgement is leaving: nothing is waiting to be acknowledged any more. */
    void ackSent() {
        ackPending = false;
    }

    /** The data (and FIN) of an arriving segment. */
    void data(TcpHeader h, byte[] packet, int off, int len) {
        boolean fin = h.flags().fin();
        long seq = h.sequence();
        if (len == 0 && !fin) {
            if (after(receiveWindow.advertisedAt(), seq) && c.state() != TcpState.CLOSED) {
                oldSegment(seq);
            }
            return;
        }
        if (after(seq, rcvNxt)) {
            outOfOrder.hold(seq, packet, off, len, fin);
            c.note("segment from seq " + relative(seq) + " arrived before the one expected (" + relative(rcvNxt)
                    + "): held, duplicate ACK sent");
            c.sendAck();
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
            c.sendAck();
        }
    }

    /** In-order data (and FIN) from {@code seq} on: what is new goes to the program. */
    private void take(long seq, byte[] packet, int off, int len, boolean fin) {
        TcpState state = c.state();
        int skip = (int) ((rcvNxt - seq) & 0xffffffffL);
        if (skip > len || skip == len && !fin) {
            // all of it came before: a retransmission we already have
            c.sendAck();
            return;
        }
        if (skip == len && fin && (state == TcpState.TIME_WAIT || state == TcpState.CLOSE_WAIT
                || state == TcpState.LAST_ACK || state == TcpState.CLOSING)) {
            c.sendAck();
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
            } else if (c.application() != null) {
                c.application().received(c, data);
            }
            if (ackPending && !fillingHole) {
                if (quick) {
                    c.sendAck();
                } else {
                    scheduleDelayedAck();
                }
            }
        }
        if (fin && c.state().receives()) {
            rcvNxt = (rcvNxt + 1) & 0xffffffffL;
            ackPending = true;
            c.finReceived();
            if (reader != null) {
                reader.finArrived();
            } else if (c.application() != null) {
                c.application().peerClosed(c);
            }
            if (ackPending && !fillingHole) {
                c.sendAck();
            }
        }
    }

    /** The program read {@code data} from the receive buffer; if that opened the window enough, the peer hears. */
    void programRead(byte[] data) {
        if (c.application() != null) {
            c.application().received(c, data);
        }
        if (c.state().receives() && receiveWindow.updateWorthSending(rcvNxt, unread(), c.segmentSize())) {
            c.sendAck();
        }
    }

    /** The program read up to the peer's FIN. */
    void programSawFin() {
        if (c.application() != null) {
            c.application().peerClosed(c);
        }
    }

    /**
     * A segment without data from before the window (a zero-window probe, or a stale ACK): RFC 9293 §3.10.7.4 says
     * to answer an unacceptable segment with an ACK; Linux does, at most once per 500 ms ({@code tcp_sequence} finds
     * it old, {@code tcp_send_dupack} answers, {@code tcp_oow_rate_limited} limits).
     */
    private void oldSegment(long seq) {
        long now = c.sim().now();
        if (lastOldSegmentAck != Long.MIN_VALUE && now - lastOldSegmentAck < OLD_SEGMENT_ACK_INTERVAL) {
            c.note("segment from seq " + relative(seq) + " without data is before the window: not answered (Linux "
                    + "answers at most one every 500 ms)");
            return;
        }
        lastOldSegmentAck = now;
        c.note("segment from seq " + relative(seq) + " without data is before the window (a window probe): answered "
                + "with an ACK carrying the window");
        c.sendAck();
    }

    /** Bytes that take room in the receive buffer: received and not read yet, and held out of order. */
    private long unread() {
        return (reader == null ? 0 : reader.unread()) + outOfOrder.bytes();
    }

    /** The window field: the free space of the receive buffer, scaled by our window-scale shift. */
    int window() {
        int w = receiveWindow.select(rcvNxt, unread(), c.segmentSize());
        if ((w == 0) != zeroWindowAdvertised) {
            zeroWindowAdvertised = w == 0;
            c.note(w == 0 ? "receive buffer full (" + unread() + " bytes not read yet): window 0 advertised, the "
                    + "peer must stop" : "the program read from the receive buffer: window open again, "
                    + ((long) w << TcpConnection.WINDOW_SCALE) + " bytes");
        }
        return w;
    }

    private void scheduleDelayedAck() {
        if (delayedAckScheduled) {
            return;
        }
        delayedAckScheduled = true;
        c.sim().after(DELAYED_ACK, () -> {
            delayedAckScheduled = false;
            if (ackPending && c.state() != TcpState.CLOSED) {
                c.sendAck();
            }
        });
    }

    /** A sequence number of the peer's relative to its ISN, as Wireshark shows it. */
    long relative(long seq) {
        return (seq - irs) & 0xffffffffL;
    }
}
