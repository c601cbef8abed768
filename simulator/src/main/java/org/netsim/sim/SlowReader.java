package org.netsim.sim;

import java.util.ArrayDeque;

/**
 * A program that reads its socket at a limited rate (a scenario's {@code readRate}): what TCP received in order waits
 * in the receive buffer, and every {@link #TICK} the program takes as many bytes as the rate allows since the last
 * read, the first read as soon as data is there. What waits fills the buffer and so shrinks the window the
 * connection offers ({@link ReceiveWindow}). The peer's FIN reaches the program after the last byte before it.
 */
final class SlowReader {
    /** How often the program reads: every 10 ms. */
    static final long TICK = 10_000_000L;
    private static final long BIT_NANOS_PER_BYTE = 8_000_000_000L;

    private final TcpConnection connection;
    private final Simulator sim;
    private final long bitsPerSecond;
    private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();
    /** How much of the first waiting array was read already. */
    private int firstRead;
    private long unread;
    private boolean finWaits;
    private boolean scheduled;
    /** Bit-nanoseconds of reading allowed but not used yet (less than one byte's worth). */
    private long credit;

    SlowReader(TcpConnection connection, Simulator sim, long bitsPerSecond) {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("a read rate must be positive: " + bitsPerSecond);
        }
        this.connection = connection;
        this.sim = sim;
        this.bitsPerSecond = bitsPerSecond;
        // the first read comes as soon as data arrives and takes one tick's worth
        this.credit = bitsPerSecond * TICK;
    }

    /** Bytes received in order and not read by the program yet. */
    long unread() {
        return unread;
    }

    /** In-order bytes arrived: they wait for the program. */
    void arrived(byte[] data) {
        waiting.add(data);
        unread += data.length;
        wake();
    }

    /** The peer's FIN arrived: the program hears of it after reading what came before. */
    void finArrived() {
        finWaits = true;
        wake();
    }

    private void wake() {
        if (!scheduled) {
            scheduled = true;
            sim.after(0, this::read);
        }
    }

    private void read() {
        scheduled = false;
        if (connection.state() == TcpState.CLOSED) {
            return;
        }
        int n = (int) Math.min(unread, credit / BIT_NANOS_PER_BYTE);
        credit -= (long) n * BIT_NANOS_PER_BYTE;
        if (n > 0) {
            connection.programRead(take(n));
        }
        if (unread > 0) {
            // what is left of the credit is less than a byte: a slow rate reads a byte every few ticks
            credit += bitsPerSecond * TICK;
            scheduled = true;
            sim.after(TICK, this::read);
        } else {
            // idle until more arrives; the next read may again take a tick's worth at once
            credit = bitsPerSecond * TICK;
            if (finWaits) {
                finWaits = false;
                connection.programSawFin();
            }
        }
    }

    private byte[] take(int n) {
        byte[] out = new byte[n];
        int at = 0;
        while (at < n) {
            byte[] first = waiting.peek();
            int k = Math.min(n - at, first.length - firstRead);
            System.arraycopy(first, firstRead, out, at, k);
            at += k;
            firstRead += k;
            if (firstRead == first.length) {
                waiting.poll();
                firstRead = 0;
            }
        }
        unread -= n;
        return out;
    }
}
