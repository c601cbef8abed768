package org.netsim.sim;

import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * A map from {@code long} keys (MAC addresses, IPv4 addresses, TCP four-tuples) to objects, kept in insertion order.
 * Switches, ARP caches and TCP demultiplexing look one up per frame; a {@code HashMap<Long, V>} boxed a key each time.
 *
 * <p>Entries live in insertion order in {@link #keys}/{@link #values}; {@link #index} is an open-addressing table
 * (linear probing) of entry positions plus one, 0 meaning empty. Removing leaves a hole in the entries, filled when
 * they are compacted.
 */
final class LongMap<V> {
    private long[] keys = new long[8];
    private Object[] values = new Object[8];
    private boolean[] live = new boolean[8];
    private int entries;
    private int size;
    private int[] index = new int[16];

    int size() {
        return size;
    }

    boolean containsKey(long key) {
        return find(key) >= 0;
    }

    @SuppressWarnings("unchecked")
    V get(long key) {
        int slot = find(key);
        return slot < 0 ? null : (V) values[index[slot] - 1];
    }

    /** Puts {@code value} under {@code key} (an existing entry keeps its place in the order); returns the old value. */
    @SuppressWarnings("unchecked")
    V put(long key, V value) {
        int slot = find(key);
        if (slot >= 0) {
            V old = (V) values[index[slot] - 1];
            values[index[slot] - 1] = value;
            return old;
        }
        if (entries == keys.length) {
            grow();
        }
        keys[entries] = key;
        values[entries] = value;
        live[entries] = true;
        entries++;
        size++;
        insert(key, entries);
        if (size * 2 > index.length) {
            rehash(index.length * 2);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    V remove(long key) {
        int slot = find(key);
        if (slot < 0) {
            return null;
        }
        int entry = index[slot] - 1;
        V old = (V) values[entry];
        values[entry] = null;
        live[entry] = false;
        size--;
        // backward-shift deletion keeps every probe sequence unbroken without tombstones in the index
        int mask = index.length - 1;
        int hole = slot;
        for (int i = (slot + 1) & mask; index[i] != 0; i = (i + 1) & mask) {
            int home = home(keys[index[i] - 1]);
            if (((i - home) & mask) >= ((i - hole) & mask)) {
                index[hole] = index[i];
                hole = i;
            }
        }
        index[hole] = 0;
        return old;
    }

    /** Every entry, in the order the keys were first put. */
    @SuppressWarnings("unchecked")
    void forEach(BiConsumer<Long, V> action) {
        for (int i = 0; i < entries; i++) {
            if (live[i]) {
                action.accept(keys[i], (V) values[i]);
            }
        }
    }

    private int find(long key) {
        int mask = index.length - 1;
        for (int i = home(key); index[i] != 0; i = (i + 1) & mask) {
            if (keys[index[i] - 1] == key) {
                return i;
            }
        }
        return -1;
    }

    private void insert(long key, int entryPlusOne) {
        int mask = index.length - 1;
        int i = home(key);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = entryPlusOne;
    }

    private int home(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 32) & (index.length - 1);
    }

    private void grow() {
        if (size * 2 <= entries) {
            // half the entries are holes left by removals: close them up instead of growing
            int n = 0;
            for (int i = 0; i < entries; i++) {
                if (live[i]) {
                    keys[n] = keys[i];
                    values[n] = values[i];
                    live[n] = true;
                    n++;
                }
            }
            Arrays.fill(values, n, entries, null);
            Arrays.fill(live, n, entries, false);
            entries = n;
            rehash(index.length);
            return;
        }
        keys = Arrays.copyOf(keys, keys.length * 2);
        values = Arrays.copyOf(values, values.length * 2);
        live = Arrays.copyOf(live, live.length * 2);
    }

    private void rehash(int capacity) {
        index = new int[capacity];
        for (int i = 0; i < entries; i++) {
            if (live[i]) {
                insert(keys[i], i + 1);
            }
        }
    }
}
