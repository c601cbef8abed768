package org.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window a receive buffer offers, as Linux's tcp_select_window chooses it. */
class ReceiveWindowTest {
    private static final int MSS = 1448;
    /** The client's buffer: 502 × 128 bytes. */
    private static final long SPACE = 64256;

    @Test
    void anEmptyBufferOffersWhatLinuxAdvertisesAfterTheHandshake() {
        ReceiveWindow client = new ReceiveWindow(SPACE, 7);
        client.opened(1000, 64240);
        assertThat(client.select(1000, 0, MSS)).isEqualTo(502);
        ReceiveWindow server = new ReceiveWindow(509 * 128, 7);
        server.opened(1, 65160);
        // the SYN-ACK offered 65160 bytes; once the client's request is in, 509 × 128 = 65152 is no shrinking
        assertThat(server.select(301, 0, MSS)).isEqualTo(509);
        assertThat(server.select(301, 0, MSS)).isEqualTo(509);
    }

    @Test
    void theWindowIsTheFreeSpaceRoundedUpToTheScale() {
        ReceiveWindow w = new ReceiveWindow(SPACE, 7);
        w.opened(0, SPACE);
        // 20000 bytes arrived and wait unread: 44256 free, 345.75 units of 128, offered as 346
        assertThat(w.select(20000, 20000, MSS)).isEqualTo(346);
        // read at once, the same data leaves the window whole
        assertThat(w.select(20000, 0, MSS)).isEqualTo(502);
    }

    @Test
    void aFullBufferOffersZeroOnlyOnceThePeerHasUsedWhatWasOffered() {
        ReceiveWindow w = new ReceiveWindow(SPACE, 7);
        w.opened(0, SPACE);
        // 60928 bytes unread: 3328 free is less than 1/16 of the buffer (4016), so the buffer offers nothing...
        assertThat(w.offer(60928, MSS)).isZero();
        // ...but the right edge never moves left: the last advertisement still leaves 3328 bytes, 26 units
        assertThat(w.select(60928, 60928, MSS)).isEqualTo(26);
        assertThat(w.remaining(60928)).isEqualTo(3328);
        // the peer sends those 3328 bytes: now the window is 0
        assertThat(w.select(64256, 64256, MSS)).isZero();
        assertThat(w.remaining(64256)).isZero();
    }

    @Test
    void theWindowReopensInUsefulStepsOnly() {
        ReceiveWindow w = new ReceiveWindow(SPACE, 7);
        w.opened(0, SPACE);
        assertThat(w.select(SPACE, SPACE, MSS)).isZero();
        // silly-window avoidance: 4000 bytes read is less than 1/16 of the buffer: no update, still 0
        assertThat(w.updateWorthSending(SPACE, SPACE - 4000, MSS)).isFalse();
        assertThat(w.offer(SPACE - 4000, MSS)).isZero();
        // 4096 read: worth a window update of 4096 bytes (32 units)
        assertThat(w.updateWorthSending(SPACE, SPACE - 4096, MSS)).isTrue();
        assertThat(w.select(SPACE, SPACE - 4096, MSS)).isEqualTo(32);
        // the next update only when it at least doubles what the peer has left
        assertThat(w.updateWorthSending(SPACE, SPACE - 6000, MSS)).isFalse();
        assertThat(w.updateWorthSending(SPACE, SPACE - 8192, MSS)).isTrue();
        // once half the buffer is free, any free space counts, up to the whole buffer
        assertThat(w.offer(SPACE / 2, MSS)).isEqualTo(SPACE / 2);
        assertThat(w.offer(0, MSS)).isEqualTo(SPACE);
    }

    @Test
    void aBufferSmallerThanOneSegmentStillOpens() {
        // with a segment larger than the whole buffer Linux measures against the buffer instead
        ReceiveWindow w = new ReceiveWindow(1024, 0);
        w.opened(0, 1024);
        assertThat(w.offer(0, MSS)).isEqualTo(1024);
        assertThat(w.offer(600, MSS)).isZero();
        assertThat(w.select(1024, 1024, MSS)).isZero();
    }
}
