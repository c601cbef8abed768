package org.netsim.capture.reassembly;

import java.util.ArrayList;
import java.util.List;

/**
 * Connections by their two endpoints, whichever way a segment travels: open addressing on two longs
 * ({@code ip << 16 | port} of the lower endpoint, then of the higher), so a lookup per frame allocates nothing.
 */
final class ConnectionTable {
    private long[] keyA = new long[64];
    private long[] keyB = new long[64];
    private Connections.Connection[] values = new Connections.Connection[64];
    private int size;

    private static long endpoint(int ip, int port) {
        return (ip & 0xffff_ffffL) << 16 | port;
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E37_79B9_7F4A_7C15L + b;
        h ^= h >>> 29;
        h *= 0xBF58_476D_1CE4_E5B9L;
        return (int) (h ^ (h >>> 32));
    }

    private int find(long a, long b) {
        int mask = values.length - 1;
        int i = hash(a, b) & mask;
        while (values[i] != null) {
            if (keyA[i] == a && keyB[i] == b) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return ~i;
    }

    Connections.Connection get(int ip1, int port1, int ip2, int port2) {
        long x = endpoint(ip1, port1);
        long y = endpoint(ip2, port2);
        int i = x <= y ? find(x, y) : find(y, x);
        return i >= 0 ? values[i] : null;
    }

    void put(int ip1, int port1, int ip2, int port2, Connections.Connection c) {
        long x = endpoint(ip1, port1);
        long y = endpoint(ip2, port2);
        long a = Math.min(x, y);
        long b = Math.max(x, y);
        int i = find(a, b);
        if (i >= 0) {
            values[i] = c;
            return;
        }
        if ((size + 1) * 2 > values.length) {
            grow();
            i = find(a, b);
        }
        i = ~i;
        keyA[i] = a;
        keyB[i] = b;
        values[i] = c;
        size++;
    }

    void remove(int ip1, int port1, int ip2, int port2) {
        long x = endpoint(ip1, port1);
        long y = endpoint(ip2, port2);
        int i = find(Math.min(x, y), Math.max(x, y));
        if (i < 0) {
            return;
        }
        // backward-shift deletion keeps every probe chain unbroken without tombstones
        int mask = values.length - 1;
        int hole = i;
        int j = (i + 1) & mask;
        while (values[j] != null) {
            int home = hash(keyA[j], keyB[j]) & mask;
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                keyA[hole] = keyA[j];
                keyB[hole] = keyB[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        values[hole] = null;
        size--;
    }

    private void grow() {
        long[] oa = keyA;
        long[] ob = keyB;
        Connections.Connection[] ov = values;
        keyA = new long[ov.length * 2];
        keyB = new long[ov.length * 2];
        values = new Connections.Connection[ov.length * 2];
        for (int k = 0; k < ov.length; k++) {
            if (ov[k] != null) {
                int i = ~find(oa[k], ob[k]);
                keyA[i] = oa[k];
                keyB[i] = ob[k];
                values[i] = ov[k];
            }
        }
    }

    int size() {
        return size;
    }

    List<Connections.Connection> values() {
        List<Connections.Connection> out = new ArrayList<>(size);
        for (Connections.Connection c : values) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }
}
