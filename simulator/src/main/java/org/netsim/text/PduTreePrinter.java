package org.netsim.text;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.Field;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.wire.websocket.WebSocketFrame;
import org.netsim.wire.websocket.WebSocketLayout;

/**
 * Prints a PDU tree the way {@code tshark -V} does: one heading per protocol, its fields indented below, bit fields
 * drawn as {@code 0100 .... = Version: 4}; optionally each field's one-line explanation and byte range.
 */
public final class PduTreePrinter {
    private final boolean explain;

    /** @param explain add each field's explanation and byte range under it */
    public PduTreePrinter(boolean explain) {
        this.explain = explain;
    }

    /** The text for one frame; {@code frameBytes} is the buffer the tree was decoded from (for bit drawings). */
    public String print(String frameHeading, Pdu root, byte[] frameBytes) {
        StringBuilder out = new StringBuilder();
        if (frameHeading != null) {
            out.append(frameHeading).append('\n');
        }
        List<Pdu> order = new ArrayList<>();
        root.walk(order::add);
        // Fields above a masked WebSocket payload describe the unmasked bytes: show those, and the wire's too.
        byte[] wire = frameBytes;
        byte[] plain = frameBytes == null ? null : unmasked(order, frameBytes);
        for (Pdu pdu : order) {
            out.append(pdu.protocol().title());
            if (!pdu.summary().isEmpty()) {
                out.append(", ").append(pdu.summary());
            }
            out.append("  [OSI ").append(pdu.osi().number()).append(' ').append(pdu.osi().title())
                    .append(" | TCP/IP ").append(pdu.tcpIp().title()).append("; bytes ")
                    .append(range(pdu.offset(), pdu.end())).append(']').append('\n');
            for (Field f : pdu.fields()) {
                field(out, f, plain, wire);
            }
            for (Field f : pdu.trailer()) {
                field(out, f, plain, wire);
            }
            if (pdu.isMalformed()) {
                out.append("    [Malformed ").append(pdu.protocol().title()).append(": ")
                        .append(pdu.malformed().reason()).append(" (at byte ").append(pdu.malformed().offset())
                        .append(")]\n");
            }
        }
        return out.toString();
    }

    /** A copy of {@code wire} with every masked WebSocket payload XORed with its key, as the receiver reads it. */
    static byte[] unmasked(List<Pdu> pdus, byte[] wire) {
        byte[] plain = wire;
        for (Pdu p : pdus) {
            WebSocketFrame ws = p.header(WebSocketFrame.class).orElse(null);
            Field keyField = p.field(WebSocketLayout.MASKING_KEY.key()).orElse(null);
            if (ws == null || ws.maskingKey() == null || keyField == null || p.end() > wire.length) {
                continue;
            }
            if (plain == wire) {
                plain = wire.clone();
            }
            int start = keyField.byteEnd();
            for (int i = start; i < p.end(); i++) {
                plain[i] = (byte) (wire[i] ^ ws.maskingKey().u8((i - start) & 3));
            }
        }
        return plain;
    }

    private void field(StringBuilder out, Field f, byte[] frame, byte[] wire) {
        out.append("    ");
        if (f.isBitField() && frame != null && f.byteEnd() <= frame.length) {
            out.append(f.bitPicture(frame)).append(" = ");
        }
        out.append(f.name()).append(": ").append(oneLine(f.display()));
        if (f.problem() != null) {
            out.append(" [").append(f.problem()).append(']');
        }
        out.append('\n');
        if (explain) {
            out.append("        ").append(range(f.byteStart(), f.byteEnd()));
            if (frame != null && f.byteEnd() <= frame.length) {
                out.append(" [").append(hex(frame, f.byteStart(), f.byteEnd())).append(']');
                if (frame != wire && !java.util.Arrays.equals(frame, f.byteStart(), f.byteEnd(), wire,
                        f.byteStart(), f.byteEnd())) {
                    out.append(" (masked on the wire: ").append(hex(wire, f.byteStart(), f.byteEnd())).append(')');
                }
            }
            out.append(": ").append(f.explanation()).append('\n');
        }
    }

    /** The field's bytes as hex, the first 16 only for long ones. */
    static String hex(byte[] frame, int start, int end) {
        String shown = Hex.spaced(frame, start, Math.min(end - start, 16));
        return end - start > 16 ? shown + " … (" + (end - start) + " bytes)" : shown;
    }

    private static String range(int start, int endExclusive) {
        return endExclusive - start <= 1 ? Integer.toString(start) : start + "–" + (endExclusive - 1);
    }

    private static String oneLine(String s) {
        if (s.length() > 200) {
            s = s.substring(0, 197) + "…";
        }
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
