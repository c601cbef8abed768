package org.netsim.pdu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte arrays one PDU tree counts in: the frame, then each {@linkplain DataSource data source} in tree order
 * (a reassembled message, an inflated body inside it), each with the PDUs and fields whose offsets count in it. What a
 * view needs to offer one hex tab per array, as Wireshark does below its packet bytes, and to tie a field to its bytes
 * in the right tab.
 *
 * <p>Fields and PDUs are looked up by identity (the very objects of the tree), so two equal fields in two arrays
 * are told apart.
 */
public final class DataSources {

    /**
     * One byte array of a tree.
     *
     * @param index  0 for the frame, then 1, 2 ... in tree order
     * @param title  {@code "Frame (1514 bytes)"}, or the data source's {@link DataSource#title()}
     * @param bytes  the bytes (for the frame, the array given to {@link #of}; it may be {@code null} there)
     * @param source the data source, {@code null} for the frame
     * @param opener the PDU that opens it (it counts in its parent's array), {@code null} for the frame
     * @param pdus   the PDUs whose offset and length count in this array, depth first (an opener of a nested data
     *               source among them: its range is in this array, its children are not)
     * @param fields every field counting in this array, in tree order; with no gaps or overlaps, each byte is owned by
     *               exactly one of them ({@link Coverage#problems})
     */
    public record Source(int index, String title, byte[] bytes, DataSource source, Pdu opener, List<Pdu> pdus,
                         List<Field> fields) {

        public boolean isFrame() {
            return source == null;
        }

        /** How many bytes the array holds. */
        public int length() {
            return bytes == null ? 0 : bytes.length;
        }

        /** The field owning byte {@code index}'s first bit, or {@code null}. */
        public Field ownerOf(int index) {
            long bit = index * 8L;
            for (Field f : fields) {
                if (f.bitOffset() <= bit && bit < f.bitEnd()) {
                    return f;
                }
            }
            return null;
        }
    }

    private final List<Source> sources;
    private final Map<Pdu, Source> byPdu;
    private final Map<Field, Source> byField;

    private DataSources(List<Source> sources, Map<Pdu, Source> byPdu, Map<Field, Source> byField) {
        this.sources = sources;
        this.byPdu = byPdu;
        this.byField = byField;
    }

    /**
     * The arrays of {@code root}, decoded from {@code frame} (which may be {@code null} when only the layout is
     * wanted).
     */
    public static DataSources of(Pdu root, byte[] frame) {
        List<Source> out = new ArrayList<>(1);
        Map<Pdu, Source> byPdu = new IdentityHashMap<>();
        Map<Field, Source> byField = new IdentityHashMap<>();
        List<Pdu> pdus = new ArrayList<>();
        List<Field> fields = new ArrayList<>();
        List<Pdu> openers = new ArrayList<>(0);
        collect(root, pdus, fields, openers);
        String title = "Frame" + (frame == null ? "" : " (" + frame.length + (frame.length == 1 ? " byte)"
                : " bytes)"));
        register(new Source(0, title, frame, null, null, pdus, fields), out, byPdu, byField);
        // breadth over the openers found so far: each source's own openers are queued after it, so nested sources
        // come after the source that holds them, in tree order within one level
        for (int i = 0; i < openers.size(); i++) {
            Pdu opener = openers.get(i);
            List<Pdu> sp = new ArrayList<>();
            List<Field> sf = new ArrayList<>();
            for (Pdu c : opener.children()) {
                collect(c, sp, sf, openers);
            }
            DataSource s = opener.source();
            register(new Source(out.size(), s.title(), s.bytes().toArray(), s, opener, sp, sf), out, byPdu,
                    byField);
        }
        return new DataSources(Collections.unmodifiableList(out), byPdu, byField);
    }

    /** The PDUs and fields of one array below {@code p}, stopping at the children of openers (queued instead). */
    private static void collect(Pdu p, List<Pdu> pdus, List<Field> fields, List<Pdu> openers) {
        pdus.add(p);
        fields.addAll(p.fields());
        if (p.source() != null) {
            openers.add(p);
        } else {
            for (Pdu c : p.children()) {
                collect(c, pdus, fields, openers);
            }
        }
        fields.addAll(p.trailer());
    }

    private static void register(Source s, List<Source> out, Map<Pdu, Source> byPdu, Map<Field, Source> byField) {
        out.add(s);
        for (Pdu p : s.pdus()) {
            byPdu.put(p, s);
        }
        for (Field f : s.fields()) {
            byField.put(f, s);
        }
    }

    /** Every array: the frame first, then the data sources in tree order. */
    public List<Source> list() {
        return sources;
    }

    public Source get(int index) {
        return sources.get(index);
    }

    public Source frame() {
        return sources.get(0);
    }

    /** How many arrays: 1 when the tree has no data source. */
    public int size() {
        return sources.size();
    }

    /** The array {@code field}'s offsets count in, or {@code null} if it is not a field of the tree. */
    public Source sourceOf(Field field) {
        return byField.get(field);
    }

    /** The array {@code pdu}'s offset and length count in (for an opener, its parent's), or {@code null}. */
    public Source sourceOf(Pdu pdu) {
        return byPdu.get(pdu);
    }

    /** The array {@code opener}'s children count in, or {@code null} if it opens none. */
    public Source openedBy(Pdu opener) {
        for (Source s : sources) {
            if (s.opener() == opener) {
                return s;
            }
        }
        return null;
    }
}
