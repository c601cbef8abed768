package org.netsim.pdu;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes. Records in this project never hold a raw {@code byte[]} (its {@code equals} compares
 * identity); they hold a {@code Bytes}, which compares content.
 */
public final class Bytes implements Comparable<Bytes> {
    public static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final HexFormat HEX = HexFormat.of();
    private static final HexFormat HEX_SPACED = HexFormat.ofDelimiter(" ");

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A copy of {@code data}. */
    public static Bytes of(byte... data) {
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** A copy of {@code data[from, to)}. */
    public static Bytes of(byte[] data, int from, int to) {
        return from == to ? EMPTY : new Bytes(Arrays.copyOfRange(data, from, to));
    }

    /** Takes ownership of {@code data}: the caller must not change it afterwards. */
    public static Bytes wrap(byte[] data) {
        return data.length == 0 ? EMPTY : new Bytes(data);
    }

    /** The arrays one after the other, in a new array. */
    public static byte[] join(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    public static Bytes ofHex(String hex) {
        return wrap(HEX.parseHex(hex.replaceAll("\\s+", "")));
    }

    public static Bytes utf8(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    public static Bytes ascii(String text) {
        return wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public int length() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** The byte at {@code index} as 0..255. */
    public int u8(int index) {
        return data[index] & 0xff;
    }

    public Bytes slice(int from, int to) {
        return from == 0 && to == data.length ? this : of(data, from, to);
    }

    public Bytes concat(Bytes other) {
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return wrap(out);
    }

    /** A fresh copy of the content. */
    public byte[] toArray() {
        return data.clone();
    }

    /** Copies the content into {@code dest} at {@code offset}. */
    public void copyTo(byte[] dest, int offset) {
        System.arraycopy(data, 0, dest, offset, data.length);
    }

    public String hex() {
        return HEX.formatHex(data);
    }

    /** Hex with a space between bytes: {@code 81 05 48}. */
    public String hexSpaced() {
        return HEX_SPACED.formatHex(data);
    }

    public String utf8() {
        return new String(data, StandardCharsets.UTF_8);
    }

    public String latin1() {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public int compareTo(Bytes o) {
        return Arrays.compareUnsigned(data, o.data);
    }

    @Override
    public String toString() {
        return data.length <= 64 ? hexSpaced() : HEX_SPACED.formatHex(data, 0, 64) + " … (" + data.length + " bytes)";
    }
}
