package org.netsim.wire.ipv4;

/**
 * A 32-bit IPv4 address (RFC 791 §3.1, "Source Address" / "Destination Address"), held as the {@code int} with the
 * first octet in the top byte.
 */
public record Ipv4Address(int value) {
    public static final Ipv4Address ANY = new Ipv4Address(0);
    public static final Ipv4Address LOOPBACK = new Ipv4Address(0x7f000001);
    public static final Ipv4Address BROADCAST = new Ipv4Address(0xffffffff);

    /** Parses dotted-decimal text such as {@code 10.0.0.2}: four numbers 0..255, no leading sign. */
    public static Ipv4Address parse(String text) {
        int v = 0;
        int octets = 0;
        int i = 0;
        int n = text.length();
        while (i <= n) {
            int start = i;
            int octet = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                octet = octet * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || octet > 255 || octets == 4) {
                throw new IllegalArgumentException("not a dotted-decimal IPv4 address: " + text);
            }
            v = (v << 8) | octet;
            octets++;
            if (i == n) {
                break;
            }
            if (text.charAt(i) != '.') {
                throw new IllegalArgumentException("not a dotted-decimal IPv4 address: " + text);
            }
            i++;
        }
        if (octets != 4) {
            throw new IllegalArgumentException("not a dotted-decimal IPv4 address: " + text);
        }
        return new Ipv4Address(v);
    }

    /** The address as an unsigned number, 0 .. 2^32-1. */
    public long unsigned() {
        return value & 0xffff_ffffL;
    }

    /** Octet {@code i} (0 = first). */
    public int octet(int i) {
        return (value >>> (24 - 8 * i)) & 0xff;
    }

    @Override
    public String toString() {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                + (value & 0xff);
    }
}
