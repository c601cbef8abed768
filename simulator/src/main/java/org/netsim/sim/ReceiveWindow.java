package org.netsim.sim;

/**
 * The window one end of a connection offers its peer: the free space of its receive buffer, chosen as Linux does in
 * {@code tcp_select_window} and {@code __tcp_select_window} (net/ipv4/tcp_output.c), in outline:
 * <ul>
 * <li>the window is the free space (buffer space less what the program has not read yet), rounded up to a multiple
 * of 2^scale so that the scaled field does not lose it;</li>
 * <li>receiver-side silly-window avoidance (RFC 9293 §3.8.6.2.2, RFC 1122 4.2.3.3): once less than half of the buffer
 * is free, a free space smaller than one segment or than 1/16 of the buffer is offered as 0, so the window reopens in
 * useful steps and not a few bytes at a time;</li>
 * <li>the right edge never moves left (RFC 9293 §3.8.6: a window must not shrink): if the new offer is less than
 * what the last one still leaves, the last one stands, rounded up to 2^scale. So a full buffer gives a zero window
 * only once the peer has used up what was offered.</li>
 * </ul>
 * The buffer's space is what the handshake's values imply (the window Linux advertises once connected), so a
 * program that reads at once always offers exactly that.
 */
final class ReceiveWindow {
    private final long space;
    private final int scale;
    /** Linux's rcv_wnd: the window last advertised, in bytes. */
    private long wnd;
    /** Linux's rcv_wup: RCV.NXT when it was advertised. */
    private long wup;

    ReceiveWindow(long space, int scale) {
        this.space = space;
        this.scale = scale;
    }

    long space() {
        return space;
    }

    /** The SYN or SYN-ACK offered {@code window} (not scaled) with RCV.NXT at {@code rcvNxt}. */
    void opened(long rcvNxt, long window) {
        wnd = window;
        wup = rcvNxt;
    }

    /** RCV.NXT when the last window was advertised: a segment ending before it is old. */
    long advertisedAt() {
        return wup;
    }

    /** Linux's tcp_receive_window: what the last advertisement still leaves the peer beyond {@code rcvNxt}. */
    long remaining(long rcvNxt) {
        long w = (int) (wup + wnd - rcvNxt);
        return Math.max(0, w);
    }

    /** The window the buffer could offer now ({@code __tcp_select_window}), in bytes. */
    long offer(long unread, int segmentSize) {
        long free = Math.max(0, space - unread);
        long mss = Math.min(segmentSize, space);
        if (free < space >> 1) {
            free = free >> scale << scale;
            if (free < space >> 4 || free < mss) {
                return 0;
            }
        }
        return align(Math.min(free, space));
    }

    /**
     * The window field of a segment about to leave ({@code tcp_select_window}): the offer, or what the last
     * advertisement still leaves if that is more. Remembers it as advertised.
     */
    int select(long rcvNxt, long unread, int segmentSize) {
        long current = remaining(rcvNxt);
        long w = offer(unread, segmentSize);
        if (w < current) {
            w = align(current);
        }
        wnd = w;
        wup = rcvNxt;
        return (int) Math.min(w >> scale, 0xffff);
    }

    /**
     * Whether a read that freed buffer space is worth a window update of its own ({@code tcp_cleanup_rbuf}): the
     * window now offered would be at least twice what the peer has left, and that is at most half the buffer.
     */
    boolean updateWorthSending(long rcvNxt, long unread, int segmentSize) {
        long now = remaining(rcvNxt);
        if (2 * now > space) {
            return false;
        }
        long w = offer(unread, segmentSize);
        return w != 0 && w >= 2 * now;
    }

    private long align(long bytes) {
        long unit = 1L << scale;
        return (bytes + unit - 1) / unit * unit;
    }
}
