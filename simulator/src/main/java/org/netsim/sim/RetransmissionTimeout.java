package org.netsim.sim;

/**
 * The retransmission timeout of one connection (RFC 6298): 1 s before the first round-trip sample, then smoothed RTT +
 * 4 × RTT variance, at least 200 ms as on Linux (RFC 6298 says 1 s), at most 120 s, doubled for each timeout in a row
 * (§5.5 "back off the timer").
 */
final class RetransmissionTimeout {
    static final long INITIAL = 1_000_000_000L;
    static final long MIN = 200_000_000L;
    static final long MAX = 120_000_000_000L;
    /** Clock granularity G of RFC 6298 §2: our timestamps count milliseconds. */
    static final long GRANULARITY = 1_000_000L;

    private long rto = INITIAL;
    private long srtt = -1;
    private long rttvar;
    private int backoff;

    /** The timeout to wait now: the base value doubled once per timeout since the last acknowledgement. */
    long current() {
        return withBackoff(backoff);
    }

    /** How long the wait that just ended was. */
    long previous() {
        return withBackoff(backoff - 1);
    }

    private long withBackoff(int times) {
        return Math.min(MAX, rto << Math.min(Math.max(times, 0), 20));
    }

    /** A timeout fired; returns how many have fired in a row. */
    int timedOut() {
        return ++backoff;
    }

    /** New data was acknowledged: the back-off ends. */
    void acknowledged() {
        backoff = 0;
    }

    /** A round-trip sample of a segment sent once (Karn's algorithm keeps retransmitted ones out), RFC 6298 §2.2-2.3. */
    void sample(long r) {
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        rto = Math.max(MIN, srtt + Math.max(GRANULARITY, 4 * rttvar));
    }
}
