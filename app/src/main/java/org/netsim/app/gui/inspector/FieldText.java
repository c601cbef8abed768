package org.netsim.app.gui.inspector;

import org.netsim.app.gui.FieldTexts;
import org.netsim.pdu.Field;

/**
 * A field as one line of the layer tree, the way Wireshark writes it: {@code Destination port: 3000}, and for a field
 * that does not fill whole bytes the bits of its bytes with the others dotted out, {@code .... ..1. = Syn: Set}. The
 * name is the translated one ({@link FieldTexts}); the value is the codec's.
 */
public final class FieldText {
    /** Longer values are cut here (with an ellipsis); the hex pane shows every byte. */
    static final int MAX_VALUE_CHARS = 160;

    private FieldText() {
    }

    /** The tree line for {@code f}; {@code frame} is the buffer it was decoded from (for the bit picture), or null. */
    public static String line(Field f, byte[] frame) {
        StringBuilder sb = new StringBuilder();
        if (f.isBitField() && frame != null && f.byteEnd() <= frame.length) {
            sb.append(f.bitPicture(frame)).append(" = ");
        }
        sb.append(FieldTexts.name(f)).append(": ").append(oneLine(f.display()));
        if (f.problem() != null) {
            sb.append(" [").append(f.problem()).append(']');
        }
        return sb.toString();
    }

    /** The value as the tree line shows it: on one line, a long one cut with an ellipsis, a problem after it. */
    public static String value(Field f) {
        return oneLine(f.display()) + (f.problem() == null ? "" : " [" + f.problem() + "]");
    }

    /** The mask of a bit field over the bytes that hold it, {@code 0x02} for TCP's SYN; null for a whole-byte field. */
    public static String bitMask(Field f) {
        if (!f.isBitField() || f.byteEnd() - f.byteStart() > 8) {
            return null;
        }
        long mask = 0;
        long first = f.byteStart() * 8L;
        long last = f.byteEnd() * 8L;
        for (long bit = first; bit < last; bit++) {
            mask = mask << 1 | (bit >= f.bitOffset() && bit < f.bitEnd() ? 1 : 0);
        }
        int digits = 2 * (f.byteEnd() - f.byteStart());
        return "0x" + String.format("%0" + digits + "x", mask);
    }

    private static String oneLine(String s) {
        if (s.length() > MAX_VALUE_CHARS) {
            s = s.substring(0, MAX_VALUE_CHARS - 1) + "\u2026";
        }
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
