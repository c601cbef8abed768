package org.netsim.app.gui.topology;

import java.text.MessageFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import org.netsim.app.gui.theme.Theme;
import org.netsim.sim.LinkConfig;

/**
 * Draws a {@link TopologyGraph} (devices with name and addresses, cables with rate, delay, MTU and loss) on one
 * canvas and the frames in flight on another: labelled boxes in their layer's colour, copied from {@link FrameSprites}.
 * Every size is a multiple of the font size, so projector mode scales the drawing; text widths come from one average
 * character width, so a frame costs a few canvas calls however many are in flight.
 */
final class TopologyPainter {
    /** Above this many cables their labels would cover the drawing and are left out (shipped scenarios have four). */
    private static final int MAX_CABLE_LABELS = 24;

    private final ResourceBundle text;
    private Font bold = Font.font(null, FontWeight.BOLD, 13);
    private double em = 13;
    private double charWidth = 7;
    private Font labelFont = Font.font(11);
    private final FrameSprites sprites = new FrameSprites();

    TopologyPainter(ResourceBundle text) {
        this.text = text;
    }

    void setFontSize(double size) {
        em = size;
        bold = Font.font(null, FontWeight.BOLD, size);
        Text probe = new Text("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789");
        probe.setFont(Font.font(size * 0.85));
        charWidth = probe.getLayoutBounds().getWidth() / probe.getText().length();
        labelFont = probe.getFont();
        sprites.clear();
    }

    double em() {
        return em;
    }

    /** Canvas coordinates of a device: its 0..1 place inside a margin wide enough for labels. */
    double[] place(TopologyGraph.Device d, double w, double h) {
        double mx = Math.min(w / 4, 5 * em);
        double my = Math.min(h / 4, 3 * em);
        return new double[] {mx + d.x() * (w - 2 * mx), my + d.y() * (h - 2 * my)};
    }

    /** The devices and cables: drawn again only when the network, the size, the font or the theme change. */
    void paintNetwork(GraphicsContext g, double w, double h, Theme theme, TopologyGraph graph) {
        boolean dark = theme == Theme.DARK;
        Color ink = dark ? Color.web("#e6e6e6") : Color.web("#1a1a1a");
        Color dim = dark ? Color.web("#a0a0a0") : Color.web("#5a5a5a");
        Color background = dark ? Color.web("#1e1e1e") : Color.web("#fbfbfb");
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        if (graph == null) {
            return;
        }
        g.setLineCap(StrokeLineCap.ROUND);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        Map<String, double[]> at = places(graph, w, h);
        boolean cableLabels = graph.cables().size() <= MAX_CABLE_LABELS;
        for (TopologyGraph.Cable c : graph.cables()) {
            double[] a = at.get(c.a());
            double[] b = at.get(c.b());
            g.setStroke(dim);
            g.setLineWidth(Math.max(1, em / 8));
            g.strokeLine(a[0], a[1], b[0], b[1]);
            if (cableLabels) {
                // a steep cable is short between the labels of its two ends: its settings go beside it, not on it
                boolean steep = Math.abs(b[1] - a[1]) > Math.abs(b[0] - a[0]);
                cableLabel(g, cableText(c.name(), c.config()), (a[0] + b[0]) / 2, (a[1] + b[1]) / 2, steep,
                        background, dim);
            }
        }
        for (TopologyGraph.Device d : graph.devices()) {
            device(g, d, at.get(d.name()), ink, dim, dark);
        }
    }

    /** The frames in flight, on a transparent layer above the network: drawn again on every change of time. */
    void paintFrames(GraphicsContext g, double w, double h, Theme theme, TopologyGraph graph,
                     List<FrameInFlight> frames) {
        g.clearRect(0, 0, w, h);
        if (graph == null) {
            return;
        }
        Map<String, double[]> at = places(graph, w, h);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        Set<String> flooding = new HashSet<>();
        for (FrameInFlight f : frames) {
            if (f.broadcast() && flooding.add(f.from())) {
                double[] p = at.get(f.from());
                g.setFill(theme == Theme.DARK ? Color.web("#e6e6e6") : Color.web("#1a1a1a"));
                g.setFont(Font.font(null, FontWeight.BOLD, em * 0.85));
                g.fillText(text.getString("topology.flood"), p[0], p[1] - 2.2 * em);
            }
        }
        g.setFont(labelFont);
        for (FrameInFlight f : frames) {
            frame(g, f, at.get(f.from()), at.get(f.to()), theme);
        }
    }

    private Map<String, double[]> places(TopologyGraph graph, double w, double h) {
        Map<String, double[]> at = new HashMap<>();
        for (TopologyGraph.Device d : graph.devices()) {
            at.put(d.name(), place(d, w, h));
        }
        return at;
    }

