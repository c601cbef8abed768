package org.netsim.pdu;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks that every bit of a frame has exactly one owning field: the property that lets the inspector map any byte to
 * its field and back.
 */
public final class Coverage {
    private Coverage() {
    }

    /**
     * Every gap and overlap between the fields of {@code root} over bits {@code [0, frameLength*8)}; empty when each
     * bit is owned exactly once.
     */
    public static List<String> problems(Pdu root, int frameStart, int frameLength) {
        List<Field> fields = new ArrayList<>(root.allFields());
        fields.removeIf(f -> f.bitLength() == 0);
        fields.sort(Comparator.comparingLong(Field::bitOffset));
        List<String> out = new ArrayList<>();
        long at = frameStart * 8L;
        Field previous = null;
        for (Field f : fields) {
            if (f.bitOffset() > at) {
                out.add("gap: bits [" + at + ", " + f.bitOffset() + ") before " + f.key());
            } else if (f.bitOffset() < at) {
                out.add("overlap: " + f.key() + " starts at bit " + f.bitOffset() + " inside "
                        + (previous == null ? "?" : previous.key()) + " (ends at bit " + at + ")");
            }
            at = Math.max(at, f.bitEnd());
            previous = f;
        }
        long end = (frameStart + (long) frameLength) * 8L;
        if (at < end) {
            out.add("gap: bits [" + at + ", " + end + ") at the end");
        } else if (at > end) {
            out.add("overrun: fields reach bit " + at + " past the frame's end at bit " + end);
        }
        return out;
    }

    /** The field owning byte {@code index}'s first bit, or {@code null}. */
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
