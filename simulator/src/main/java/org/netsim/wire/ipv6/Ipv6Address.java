package org.netsim.wire.ipv6;

/**
 * A 128-bit IPv6 address (RFC 4291 §2), held as two longs, the first 64 bits in {@code high}. Printed in the
 * recommended text form of RFC 5952 §4: lower-case hex, no leading zeros, the longest run of two or more zero groups
 * written {@code ::} (the first such run on a tie), and an IPv4-mapped address with its last 32 bits dotted
 * ({@code ::ffff:127.0.0.1}, §5).
 */
public record Ipv6Address(long high, long low) {
    public static final Ipv6Address UNSPECIFIED = new Ipv6Address(0, 0);
    public static final Ipv6Address LOOPBACK = new Ipv6Address(0, 1);

    /** The 16 bytes at {@code b[off]}. */
    public static Ipv6Address of(byte[] b, int off) {
        return new Ipv6Address(u64(b, off), u64(b, off + 8));
    }

    private static long u64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (b[off + i] & 0xff);
        }
        return v;
    }

    /** Writes the 16 bytes at {@code out[at]}. */
    public void write(byte[] out, int at) {
        for (int i = 0; i < 8; i++) {
            out[at + i] = (byte) (high >>> (56 - 8 * i));
            out[at + 8 + i] = (byte) (low >>> (56 - 8 * i));
        }
    }

    public byte[] toBytes() {
        byte[] b = new byte[16];
        write(b, 0);
        return b;
    }

    /** 16-bit group {@code i} (0 = first). */
    public int group(int i) {
        long half = i < 4 ? high : low;
        return (int) (half >>> (48 - 16 * (i & 3))) & 0xffff;
    }

    /** The sum of the eight 16-bit groups, for a one's-complement checksum over a pseudo-header (RFC 8200 §8.1). */
    public long groupSum() {
        long s = 0;
        for (int i = 0; i < 8; i++) {
            s += group(i);
        }
        return s;
    }

    public boolean isLoopback() {
        return high == 0 && low == 1;
    }

    /** Whether this is an IPv4-mapped address, {@code ::ffff:a.b.c.d} (RFC 4291 §2.5.5.2). */
    public boolean isIpv4Mapped() {
        return high == 0 && (low >>> 32) == 0xffff;
    }

    /**
     * Parses the text forms of RFC 4291 §2.2: eight groups of up to four hex digits, one {@code ::} for a run of zero
     * groups, and optionally a dotted IPv4 address in the last 32 bits. A zone ({@code %eth0}) is not accepted.
     */
    public static Ipv6Address parse(String text) {
        String s = text;
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int[] groups = new int[8];
        int n = 0;
        int gap = -1;
        int i = 0;
        int len = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.startsWith(":")) {
            throw bad(text);
        }
        while (i < len) {
            if (n == 8) {
                throw bad(text);
            }
            int dot = s.indexOf('.', i);
            int colon = s.indexOf(':', i);
            if (dot >= 0 && (colon < 0 || dot < colon)) {
                // the last 32 bits as a dotted IPv4 address
                if (n > 6) {
                    throw bad(text);
                }
                int v4;
                try {
                    v4 = org.netsim.wire.ipv4.Ipv4Address.parse(s.substring(i)).value();
                } catch (IllegalArgumentException e) {
                    throw bad(text);
                }
                groups[n++] = v4 >>> 16;
                groups[n++] = v4 & 0xffff;
                i = len;
                break;
            }
            int end = colon < 0 ? len : colon;
            if (end == i || end - i > 4) {
                throw bad(text);
            }
            int v = 0;
            for (int k = i; k < end; k++) {
                int d = Character.digit(s.charAt(k), 16);
                if (d < 0) {
                    throw bad(text);
                }
                v = v << 4 | d;
            }
            groups[n++] = v;
            if (colon < 0) {
                i = len;
            } else if (colon + 1 < len && s.charAt(colon + 1) == ':') {
                if (gap >= 0) {
                    throw bad(text);
                }
                gap = n;
                i = colon + 2;
            } else if (colon + 1 == len) {
                throw bad(text);
            } else {
                i = colon + 1;
            }
        }
        if (gap < 0 && n != 8 || gap >= 0 && n == 8) {
            throw bad(text);
        }
        int[] all = new int[8];
        if (gap < 0) {
            all = groups;
        } else {
            System.arraycopy(groups, 0, all, 0, gap);
            System.arraycopy(groups, gap, all, 8 - (n - gap), n - gap);
        }
        long hi = 0;
        long lo = 0;
        for (int k = 0; k < 4; k++) {
            hi = hi << 16 | all[k];
            lo = lo << 16 | all[k + 4];
        }
        return new Ipv6Address(hi, lo);
    }

    private static IllegalArgumentException bad(String text) {
        return new IllegalArgumentException("not an IPv6 address: " + text);
    }

    @Override
    public String toString() {
        if (isIpv4Mapped()) {
            return "::ffff:" + ((low >>> 24) & 0xff) + "." + ((low >>> 16) & 0xff) + "." + ((low >>> 8) & 0xff) + "."
                    + (low & 0xff);
        }
        // the longest run of at least two zero groups (RFC 5952 §4.2.2, §4.2.3)
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (group(i) != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group(j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(group(i)));
        }
        return sb.toString();
    }
}
