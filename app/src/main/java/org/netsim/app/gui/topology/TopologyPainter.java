package org.netsim.app.gui.topology;

import java.util.List;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.app.gui.topology.Drawing.CablePlace;
import org.netsim.app.gui.topology.Drawing.DevicePlace;
import org.netsim.app.gui.topology.FramePlacement.Placed;

/**
 * Draws a {@link Drawing} on one canvas (devices, their labels, cables and their settings: drawn again only when
 * the layout changes) and the frames placed on it on another (dots, callouts copied from {@link FrameSprites}, and the
 * highlights of the selection: drawn every pulse). No text is laid out per pulse: callouts are images.
 */
final class TopologyPainter {
    private final FrameSprites sprites = new FrameSprites();
    private final TextWidths widths;

    TopologyPainter(TextWidths widths) {
        this.widths = widths;
    }

    void clearSprites() {
        sprites.clear();
    }

    static Color ink(Theme t) {
        return t == Theme.DARK ? Color.web("#e6e6e6") : Color.web("#1a1a1a");
    }

    static Color dim(Theme t) {
        return t == Theme.DARK ? Color.web("#b4b4b4") : Color.web("#4a4a4a");
    }

    static Color background(Theme t) {
        return t == Theme.DARK ? Color.web("#1e1e1e") : Color.web("#fbfbfb");
    }

    /** The selected event's device and frame. */
    static Color selection(Theme t) {
        return t == Theme.DARK ? Color.web("#5aa9e0") : Color.web("#0072b2");
    }

    /** The device picked in the topology. */
    static Color picked(Theme t) {
        return t == Theme.DARK ? Color.web("#f0a030") : Color.web("#c05800");
    }