    /** A cable's settings in two short lines: rate and delay; MTU, loss and the frames it drops on purpose. */
    List<String> cableText(String name, LinkConfig c) {
        String drops = c.dropFrames().isEmpty() ? "" : MessageFormat.format(text.getString("topology.link.drop"),
                c.dropFrames().stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
        return List.of(MessageFormat.format(text.getString("topology.link.speed"), name, rate(c.bitsPerSecond()),
                        duration(c.propagationNanos())),
                MessageFormat.format(text.getString("topology.link.limits"), c.mtu(), percent(c.lossRate())) + drops);
    }

    /**
     * Two lines centred on the cable (or beside it), on a patch of background so the cable does not strike them
     * through.
     */
    private void cableLabel(GraphicsContext g, List<String> lines, double x, double y, boolean beside,
                            Color background, Color ink) {
        g.setFont(Font.font(em * 0.8));
        double width = 0;
        for (String l : lines) {
            width = Math.max(width, l.length() * charWidth * 0.95);
        }
        if (beside) {
            x += width / 2 + 1.2 * em;
        }
        double lh = em * 1.05;
        double top = y - lh * lines.size() / 2;
        g.setFill(background.deriveColor(0, 1, 1, 0.85));
        g.fillRect(x - width / 2 - em * 0.3, top, width + em * 0.6, lh * lines.size());
        g.setFill(ink);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), x, top + lh * (i + 0.5));
        }
    }

    private void device(GraphicsContext g, TopologyGraph.Device d, double[] p, Color ink, Color dim, boolean dark) {
        double x = p[0];
        double y = p[1];
        g.setLineWidth(Math.max(1.5, em / 7));
        g.setStroke(ink);
        g.setFill(dark ? Color.web("#2d2d2d") : Color.WHITE);
        double half;
        switch (d.kind()) {
            case SWITCH -> {
                half = 1.1 * em;
                g.fillRoundRect(x - 2.4 * em, y - half, 4.8 * em, 2 * half, em * 0.5, em * 0.5);
                g.strokeRoundRect(x - 2.4 * em, y - half, 4.8 * em, 2 * half, em * 0.5, em * 0.5);
                g.setFill(ink);
                g.setFont(Font.font(null, FontWeight.BOLD, em * 1.4));
                g.fillText("\u21c4", x, y);
            }
            case ROUTER -> {
                half = 1.6 * em;
                g.fillOval(x - half, y - half, 2 * half, 2 * half);
                g.strokeOval(x - half, y - half, 2 * half, 2 * half);
                g.setFill(ink);
                g.setFont(Font.font(null, FontWeight.BOLD, em * 1.4));
                g.fillText("\u2725", x, y);
            }
            default -> {
                half = 1.2 * em;
                g.fillRoundRect(x - 1.7 * em, y - half, 3.4 * em, 2.1 * em, em * 0.4, em * 0.4);
                g.strokeRoundRect(x - 1.7 * em, y - half, 3.4 * em, 2.1 * em, em * 0.4, em * 0.4);
                g.strokeLine(x - 0.8 * em, y + half, x + 0.8 * em, y + half);
            }
        }
        g.setFill(ink);
        g.setFont(bold);
        double ty = y + half + 0.9 * em;
        g.fillText(d.name(), x, ty);
        g.setFont(Font.font(em * 0.85));
        g.setFill(dim);
        for (String a : d.addresses()) {
            ty += 1.1 * em;
            g.fillText(a, x, ty);
        }
    }

    private void frame(GraphicsContext g, FrameInFlight f, double[] a, double[] b, Theme theme) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.max(1, Math.hypot(dx, dy));
        // each direction rides on its own side of the cable
        double nx = -dy / len * 0.75 * em;
        double ny = dx / len * 0.75 * em;
        double shown = f.lost() ? Math.min(f.progress(), 0.5) : f.progress();
        double x = a[0] + dx * shown + nx;
        double y = a[1] + dy * shown + ny;
        double alpha = 1;
        if (f.lost() && f.progress() > 0.5) {
            double fall = (f.progress() - 0.5) * 2;
            y += fall * 2.5 * em;
            alpha = 1 - 0.6 * fall;
        }
        double bw = Math.ceil(f.label().length() * charWidth + 0.8 * em);
        double bh = Math.ceil(1.3 * em);
        g.setGlobalAlpha(alpha);
        g.drawImage(sprites.sprite(f.label(), f.protocol(), theme, labelFont, bw, bh), Math.round(x - bw / 2),
                Math.round(y - bh / 2));
        if (f.broadcast()) {
            g.setStroke(theme == Theme.DARK ? Color.WHITE : Color.BLACK);
            g.setLineWidth(Math.max(1, em / 9));
            g.setLineDashes(em * 0.3, em * 0.2);
            g.strokeRoundRect(x - bw / 2 - 2, y - bh / 2 - 2, bw + 4, bh + 4, em * 0.4, em * 0.4);
            g.setLineDashes((double[]) null);
        }
        if (f.lost() && f.progress() > 0.5) {
            g.setStroke(Color.web("#d62728"));
            g.setLineWidth(Math.max(2, em / 5));
            double r = 0.5 * em;
            g.strokeLine(x - r, y - r, x + r, y + r);
            g.strokeLine(x - r, y + r, x + r, y - r);
            g.setFill(Color.web("#d62728"));
            g.fillText(text.getString("topology.lost"), x, y + bh);
        }
        g.setGlobalAlpha(1);
    }

    private String unit(String key, Object value) {
        return MessageFormat.format(text.getString("topology.unit." + key), value);
    }

    String rate(long bps) {
        if (bps % 1_000_000_000L == 0) {
            return unit("gbps", bps / 1_000_000_000L);
        } else if (bps % 1_000_000L == 0) {
            return unit("mbps", bps / 1_000_000L);
        } else if (bps % 1_000L == 0) {
            return unit("kbps", bps / 1_000L);
        }
        return unit("bps", bps);
    }

    String duration(long nanos) {
        if (nanos >= 1_000_000 && nanos % 1_000_000 == 0) {
            return unit("ms", nanos / 1_000_000);
        } else if (nanos >= 1_000 && nanos % 1_000 == 0) {
            return unit("us", nanos / 1_000);
        }
        return unit("ns", nanos);
    }

    String percent(double p) {
        return unit("percent", p * 100);
    }
}
