package org.netsim.sim;

import java.util.Set;

/**
 * A link's properties.
 *
 * @param bitsPerSecond    the bit rate (serialization delay = bits / rate)
 * @param propagationNanos the one-way propagation delay
 * @param mtu              the largest IPv4 packet a frame on this link carries (1500 on Ethernet)
 * @param lossRate         the chance, 0 to 1, that the link loses a frame
 * @param dropFrames       frames to lose on purpose, by their number on this link (1 = the first frame sent on it,
 *                         either way), so a lesson can lose exactly the segment it talks about
 */
public record LinkConfig(long bitsPerSecond, long propagationNanos, int mtu, double lossRate, Set<Integer> dropFrames) {
    /** Fast Ethernet over a short cable: 100 Mb/s, 500 ns, MTU 1500, no loss. */
    public static final LinkConfig DEFAULT = new LinkConfig(100_000_000L, 500, 1500, 0, Set.of());

    public LinkConfig {
        if (bitsPerSecond <= 0) {
            throw new IllegalArgumentException("a link's bit rate must be positive: " + bitsPerSecond);
        }
        if (propagationNanos < 0) {
            throw new IllegalArgumentException("negative propagation delay: " + propagationNanos);
        }
        if (mtu < 68 || mtu > 9000) {
            // RFC 791: "Every internet module must be able to forward a datagram of 68 octets without further
            // fragmentation"
            throw new IllegalArgumentException("an IPv4 link's MTU is between 68 and 9000 bytes, not " + mtu);
        }
        if (!(lossRate >= 0 && lossRate <= 1)) {
            throw new IllegalArgumentException("a loss rate is between 0 and 1, not " + lossRate);
        }
        dropFrames = Set.copyOf(dropFrames);
    }
}
