package org.netsim.app.gui.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;

/**
 * A frame's box with its label, drawn once per label, colour and size and then copied: copying an image costs far less
 * than rasterising text, and the frames of one exchange share a few labels, so hundreds of frames in flight cost
 * hundreds of copies, not hundreds of text layouts. Lives on the FX thread (it takes snapshots).
 */
final class FrameSprites {
    private static final int MAX = 512;

    private final Map<String, Image> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MAX;
        }
    };
    private final Canvas scratch = new Canvas();
    private final SnapshotParameters transparent = new SnapshotParameters();

    FrameSprites() {
        transparent.setFill(Color.TRANSPARENT);
    }

    void clear() {
        cache.clear();
    }

    /** The box of width {@code w} and height {@code h} in the protocol's colour, with the label centred in it. */
    Image sprite(String label, Protocol p, Theme theme, Font font, double w, double h) {
        String key = label + '\u0000' + p + '\u0000' + theme + '\u0000' + font.getSize();
        return cache.computeIfAbsent(key, k -> draw(label, p, theme, font, w, h));
    }

    private Image draw(String label, Protocol p, Theme theme, Font font, double w, double h) {
        scratch.setWidth(Math.ceil(w));
        scratch.setHeight(Math.ceil(h));
        GraphicsContext g = scratch.getGraphicsContext2D();
        g.clearRect(0, 0, scratch.getWidth(), scratch.getHeight());
        g.setFill(ProtocolPalette.colour(p, theme));
        g.fillRoundRect(0, 0, w, h, h * 0.3, h * 0.3);
        g.setFill(theme == Theme.DARK ? Color.BLACK : Color.WHITE);
        g.setFont(font);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, w / 2, h / 2);
        return scratch.snapshot(transparent, null);
    }
}
