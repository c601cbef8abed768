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
     * The frames, on a transparent layer above the network; the selected event's device ringed, the picked device's
     * label underlined.
     */
    void paintFrames(GraphicsContext g, Drawing d, List<Placed> frames, Theme theme, String eventDevice,
                     String pickedDevice) {
        g.clearRect(0, 0, d.width(), d.height());
        double s = d.scale();
        for (DevicePlace p : d.devices()) {
            if (p.device().name().equals(pickedDevice)) {
                g.setStroke(picked(theme));
                g.setLineWidth(Math.max(2, s / 5));
                g.setLineDashes(s * 0.5, s * 0.3);
                Box b = p.icon().grow(0.45 * s);
                g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), s, s);
                g.setLineDashes((double[]) null);
            }
            if (p.device().name().equals(eventDevice)) {
                g.setStroke(selection(theme));
                g.setLineWidth(Math.max(2.5, s / 4));
                Box b = p.icon().grow(0.22 * s);
                g.strokeRoundRect(b.x(), b.y(), b.w(), b.h(), s * 0.7, s * 0.7);
            }
        }
        Drawing.Fonts f = d.fonts();
        double r = Math.max(3, Math.round(0.5 * s));
        for (Placed p : frames) {
            g.setGlobalAlpha(p.alpha());
            FrameInFlight fr = p.frame();
            if (p.callout() != null) {
                Box c = p.callout();
                double[] n = c.nearest(p.x(), p.y());
                if (Math.hypot(n[0] - p.x(), n[1] - p.y()) > r + 0.3 * s) {
                    g.setStroke(ProtocolPalette.colour(fr.protocol(), theme));
                    g.setLineWidth(Math.max(1, s / 9));
                    g.strokeLine(p.x(), p.y(), n[0], n[1]);
                }
                g.drawImage(sprites.callout(p.text(), fr.protocol(), theme, f.frame(), c.w(), c.h()), c.x(), c.y());
                if (p.selected()) {
                    g.setStroke(ink(theme));
                    g.setLineWidth(Math.max(2, s / 5));
                    Box o = c.grow(0.15 * s);
                    g.strokeRoundRect(o.x(), o.y(), o.w(), o.h(), c.h() * 0.5, c.h() * 0.5);
                }
            }
            g.drawImage(sprites.dot(fr.protocol(), theme, r), Math.round(p.x() - r), Math.round(p.y() - r));
            if (fr.broadcast() || p.selected()) {
                g.setStroke(p.selected() ? selection(theme) : ink(theme));
                g.setLineWidth(Math.max(1.5, s / (p.selected() ? 5 : 8)));
                if (fr.broadcast() && !p.selected()) {
                    g.setLineDashes(s * 0.25, s * 0.2);
                }
                double rr = r + 0.3 * s;
                g.strokeOval(p.x() - rr, p.y() - rr, 2 * rr, 2 * rr);
                g.setLineDashes((double[]) null);
            }
            if (p.fallen()) {
                g.setStroke(Color.web("#d62728"));
                g.setLineWidth(Math.max(2, s / 5));
                double x = 0.5 * s;
                g.strokeLine(p.x() - x, p.y() - x, p.x() + x, p.y() + x);
                g.strokeLine(p.x() - x, p.y() + x, p.x() + x, p.y() - x);
            }
        }
        g.setGlobalAlpha(1);
    }
}
