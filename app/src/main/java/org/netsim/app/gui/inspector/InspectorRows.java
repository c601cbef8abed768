package org.netsim.app.gui.inspector;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.netsim.app.gui.FieldTexts;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;

/** Builds the layer tree's rows from a PDU tree: one row per layer in frame order, its fields (and trailer) below. */
final class InspectorRows {
    private final ResourceBundle text;

    InspectorRows(ResourceBundle text) {
        this.text = text;
    }

    List<InspectorRow> of(Pdu root, byte[] bytes) {
        List<InspectorRow> layers = new ArrayList<>();
        root.walk(pdu -> layers.add(layer(pdu, bytes)));
        return layers;
    }

    private InspectorRow layer(Pdu pdu, byte[] bytes) {
        List<InspectorRow> children = new ArrayList<>();
        for (Field f : pdu.fields()) {
            children.add(field(pdu, f, bytes));
        }
        for (Field f : pdu.trailer()) {
            children.add(field(pdu, f, bytes));
        }
        StringBuilder line = new StringBuilder(pdu.protocol().title());
        if (!pdu.summary().isEmpty()) {
            line.append(", ").append(pdu.summary());
        }
        if (pdu.isMalformed()) {
            String reason = MessageFormat.format(text.getString("inspector.malformed"), pdu.protocol().title(),
                    pdu.malformed().reason(), pdu.malformed().offset());
            children.add(new InspectorRow(InspectorRow.Kind.MALFORMED, pdu.protocol(), reason, reason, pdu, null,
                    pdu.malformed().offset(), Math.max(pdu.malformed().offset(), pdu.end()), List.of()));
            line.append("  ").append(reason);
        }
        String tip = MessageFormat.format(text.getString("inspector.layer.tooltip"), pdu.osi().number(),
                pdu.osi().title(), pdu.tcpIp().title(), pdu.offset(), pdu.length());
        return new InspectorRow(InspectorRow.Kind.LAYER, pdu.protocol(), line.toString(), tip, pdu, null,
                pdu.offset(), pdu.end(), children);
    }

    private static InspectorRow field(Pdu pdu, Field f, byte[] bytes) {
        return new InspectorRow(InspectorRow.Kind.FIELD, pdu.protocol(), FieldText.line(f, bytes),
                FieldTexts.explanation(f),
                pdu, f, f.byteStart(), f.byteEnd(), List.of());
    }
}
