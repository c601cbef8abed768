package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netsim.app.gui.topology.Drawing.CablePlace;

/**
 * Where the frames in flight go at one instant: each a dot on its cable (each direction on its own side), from the
 * edge of one icon to the edge of the other, and beside it a callout with its label, placed where it hides no device,
 * no label and no other callout. The callout tries its own side of the cable, then the other, then a little ahead or
 * behind, with the full label and then the protocol's name alone; a frame with no free place keeps its dot only (the
 * key below the drawing names the colours). The selected frame is placed first, so its callout is always shown.
 */
final class FramePlacement {
    /**
     * A frame placed.
     *
     * @param x       the dot's centre
     * @param y       the dot's centre
     * @param callout the label's box, or null
     * @param text    the callout's text
     * @param alpha   1, less for a lost frame falling off its cable
     * @param fallen  whether the cable lost it and it is falling
     */
    record Placed(FrameInFlight frame, double x, double y, Box callout, String text, double alpha, boolean fallen,
                  boolean selected) {
    }

    /**
     * At most this many frames a pulse look for a place for their callout (the selected one first): with hundreds in
     * flight the drawing has no room for more, and looking would cost more than drawing.
     */
    static final int MAX_TRIED = 60;

    private final TextWidths widths;
    private final String lostWord;
    /** Callout widths by label (labels are shared strings: one per frame, kept by the view model). */
    private final Map<String, Double> calloutWidths = new java.util.IdentityHashMap<>();
    private Drawing grids;
    private BoxGrid fixed;
    private BoxGrid callouts;
    private Map<String, CablePlace> cables;

    FramePlacement(TextWidths widths, String lostWord) {
        this.widths = widths;
        this.lostWord = lostWord;
    }

    /** The frames placed on {@code d}, the one of {@code selectedEvent} first. */
    List<Placed> place(Drawing d, List<FrameInFlight> frames, int selectedEvent) {
        List<Placed> out = new ArrayList<>(frames.size());
        if (d.devices().isEmpty()) {
            return out;
        }
        prepare(d);
        double s = d.scale();
        Drawing.Fonts fonts = d.fonts();
        double textH = Math.ceil(widths.lineHeight(fonts.frame()) + 0.25 * s);
        int tried = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (FrameInFlight f : frames) {
                boolean selected = f.event() == selectedEvent;
                if (selected != (pass == 0)) {
                    continue;
                }
                CablePlace c = cables.get(f.link());
                if (c == null) {
                    continue;
                }
                boolean forward = !f.from().equals(c.cable().b());
                double sx = forward ? c.ax() : c.bx();
                double sy = forward ? c.ay() : c.by();
                double ex = forward ? c.bx() : c.ax();
                double ey = forward ? c.by() : c.ay();
                double dx = ex - sx;
                double dy = ey - sy;
                double len = Math.max(1e-9, Math.hypot(dx, dy));
                double ux = dx / len;
                double uy = dy / len;
                double nx = -uy;
                double ny = ux;
                double shown = f.lost() ? Math.min(f.progress(), 0.5) : f.progress();
                double x = sx + dx * shown + nx * 0.55 * s;
                double y = sy + dy * shown + ny * 0.55 * s;
                double alpha = 1;
                boolean fallen = f.lost() && f.progress() > 0.5;
                if (fallen) {
                    double fall = (f.progress() - 0.5) * 2;
                    y += fall * 2.5 * s;
                    alpha = 1 - 0.6 * fall;
                }
                Box box = null;
                String text = null;
                String full = fallen ? lostWord + ": " + f.label() : f.label();
                if (fallen && calloutWidths.size() > 4096) {
                    calloutWidths.clear(); // the lost labels are new strings each pulse
                }
                String brief = fallen ? lostWord : f.protocol().title();
                boolean tries = tried++ < MAX_TRIED;
                String[] texts = !tries ? new String[0] : full.equals(brief) ? new String[] {full}
                        : new String[] {full, brief};
                // beside the dot first, the full label and then the protocol's name; only the selected frame looks
                // further away (with a leader line), as its label must show
                for (int phase = 0; phase < (selected ? 2 : 1) && box == null; phase++) {
                    for (String t : texts) {
                        double w = calloutWidths.computeIfAbsent(t, k -> Math.ceil(widths.width(k, fonts.frame())
                                + 0.6 * s));
                        box = callout(x, y, ux, uy, nx, ny, w, textH, s, d.width(), d.height(), phase == 1);
                        if (box != null) {
                            text = t;
                            break;
                        }
                    }
                }
                if (box != null) {
                    callouts.add(box);
                }
                out.add(new Placed(f, x, y, box, text, alpha, fallen, selected));
            }
        }
        return out;
    }

    /** Shifts along the cable, in callout widths: beside the dot, ahead, behind; the selected frame looks further. */
    private static final double[] NEAR = {0, 1, -1};
    private static final double[] FAR = {0, 1, -1, 2, -2, 3, -3};

    private Box callout(double x, double y, double ux, double uy, double nx, double ny, double w, double h,
                        double s, double width, double height, boolean selected) {
        double support = Math.abs(nx) * w / 2 + Math.abs(ny) * h / 2;
        double gap = 0.45 * s;
        double ahead = w / 2 + 0.6 * s;
        for (int row = 0; row < (selected ? 3 : 1); row++) {
            for (double side : new double[] {1, -1}) {
                // the other side has the other direction's dots on it: beyond them
                double off = support + gap + (side < 0 ? 0.9 * s : 0) + row * (h + 0.4 * s);
                for (double shift : selected ? FAR : NEAR) {
                    Box b = new Box(Math.round(x + side * nx * off + ux * shift * ahead - w / 2),
                            Math.round(y + side * ny * off + uy * shift * ahead - h / 2), w, h);
                    if (b.within(width, height) && !fixed.hits(b) && !callouts.hits(b)) {
                        return b;
                    }
                }
            }
        }
        return null;
    }

    private void prepare(Drawing d) {
        if (grids != d) {
            grids = d;
            calloutWidths.clear();
            double cell = Math.max(8, 5 * d.scale());
            fixed = new BoxGrid(d.width(), d.height(), cell);
            for (Box b : d.obstacles()) {
                fixed.add(b.grow(0.1 * d.scale()));
            }
            callouts = new BoxGrid(d.width(), d.height(), cell);
            cables = new HashMap<>();
            for (CablePlace c : d.cables()) {
                cables.put(c.cable().name(), c);
            }
        }
        callouts.clear();
    }
}
