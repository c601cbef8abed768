package org.netsim.app.gui.inspector;

import java.util.List;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;
import org.netsim.pdu.Protocol;

/**
 * One line of the layer tree: a protocol layer (children: its fields), one field, or the reason a layer is malformed.
 * Plain data, so the view model can be tested without a window; the view turns rows into tree items.
 *
 * @param kind      what the row stands for
 * @param protocol  the layer the row belongs to (its colour)
 * @param text      the line as shown
 * @param tooltip   the field's explanation, or for a layer its OSI and TCP/IP layer
 * @param pdu       the layer
 * @param field     the field, for {@link Kind#FIELD}; else null
 * @param byteStart first byte the row covers
 * @param byteEnd   one past the last byte it covers
 * @param children  the fields of a layer; empty for the others
 * @param source    the byte array {@code byteStart} and {@code byteEnd} count in: 0 for the frame, then the data
 *                  sources in {@link org.netsim.pdu.DataSources} order (a reassembled message, an inflated body)
 */
public record InspectorRow(Kind kind, Protocol protocol, String text, String tooltip, Pdu pdu, Field field,
                           int byteStart, int byteEnd, List<InspectorRow> children, int source) {

    /** What a row stands for. */
    public enum Kind { LAYER, FIELD, MALFORMED }

    public InspectorRow {
        children = List.copyOf(children);
    }

    /** Whether the row warns: a malformed layer, its reason, or a field whose value is wrong (bad checksum). */
    public boolean isProblem() {
        return kind == Kind.MALFORMED || kind == Kind.LAYER && pdu.isMalformed()
                || kind == Kind.FIELD && field.problem() != null;
    }

    @Override
    public String toString() {
        return text;
    }
}
