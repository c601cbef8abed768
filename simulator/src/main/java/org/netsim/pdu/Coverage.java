package org.netsim.pdu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that every bit of a frame, and of every data source in its tree ({@link DataSource}: a reassembled message,
 * an inflated body), has exactly one owning field: the property that lets the inspector map any byte to its field
 * and back, in whichever byte array it lies.
 */
public final class Coverage {
    private Coverage() {
    }

    /**
     * Every gap and overlap between the fields of {@code root} over bits {@code [frameStart*8, (frameStart +
     * frameLength)*8)} of the frame, then over the whole of each data source (those problems start with the source's
     * title and a colon); empty when each bit of each array is owned exactly once. Fields of no bits (worked out, not
     * read: Wireshark's bracketed ones) own nothing and are not counted.
     */
    public static List<String> problems(Pdu root, int frameStart, int frameLength) {
        DataSources sources = DataSources.of(root, null);
        List<String> out = new ArrayList<>();
        check(sources.frame().fields(), frameStart, frameStart + (long) frameLength, "", out);
        for (DataSources.Source s : sources.list()) {
            if (!s.isFrame()) {
                check(s.fields(), 0, s.source().length(), s.title() + ": ", out);
                Pdu opener = s.opener();
                for (Pdu c : opener.children()) {
                    if (c.offset() < 0 || c.end() > s.source().length()) {
                        out.add(s.title() + ": " + c.protocol().title() + " [" + c.offset() + ", " + c.end()
                                + ") lies outside it");
                    }
                }
            }
        }
        return out;
    }

    private static void check(List<Field> owned, long startByte, long endByte, String where, List<String> out) {
        List<Field> fields = new ArrayList<>(owned);
        fields.removeIf(f -> f.bitLength() == 0);
        fields.sort(Comparator.comparingLong(Field::bitOffset));
        long at = startByte * 8L;
        Field previous = null;
        for (Field f : fields) {
            if (f.bitOffset() > at) {
                out.add(where + "gap: bits [" + at + ", " + f.bitOffset() + ") before " + f.key());
            } else if (f.bitOffset() < at) {
                out.add(where + "overlap: " + f.key() + " starts at bit " + f.bitOffset() + " inside "
                        + (previous == null ? "?" : previous.key()) + " (ends at bit " + at + ")");
            }
            at = Math.max(at, f.bitEnd());
            previous = f;
        }
        long end = endByte * 8L;
        if (at < end) {
            out.add(where + "gap: bits [" + at + ", " + end + ") at the end");
        } else if (at > end) {
            out.add(where + "overrun: fields reach bit " + at + " past the end at bit " + end);
        }
    }

    /** The field owning byte {@code index}'s first bit in the frame, or {@code null}. */
    public static Field ownerOf(Pdu root, int index) {
        long bit = index * 8L;
        for (Field f : root.allFields()) {
            if (f.bitOffset() <= bit && bit < f.bitEnd()) {
                return f;
            }
        }
        return null;
    }
}
