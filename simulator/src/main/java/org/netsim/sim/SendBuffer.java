package org.netsim.sim;

import java.util.Arrays;

/**
 * What a connection has been given to send and the peer has not acknowledged yet: bytes from sequence number
 * {@link #start()} on, first those sent and waiting for their ACK, then those not sent yet. Sequence numbers are
 * 32-bit and wrap (RFC 9293 §3.4).
 */
final class SendBuffer {
    private byte[] bytes = new byte[256];
    private int length;
    private long start;

    SendBuffer(long start) {
        this.start = start;
    }

    /** The sequence number of the first byte held. */
    long start() {
        return start;
    }

    /** The sequence number after the last byte held. */
    long end() {
        return (start + length) & 0xffffffffL;
    }

    int length() {
        return length;
    }

    byte[] bytes() {
        return bytes;
    }

    void append(byte[] data) {
        if (length + data.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + data.length));
        }
        System.arraycopy(data, 0, bytes, length, data.length);
        length += data.length;
    }

    /** How many held bytes lie before sequence number {@code seq} (0 if it is before the start). */
    int before(long seq) {
        return TcpConnection.after(seq, start) ? (int) Math.min(length, (seq - start) & 0xffffffffL) : 0;
    }

    /** Drops what the peer acknowledged: everything before {@code ack}. */
    void acknowledge(long ack) {
        int n = before(ack);
        System.arraycopy(bytes, n, bytes, 0, length - n);
        length -= n;
        start = (start + n) & 0xffffffffL;
    }
}
