package org.netsim.app.gui.stack;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.netsim.app.gui.WrapLabel;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.pdu.Protocol;

/**
 * The unit one layer hands down (or up): its header block in the layer's colour, the payload it wraps in the colour of
 * the layer above, its trailer block; each with its protocol and size in bytes as text, never colour alone. In a
 * narrow column each part wraps between words rather than being cut.
 */
final class BlockBar extends HBox {
    BlockBar(EncapsulationBlock block, Protocol inner, boolean current, ResourceBundle text) {
        getStyleClass().add("stack-bar");
        if (current) {
            getStyleClass().add("stack-current");
        }
        String title = block.protocol().title();
        if (block.innermost()) {
            getChildren().add(segment(block.protocol(), MessageFormat.format(text.getString("stack.block.data"), title,
                    block.headerBytes()), "stack-header"));
        } else {
            getChildren().add(segment(block.protocol(), MessageFormat.format(text.getString("stack.block.header"),
                    title, block.headerBytes()), "stack-header"));
            Label payload = segment(inner, MessageFormat.format(text.getString("stack.block.payload"),
                    block.payloadBytes()), "stack-payload");
            HBox.setHgrow(payload, Priority.ALWAYS);
            getChildren().add(payload);
            if (block.trailerBytes() > 0) {
                getChildren().add(segment(block.protocol(), MessageFormat.format(text.getString("stack.block.trailer"),
                        title, block.trailerBytes()), "stack-header"));
            }
        }
        Tooltip.install(this, new Tooltip(MessageFormat.format(text.getString("stack.block.tooltip"), title,
                block.headerBytes(), block.payloadBytes(), block.trailerBytes(), block.totalBytes())));
    }

    private static Label segment(Protocol p, String label, String kind) {
        Label l = new WrapLabel(label);
        l.getStyleClass().addAll("stack-segment", kind, ProtocolPalette.styleClass(p));
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        return l;
    }
}
