package org.netsim.wire.ipv4;

/**
 * The 8-bit IPv4 Protocol field (RFC 791 §3.1): which protocol the payload belongs to, numbered by IANA's
 * "Assigned Internet Protocol Numbers". Unknown numbers survive as values.
 */
public record IpProtocol(int value) {
    public static final IpProtocol ICMP = new IpProtocol(1);
    public static final IpProtocol TCP = new IpProtocol(6);
    public static final IpProtocol UDP = new IpProtocol(17);

    private static final IpProtocol[] ALL = new IpProtocol[256];

    static {
        for (int v = 0; v < ALL.length; v++) {
            ALL[v] = v == 1 ? ICMP : v == 6 ? TCP : v == 17 ? UDP : new IpProtocol(v);
        }
    }

    /** The protocol numbered {@code value} (0-255), one shared object per number. */
    public static IpProtocol of(int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("the IPv4 protocol number is 8 bits: " + value);
        }
        return ALL[value];
    }

    public IpProtocol {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException("the IPv4 protocol number is 8 bits: " + value);
        }
    }

    /** "TCP", "UDP", "ICMP", or "Unknown". */
    public String label() {
        return switch (value) {
            case 1 -> "ICMP";
            case 6 -> "TCP";
            case 17 -> "UDP";
            default -> "Unknown";
        };
    }

    /** "TCP (6)". */
    @Override
    public String toString() {
        return label() + " (" + value + ")";
    }
}
