package org.netsim.app.gui.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;

/**
 * A frame's callout (its label on a box in its layer's colour) and its dot, drawn once per label, colour and size and
 * kept as pixels to copy ({@link FrameLayer}): copying pixels costs far less than rasterising text or a curve, and the
 * frames of one exchange share a few labels, so hundreds of frames in flight cost hundreds of copies, not hundreds of
 * text layouts. Lives on the FX thread (it takes snapshots).
 */
final class FrameSprites {
    private static final int MAX = 512;

    private final Map<String, FrameLayer.Pixels> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FrameLayer.Pixels> eldest) {
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
    FrameLayer.Pixels callout(String label, Protocol p, Theme theme, Font font, double w, double h) {
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
            return FrameLayer.Pixels.of(scratch.snapshot(transparent, null));
        });
    }

    /** A dot of radius {@code r} in the protocol's colour, outlined so it stands out on the cable. */
    FrameLayer.Pixels dot(Protocol p, Theme theme, double r) {
        String key = "\u0001dot" + p + '\u0000' + theme + '\u0000' + r;
        return cache.computeIfAbsent(key, k -> {
            double d = Math.ceil(2 * r);
            GraphicsContext g = start(d, d);
            g.setFill(ProtocolPalette.colour(p, theme));
            g.fillOval(0.5, 0.5, d - 1, d - 1);
            g.setStroke(theme == Theme.DARK ? Color.web("#f0f0f0") : Color.web("#1a1a1a"));
            g.setLineWidth(Math.max(1, r / 4));
            g.strokeOval(r / 8 + 0.5, r / 8 + 0.5, d - r / 4 - 1, d - r / 4 - 1);
            return FrameLayer.Pixels.of(scratch.snapshot(transparent, null));
        });
    }

    /**
     * A ring of radius {@code r} (to the middle of its stroke), stroked {@code width} wide in {@code colour}, dashed or
     * not: the selected frame's and a broadcast's ring around its dot.
     */
    FrameLayer.Pixels ring(double r, double width, Color colour, boolean dashed) {
        String key = "\u0001ring" + r + '\u0000' + width + '\u0000' + colour + '\u0000' + dashed;
        return cache.computeIfAbsent(key, k -> {
            double d = Math.ceil(2 * r + width + 2);
            GraphicsContext g = start(d, d);
            g.setStroke(colour);
            g.setLineWidth(width);
            if (dashed) {
                g.setLineDashes(width * 2, width * 1.6);
            }
            g.strokeOval(d / 2 - r, d / 2 - r, 2 * r, 2 * r);
            g.setLineDashes((double[]) null);
            return FrameLayer.Pixels.of(scratch.snapshot(transparent, null));
        });
    }

    /** A rounded rectangle {@code w} x {@code h} stroked around a device's icon, dashed or not. */
    FrameLayer.Pixels frameAround(double w, double h, double arc, double width, Color colour, boolean dashed) {
        String key = "\u0001box" + w + '\u0000' + h + '\u0000' + arc + '\u0000' + width + '\u0000' + colour
                + '\u0000' + dashed;
        return cache.computeIfAbsent(key, k -> {
            GraphicsContext g = start(Math.ceil(w + width + 2), Math.ceil(h + width + 2));
            g.setStroke(colour);
            g.setLineWidth(width);
            if (dashed) {
                g.setLineDashes(width * 2.5, width * 1.5);
            }
            g.strokeRoundRect(width / 2 + 1, width / 2 + 1, w, h, arc, arc);
            g.setLineDashes((double[]) null);
            return FrameLayer.Pixels.of(scratch.snapshot(transparent, null));
        });
    }

    /** The cross over a lost frame. */
    FrameLayer.Pixels cross(double half, double width, Color colour) {
        String key = "\u0001cross" + half + '\u0000' + width + '\u0000' + colour;
        return cache.computeIfAbsent(key, k -> {
            double d = Math.ceil(2 * half + width + 2);
            GraphicsContext g = start(d, d);
            g.setStroke(colour);
            g.setLineWidth(width);
            double c = d / 2;
            g.strokeLine(c - half, c - half, c + half, c + half);
            g.strokeLine(c - half, c + half, c + half, c - half);
            return FrameLayer.Pixels.of(scratch.snapshot(transparent, null));
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
