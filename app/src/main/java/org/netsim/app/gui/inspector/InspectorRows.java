package org.netsim.app.gui.inspector;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import org.netsim.app.gui.FieldTexts;
import org.netsim.pdu.DataSources;
import org.netsim.pdu.Field;
import org.netsim.pdu.Pdu;

/** Builds the layer tree's rows from a PDU tree: one row per layer in frame order, its fields (and trailer) below. */
final class InspectorRows {
    private final ResourceBundle text;

    InspectorRows(ResourceBundle text) {
        this.text = text;
    }

    /** The rows of {@code root}; each field's line is read from the array it counts in ({@code sources}). */
    List<InspectorRow> of(Pdu root, DataSources sources) {
        List<InspectorRow> layers = new ArrayList<>();
        root.walk(pdu -> layers.add(layer(pdu, sources)));
        return layers;
    }

    private InspectorRow layer(Pdu pdu, DataSources sources) {
        DataSources.Source in = sources.sourceOf(pdu);
        int source = in == null ? 0 : in.index();
        byte[] bytes = in == null ? sources.frame().bytes() : in.bytes();
        List<InspectorRow> children = new ArrayList<>();
        for (Field f : pdu.fields()) {
            children.add(field(pdu, f, bytes, source));
        }
        for (Field f : pdu.trailer()) {
            children.add(field(pdu, f, bytes, source));
        }
        StringBuilder line = new StringBuilder(pdu.protocol().title());
        if (!pdu.summary().isEmpty()) {
            line.append(", ").append(pdu.summary());
        }
        if (pdu.isMalformed()) {
            String reason = MessageFormat.format(text.getString("inspector.malformed"), pdu.protocol().title(),
                    pdu.malformed().reason(), pdu.malformed().offset());
            children.add(new InspectorRow(InspectorRow.Kind.MALFORMED, pdu.protocol(), reason, reason, pdu, null,
                    pdu.malformed().offset(), Math.max(pdu.malformed().offset(), pdu.end()), List.of(), source));
            line.append("  ").append(reason);
        }
        String tip = MessageFormat.format(text.getString("inspector.layer.tooltip"), pdu.osi().number(),
                pdu.osi().title(), pdu.tcpIp().title(), pdu.offset(), pdu.length());
        return new InspectorRow(InspectorRow.Kind.LAYER, pdu.protocol(), line.toString(), tip, pdu, null,
                pdu.offset(), pdu.end(), children, source);
    }

    private static InspectorRow field(Pdu pdu, Field f, byte[] bytes, int source) {
        return new InspectorRow(InspectorRow.Kind.FIELD, pdu.protocol(), FieldText.line(f, bytes),
                FieldTexts.explanation(f), pdu, f, f.byteStart(), f.byteEnd(), List.of(), source);
    }
}
