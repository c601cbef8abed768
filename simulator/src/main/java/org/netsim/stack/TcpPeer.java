package org.netsim.stack;

import org.netsim.random.RandomSource;

/** One side of a TCP connection as the emit session drives it: what it sends next and what it expects. */
final class TcpPeer {
    final Endpoint endpoint;
    /** Initial sequence number (RFC 9293 §3.4.1), from the scenario's seed. */
    final long isn;
    /** Next sequence number to send (SND.NXT). */
    long sendNext;
    /** Next sequence number expected from the peer (RCV.NXT): the acknowledgement number. */
    long receiveNext;
    /** Timestamp clock base (RFC 7323 §5.4: a per-connection random offset), milliseconds. */
    final long tsOffset;
    /** Last TSval seen from the peer, echoed as TSecr. */
    long lastPeerTsval;
    int ipId;

    TcpPeer(Endpoint endpoint, RandomSource random) {
        this.endpoint = endpoint;
        this.isn = random.nextLong() & 0xffffffffL;
        this.sendNext = isn;
        this.tsOffset = random.nextLong() & 0xffffffffL;
        this.ipId = random.nextInt(0x10000);
    }

    long tsval(long elapsedNanos) {
        return (tsOffset + elapsedNanos / 1_000_000) & 0xffffffffL;
    }

    int nextIpId() {
        int id = ipId;
        ipId = (ipId + 1) & 0xffff;
        return id;
    }
}
