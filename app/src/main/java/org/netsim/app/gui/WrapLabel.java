package org.netsim.app.gui;

import javafx.scene.control.Label;
import javafx.scene.text.Text;

/**
 * A label that wraps between words when its column is narrow (projector mode, a longer language) but never narrower
 * than its longest word: a plain wrapping label's minimum is an ellipsis, so a squeezed layout wraps it letter by
 * letter or cuts it to "n".
 */
public final class WrapLabel extends Label {
    /** An empty label (FXML's way to make one). */
    public WrapLabel() {
        this("");
    }

    public WrapLabel(String text) {
        super(text);
        setWrapText(true);
        fontProperty().addListener(o -> requestLayout());
    }

    @Override
    protected double computeMinWidth(double height) {
        double widest = 0;
        Text probe = new Text();
        probe.setFont(getFont());
        for (String word : getText() == null ? new String[0] : getText().split("\\s+")) {
            probe.setText(word);
            widest = Math.max(widest, probe.getLayoutBounds().getWidth());
        }
        double graphic = getGraphic() == null ? 0 : getGraphic().prefWidth(-1) + getGraphicTextGap();
        // a pixel to spare: text measured here and laid out by the skin may round apart
        return Math.ceil(widest + graphic + snappedLeftInset() + snappedRightInset()) + 1;
    }
}
