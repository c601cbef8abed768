package org.netsim.text;

import java.util.ArrayList;
import java.util.List;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Hex;
import org.netsim.pdu.Pdu;
import org.netsim.wire.websocket.WebSocketFrame;
import org.netsim.wire.websocket.WebSocketLayout;

/**
 * Prints a PDU tree the way {@code tshark -V} does: one heading per protocol, its fields indented below, bit fields
 * drawn as {@code 0100 .... = Version: 4}; optionally each field's one-line explanation and byte range. A subtree
 * decoded from a data source (a message reassembled from several TCP segments, an inflated body: {@link DataSources})
 * has its byte ranges counted in that source's bytes and labelled with its name ("Reassembled TCP (70026 bytes)
 * 0–1"), its bit drawings and bytes taken from them, as tshark prints a reassembled PDU. A field worked out rather
 * than read (no bits of its own) is printed in brackets, as tshark prints its generated fields.
 */
public final class PduTreePrinter {
    private final boolean explain;

    /** @param explain add each field's explanation and byte range under it */
    public PduTreePrinter(boolean explain) {
        this.explain = explain;
    }

    /** One byte array of the tree: its bytes as sent, as the receiver reads them (unmasked), and its label. */
    private record Shown(byte[] wire, byte[] plain, String label) {
    }

    /** The text for one frame; {@code frameBytes} is the buffer the tree was decoded from (for bit drawings). */
    public String print(String frameHeading, Pdu root, byte[] frameBytes) {
        StringBuilder out = new StringBuilder();
        if (frameHeading != null) {
            out.append(frameHeading).append('\n');
        }
        DataSources sources = DataSources.of(root, frameBytes);
        // Fields above a masked WebSocket payload describe the unmasked bytes: show those, and the wire's too.
        java.util.Map<DataSources.Source, Shown> shown = new java.util.IdentityHashMap<>();
        for (DataSources.Source s : sources.list()) {
            byte[] wire = s.bytes();
            shown.put(s, new Shown(wire, wire == null ? null : unmasked(s.pdus(), wire), s.isFrame() ? ""
                    : s.title() + " "));
        }
        List<Pdu> order = new ArrayList<>();
        root.walk(order::add);
        DataSources.Source previous = sources.frame();
        for (Pdu pdu : order) {
            DataSources.Source in = sources.sourceOf(pdu);
            if (in != previous && !in.isFrame()) {
                out.append('[').append(in.title()).append(", decoded below from its own bytes; their offsets count "
                        + "from its first byte]\n");
            }
            previous = in;
            Shown bytes = shown.get(in);
            out.append(pdu.protocol().title());
            if (!pdu.summary().isEmpty()) {
                out.append(", ").append(pdu.summary());
            }
            out.append("  [OSI ").append(pdu.osi().number()).append(' ').append(pdu.osi().title())
                    .append(" | TCP/IP ").append(pdu.tcpIp().title()).append("; ").append(bytes.label())
                    .append("bytes ").append(range(pdu.offset(), pdu.end())).append(']').append('\n');
            for (Field f : pdu.fields()) {
                field(out, f, bytes);
            }
            for (Field f : pdu.trailer()) {
                field(out, f, bytes);
            }
            if (pdu.isMalformed()) {
                out.append("    [Malformed ").append(pdu.protocol().title()).append(": ")
                        .append(pdu.malformed().reason()).append(" (at ").append(bytes.label()).append("byte ")
                        .append(pdu.malformed().offset()).append(")]\n");
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
            if (ws == null || ws.maskingKey() == null || keyField == null || p.end() > wire.length
                    || p.opensSource()) {
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

    private void field(StringBuilder out, Field f, Shown in) {
        byte[] frame = in.plain();
        byte[] wire = in.wire();
        out.append("    ");
        boolean generated = f.bitLength() == 0;
        if (generated) {
            out.append('[');
        } else if (f.isBitField() && frame != null && f.byteEnd() <= frame.length) {
            out.append(f.bitPicture(frame)).append(" = ");
        }
        // a worked-out field is our own text (the frames a message was joined from): longer, but still one line
        out.append(f.name()).append(": ").append(oneLine(f.display(), generated ? 1000 : 200));
        if (generated) {
            out.append(']');
        }
        if (f.problem() != null) {
            out.append(" [").append(f.problem()).append(']');
        }
        out.append('\n');
        if (explain) {
            out.append("        ");
            if (generated) {
                out.append("(no bytes: worked out by the dissector)");
            } else {
                out.append(in.label()).append(range(f.byteStart(), f.byteEnd()));
                if (frame != null && f.byteEnd() <= frame.length) {
                    out.append(" [").append(hex(frame, f.byteStart(), f.byteEnd())).append(']');
                    if (frame != wire && !java.util.Arrays.equals(frame, f.byteStart(), f.byteEnd(), wire,
                            f.byteStart(), f.byteEnd())) {
                        out.append(" (masked on the wire: ").append(hex(wire, f.byteStart(), f.byteEnd())).append(')');
                    }
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

    private static String oneLine(String s, int max) {
        if (s.length() > max) {
            s = s.substring(0, max - 3) + "…";
        }
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }
}