    void paintNetwork(GraphicsContext g, Drawing d, Theme theme) {
        g.setFill(background(theme));
        g.fillRect(0, 0, d.width(), d.height());
        double s = d.scale();
        Drawing.Fonts f = d.fonts();
        g.setLineCap(StrokeLineCap.ROUND);
        g.setStroke(dim(theme));
        g.setLineWidth(Math.max(1.5, s / 7));
        for (CablePlace c : d.cables()) {
            g.strokeLine(c.centreA()[0], c.centreA()[1], c.centreB()[0], c.centreB()[1]);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        g.setFill(dim(theme));
        g.setFont(f.cable());
        for (CablePlace c : d.cables()) {
            if (c.label() != null) {
                lines(g, c.label(), c.lines(), f.cable(), s);
            }
        }
        for (DevicePlace p : d.devices()) {
            device(g, p, s, f, theme);
        }
    }

    private void lines(GraphicsContext g, Box box, List<String> lines, Font font, double s) {
        double lh = widths.lineHeight(font);
        g.setFont(font);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), box.cx(), box.y() + 0.1 * s + lh * (i + 0.5));
        }
    }

    private void device(GraphicsContext g, DevicePlace p, double s, Drawing.Fonts f, Theme theme) {
        Box b = p.icon();
        Color ink = ink(theme);
        g.setLineWidth(Math.max(1.5, s / 7));
        g.setStroke(ink);
        g.setFill(theme == Theme.DARK ? Color.web("#2d2d2d") : Color.WHITE);
        switch (p.device().kind()) {
            case SWITCH -> {
                g.fillRoundRect(b.x(), b.y(), b.w(), b.h(), s * 0.5, s * 0.5);
                g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), s * 0.5, s * 0.5);
                g.setFill(ink);
                if (b.w() > 3 * s) {
                    g.setFont(f.name());
                    g.fillText(p.device().name(), b.cx(), b.cy());
                } else {
                    g.setFont(Font.font(null, FontWeight.BOLD, s * 1.2));
                    g.fillText("\u21c4", b.cx(), b.cy());
                }
            }
            case ROUTER -> {
                g.fillOval(b.x(), b.y(), b.w(), b.h());
                g.strokeOval(b.x(), b.y(), b.w(), b.h());
                // the router symbol: four arrows, two in and two out
                double r = b.w() * 0.28;
                for (int i = 0; i < 4; i++) {
                    double a = Math.PI / 4 + i * Math.PI / 2;
                    double ex = b.cx() + Math.cos(a) * r;
                    double ey = b.cy() + Math.sin(a) * r;
                    g.strokeLine(b.cx() + Math.cos(a) * r * 0.25, b.cy() + Math.sin(a) * r * 0.25, ex, ey);
                }
            }
            default -> {
                double screen = b.h() * 0.78;
                g.fillRoundRect(b.x(), b.y(), b.w(), screen, s * 0.4, s * 0.4);
                g.strokeRoundRect(b.x(), b.y(), b.w(), screen, s * 0.4, s * 0.4);
                g.strokeLine(b.cx(), b.y() + screen, b.cx(), b.maxY() - s * 0.1);
                g.strokeLine(b.cx() - b.w() * 0.25, b.maxY() - s * 0.1, b.cx() + b.w() * 0.25, b.maxY() - s * 0.1);
            }
        }
        if (p.label() != null) {
            List<String> l = p.lines();
            double y = p.label().y() + 0.1 * s;
            for (int i = 0; i < l.size(); i++) {
                Font font = i == 0 ? f.name() : f.address();
                double lh = widths.lineHeight(font);
                g.setFont(font);
                g.setFill(i == 0 ? ink : dim(theme));
                g.fillText(l.get(i), p.label().cx(), y + lh / 2);
                y += lh;
            }
        }
    }

    /**
     * The frames and the selection, copied into {@code layer} as sprites: the selected event's device ringed, the
     * picked device's dashed ring, each frame's dot and callout, the selected frame's and the broadcasts' rings, the
     * lost frames' crosses. The few leader lines (a callout moved along its cable) go on {@code overlay}, a canvas
     * above the layer that is shown only while it has some.
     *
     * @return whether the overlay has something on it now
     */
    boolean paintFrames(FrameLayer layer, GraphicsContext overlay, boolean overlayUsed, Drawing d, List<Placed> frames,
                        Theme theme, String eventDevice, String pickedDevice) {
        double s = d.scale();
        Drawing.Fonts f = d.fonts();
        double r = Math.max(3, Math.round(0.5 * s));
        layer.begin();
        for (DevicePlace p : d.devices()) {
            if (p.device().name().equals(pickedDevice)) {
                around(layer, p.icon().grow(0.45 * s), s, Math.max(2, s / 5), picked(theme), true);
            }
            if (p.device().name().equals(eventDevice)) {
                around(layer, p.icon().grow(0.22 * s), s * 0.7, Math.max(2.5, s / 4), selection(theme), false);
            }
        }
        java.util.Map<org.netsim.pdu.Protocol, FrameLayer.Pixels> dots =
                new java.util.EnumMap<>(org.netsim.pdu.Protocol.class);
        boolean leaders = false;
        for (Placed p : frames) {
            FrameInFlight fr = p.frame();
            if (p.callout() != null) {
                Box c = p.callout();
                layer.draw(sprites.callout(p.text(), fr.protocol(), theme, f.frame(), c.w(), c.h()), (int) c.x(),
                        (int) c.y(), p.alpha());
                if (p.selected()) {
                    around(layer, c.grow(0.15 * s), c.h() * 0.5, Math.max(2, s / 5), ink(theme), false);
                }
                leaders |= leader(p, r, s) != null;
            }
            int x = (int) Math.round(p.x());
            int y = (int) Math.round(p.y());
            layer.draw(dots.computeIfAbsent(fr.protocol(), k -> sprites.dot(k, theme, r)), x - (int) r, y - (int) r,
                    p.alpha());
            if (fr.broadcast() || p.selected()) {
                double width = Math.max(1.5, s / (p.selected() ? 5 : 8));
                centred(layer, sprites.ring(r + 0.3 * s, width, p.selected() ? selection(theme) : ink(theme),
                        fr.broadcast() && !p.selected()), x, y, p.alpha());
            }
            if (p.fallen()) {
                centred(layer, sprites.cross(0.5 * s, Math.max(2, s / 5), Color.web("#d62728")), x, y, 1);
            }
        }
        layer.end();
        if (!leaders && !overlayUsed) {
            return false;
        }
        overlay.clearRect(0, 0, d.width(), d.height());
        for (Placed p : frames) {
            double[] n = p.callout() == null ? null : leader(p, r, s);
            if (n != null) {
                overlay.setStroke(ProtocolPalette.colour(p.frame().protocol(), theme));
                overlay.setLineWidth(Math.max(1, s / 9));
                overlay.strokeLine(p.x(), p.y(), n[0], n[1]);
            }
        }
        return leaders;
    }

    private void around(FrameLayer layer, Box b, double arc, double width, Color colour, boolean dashed) {
        FrameLayer.Pixels px = sprites.frameAround(b.w(), b.h(), arc, width, colour, dashed);
        layer.draw(px, (int) Math.round(b.x() - width / 2 - 1), (int) Math.round(b.y() - width / 2 - 1), 1);
    }

    private static void centred(FrameLayer layer, FrameLayer.Pixels px, int x, int y, double alpha) {
        layer.draw(px, x - px.w() / 2, y - px.h() / 2, alpha);
    }

    /** Where a callout's leader line ends, or null when the callout sits right beside its dot. */
    private static double[] leader(Placed p, double r, double s) {
        double[] n = p.callout().nearest(p.x(), p.y());
        return Math.hypot(n[0] - p.x(), n[1] - p.y()) > r + 0.3 * s ? n : null;
    }
}
