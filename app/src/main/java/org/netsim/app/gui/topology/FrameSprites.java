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
 * A frame's callout (its label on a box in its layer's colour) and its dot, drawn once per label, colour and size and
 * then copied: copying an image costs far less than rasterising text or a curve, and the frames of one exchange
 * share a few labels, so hundreds of frames in flight cost hundreds of copies, not hundreds of text layouts. Lives on
 * the FX thread (it takes snapshots).
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

    /** Black or white, whichever reads better on {@code c}. */
    static Color textOn(Color c) {
        double l = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return l > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** The box of width {@code w} and height {@code h} in the protocol's colour, with the label centred in it. */
    Image callout(String label, Protocol p, Theme theme, Font font, double w, double h) {
        String key = label + '\u0000' + p + '\u0000' + theme + '\u0000' + font.getSize() + '\u0000' + w;
        return cache.computeIfAbsent(key, k -> {
            GraphicsContext g = start(w, h);
            Color fill = ProtocolPalette.colour(p, theme);
            g.setFill(fill);
            g.fillRoundRect(0, 0, w, h, h * 0.4, h * 0.4);
            g.setFill(textOn(fill));
            g.setFont(font);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(label, w / 2, h / 2);
            return scratch.snapshot(transparent, null);
        });
    }

    /** A dot of radius {@code r} in the protocol's colour, outlined so it stands out on the cable. */
    Image dot(Protocol p, Theme theme, double r) {
        String key = "\u0001dot" + p + '\u0000' + theme + '\u0000' + r;
        return cache.computeIfAbsent(key, k -> {
            double d = Math.ceil(2 * r);
            GraphicsContext g = start(d, d);
            g.setFill(ProtocolPalette.colour(p, theme));
            g.fillOval(0.5, 0.5, d - 1, d - 1);
            g.setStroke(theme == Theme.DARK ? Color.web("#f0f0f0") : Color.web("#1a1a1a"));
            g.setLineWidth(Math.max(1, r / 4));
            g.strokeOval(r / 8 + 0.5, r / 8 + 0.5, d - r / 4 - 1, d - r / 4 - 1);
            return scratch.snapshot(transparent, null);
        });
    }

    private GraphicsContext start(double w, double h) {
        scratch.setWidth(Math.ceil(w));
        scratch.setHeight(Math.ceil(h));
        GraphicsContext g = scratch.getGraphicsContext2D();
        g.clearRect(0, 0, scratch.getWidth(), scratch.getHeight());
        return g;
    }
}
