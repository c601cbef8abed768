package org.netsim.app.gui.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Text widths as JavaFX lays the text out, remembered: the layout places labels by their real width (an average
 * character width under-measures "WWW" and over-measures "iii", which is how labels came to overlap), and a label
 * drawn every pulse is measured once.
 */
final class TextWidths {
    private static final int MAX = 4096;

    private final Text probe = new Text();
    private final Map<String, Double> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
            return size() > MAX;
        }
    };

    double width(String text, Font font) {
        String key = font.getName() + '\u0000' + font.getSize() + '\u0000' + text;
        Double w = cache.get(key);
        if (w == null) {
            probe.setFont(font);
            probe.setText(text);
            w = probe.getLayoutBounds().getWidth();
            cache.put(key, w);
        }
        return w;
    }

    /** The height of one line of {@code font}. */
    double lineHeight(Font font) {
        String key = font.getName() + '\u0000' + font.getSize() + "\u0000\u0000height";
        Double h = cache.get(key);
        if (h == null) {
            probe.setFont(font);
            probe.setText("Ag");
            h = probe.getLayoutBounds().getHeight();
            cache.put(key, h);
        }
        return h;
    }
}
