package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.netsim.app.gui.topology.Drawing.CablePlace;
import org.netsim.app.gui.topology.Drawing.DevicePlace;
import org.netsim.app.gui.topology.Drawing.Fonts;

/**
 * Lays a {@link TopologyGraph} out in a pane of a given size at a given font size, with no two labels and no label
 * and icon overlapping: devices spread over the pane (margins and icons in units of the font size, so projector mode
 * spaces them further apart), each device's name and addresses on the side its cables leave free, each cable's
 * settings beside it where they collide with nothing, shortened to what fits.
 *
 * <p>Every label is placed by trying candidate places in order of preference and keeping the first that is clear,
 * so an overlap cannot be produced, only a label left out. Where the pane is too small for the font size, the
 * drawing is tried again a little smaller, down to three quarters of the size to keep every cable's label, and
 * further only to keep every device's name.
 */
final class TopologyGeometry {
    /** Above this many devices names and settings would fill the drawing: they are left to the tooltips. */
    static final int MAX_LABELLED = 40;
    /** Below this font size (pixels) nothing is legible: the smallest drawing tried. */
    static final double MIN_SCALE = 5;
    private static final double SHRINK = 0.94;
    /** Cable labels stay out of this band (in font sizes) around a cable: the frames ride in it. */
    static final double FRAME_BAND = 1.15;

    private final TextWidths widths;
    private final CableLabels cableLabels;

    TopologyGeometry(TextWidths widths, CableLabels cableLabels) {
        this.widths = widths;
        this.cableLabels = cableLabels;
    }

    /**
     * The layout for a {@code w} x {@code h} canvas and font size {@code em}; an empty drawing for no graph. A star
     * (one switch or router) is tried turned by half a step as well (in a wide, low pane its hosts fit better on the
     * diagonals than above and below the switch); the arrangement that keeps the larger font wins.
     */
    Drawing layout(TopologyGraph g, double w, double h, double em) {
        if (g == null || g.devices().isEmpty() || w <= 0 || h <= 0) {
            return new Drawing(em, w, h, List.of(), List.of(), true);
        }
        Drawing best = null;
        int bestRank = -1;
        for (TopologyGraph arrangement : arrangements(g)) {
            Drawing d = search(arrangement, w, h, em, true);
            int rank = rank(d, em, g.devices().size() <= MAX_LABELLED);
            if (best == null || rank > bestRank || rank == bestRank && d.scale() > best.scale() * 1.001) {
                best = d;
                bestRank = rank;
            }
        }
        // the names larger rather than the addresses shown: without them (they stay in the tooltips), if that keeps
        // the font clearly larger than a drawing shrunk below three quarters
        if (best.scale() < 0.75 * em) {
            for (TopologyGraph arrangement : arrangements(g)) {
                Drawing d = search(arrangement, w, h, em, false);
                if (rank(d, em, g.devices().size() <= MAX_LABELLED) >= 1 && d.scale() > best.scale() * 1.1) {
                    best = d;
                }
            }
        }
        return best;
    }

    /** 2: every label at three quarters of the font or more; 1: every device's name, icons apart; 0: neither. */
    private static int rank(Drawing d, double em, boolean labelled) {
        if (d.complete() && apart(d) && d.scale() >= 0.75 * em - 1e-9) {
            return 2;
        }
        return namesShown(d, labelled) ? 1 : 0;
    }

    private static boolean namesShown(Drawing d, boolean labelled) {
        return apart(d) && d.devices().stream().allMatch(p -> p.label() != null || !hasLabel(p, labelled));
    }

    /** No two icons overlap (with a gap of a third of the font size) and every cable is long enough to see. */
    static boolean apart(Drawing d) {
        double gap = d.scale() / 3;
        for (int i = 0; i < d.devices().size(); i++) {
            for (int j = i + 1; j < d.devices().size(); j++) {
                if (d.devices().get(i).icon().grow(gap / 2).intersects(d.devices().get(j).icon().grow(gap / 2))) {
                    return false;
                }
            }
        }
        for (CablePlace c : d.cables()) {
            if (Math.hypot(c.bx() - c.ax(), c.by() - c.ay()) < 1.2 * d.scale()) {
                return false;
            }
        }
        return true;
    }

    private Drawing search(TopologyGraph g, double w, double h, double em, boolean addresses) {
        boolean labelled = g.devices().size() <= MAX_LABELLED;
        Drawing namesOnly = null;
        Drawing last = null;
        for (double s = em; s >= Math.min(em, MIN_SCALE); s *= SHRINK) {
            last = attempt(g, w, h, s, labelled, addresses);
            if (last.complete() && s >= 0.75 * em && apart(last)) {
                return last;
            }
            if (namesOnly == null && namesShown(last, labelled)) {
                namesOnly = last;
            }
        }
        if (namesOnly != null) {
            return namesOnly;
        }
        // a pane too small for anything legible: smaller still, until at least the icons are apart
        for (double s = last.scale() * SHRINK; s >= 1 && !apart(last); s *= SHRINK) {
            last = attempt(g, w, h, s, labelled, addresses);
        }
        return last;
    }

    /** The graph as laid out, and for a star also turned by half the angle between two hosts. */
    private static List<TopologyGraph> arrangements(TopologyGraph g) {
        List<TopologyGraph.Device> hubs = g.devices().stream().filter(d -> d.kind() != TopologyGraph.Kind.HOST)
                .toList();
        int hosts = g.devices().size() - hubs.size();
        if (hubs.size() != 1 || hosts < 3) {
            return List.of(g);
        }
        TopologyGraph.Device hub = hubs.get(0);
        double turn = Math.PI / hosts;
        List<TopologyGraph.Device> turned = new ArrayList<>();
        for (TopologyGraph.Device d : g.devices()) {
            double dx = d.x() - hub.x();
            double dy = d.y() - hub.y();
            turned.add(d == hub ? d : d.at(hub.x() + dx * Math.cos(turn) - dy * Math.sin(turn),
                    hub.y() + dx * Math.sin(turn) + dy * Math.cos(turn)));
        }
        return List.of(g, new TopologyGraph(turned, g.cables()));
    }

    private static boolean hasLabel(DevicePlace d, boolean labelled) {
        return labelled && d.device().kind() != TopologyGraph.Kind.SWITCH;
    }

    private Drawing attempt(TopologyGraph g, double w, double h, double s, boolean labelled, boolean addresses) {
        Fonts f = Fonts.of(s);
        int n = g.devices().size();
        double[][] icon = new double[n][];
        double[][] label = new double[n][];
        List<List<String>> lines = new ArrayList<>();
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            TopologyGraph.Device d = g.devices().get(i);
            icon[i] = iconSize(d, s, f, labelled);
            List<String> l = new ArrayList<>();
            if (labelled && d.kind() != TopologyGraph.Kind.SWITCH) {
                l.add(d.name());
                if (addresses) {
                    l.addAll(d.addresses());
                }
                label[i] = labelSize(l, s, f);
            } else {
                label[i] = new double[] {0, 0};
            }
            lines.add(l);
            mx = Math.max(mx, Math.max(icon[i][0], label[i][0]) / 2);
            my = Math.max(my, icon[i][1] / 2 + (label[i][1] > 0 ? label[i][1] + 0.15 * s : 0));
        }
        mx += 0.3 * s;
        my += 0.3 * s;
        double[] range = range(g);
        double areaW = Math.max(0, Math.min(w - 2 * mx, 64 * s));
        double areaH = Math.max(0, Math.min(h - 2 * my, 36 * s));
        double ox = (w - areaW) / 2;
        double oy = (h - areaH) / 2;
        Map<String, Integer> at = new HashMap<>();
        double[][] centre = new double[n][];
        List<Box> icons = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            TopologyGraph.Device d = g.devices().get(i);
            double nx = range[2] - range[0] < 1e-9 ? 0.5 : (d.x() - range[0]) / (range[2] - range[0]);
            double ny = range[3] - range[1] < 1e-9 ? 0.5 : (d.y() - range[1]) / (range[3] - range[1]);
            centre[i] = new double[] {ox + nx * areaW, oy + ny * areaH};
            icons.add(Box.centred(centre[i][0], centre[i][1], icon[i][0], icon[i][1]));
            at.put(d.name(), i);
        }
        List<double[]> segments = new ArrayList<>();
        for (TopologyGraph.Cable c : g.cables()) {
            double[] a = centre[at.get(c.a())];
            double[] b = centre[at.get(c.b())];
            segments.add(new double[] {a[0], a[1], b[0], b[1]});
        }
        boolean complete = true;
        List<Box> placed = new ArrayList<>();
        Box[] labels = new Box[n];
        for (int i = 0; i < n; i++) {
            if (label[i][0] > 0) {
                labels[i] = LabelPlacement.deviceLabel(g, g.devices().get(i), centre, at, icons.get(i), label[i], s,
                        w, h, icons, placed, segments);
                complete &= labels[i] != null;
                if (labels[i] != null) {
                    placed.add(labels[i]);
                }
            }
        }
        List<DevicePlace> devices = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            devices.add(new DevicePlace(g.devices().get(i), centre[i][0], centre[i][1], icons.get(i), labels[i],
                    labels[i] == null ? List.of() : lines.get(i)));
        }
        List<CablePlace> cables = new ArrayList<>();
        boolean cableLabelsShown = labelled && g.cables().size() <= 24;
        for (int k = 0; k < g.cables().size(); k++) {
            TopologyGraph.Cable c = g.cables().get(k);
            int ia = at.get(c.a());
            int ib = at.get(c.b());
            double[] a = edge(g.devices().get(ia), centre[ia], icons.get(ia), centre[ib], s);
            double[] b = edge(g.devices().get(ib), centre[ib], icons.get(ib), centre[ia], s);
            Box box = null;
            List<String> text = List.of();
            if (cableLabelsShown) {
                for (List<String> variant : cableLabels.variants(c.name(), c.config())) {
                    box = LabelPlacement.cableLabel(a, b, cableLabelSize(variant, s, f), s, w, h, icons, placed,
                            segments);
                    if (box != null) {
                        text = variant;
                        placed.add(box);
                        break;
                    }
                }
                complete &= box != null;
            }
            cables.add(new CablePlace(c, a[0], a[1], b[0], b[1], centre[ia], centre[ib], box, text));
        }
        return new Drawing(s, w, h, devices, cables, complete);
    }

    /** Width and height of a device's icon. A switch carries its name inside. */
    private double[] iconSize(TopologyGraph.Device d, double s, Fonts f, boolean labelled) {
        return switch (d.kind()) {
            case SWITCH -> labelled ? new double[] {Math.max(4.6 * s, widths.width(d.name(), f.name()) + 1.4 * s),
                    2.2 * s} : new double[] {2.4 * s, 1.6 * s};
            case ROUTER -> new double[] {3.0 * s, 3.0 * s};
            default -> new double[] {3.2 * s, 2.5 * s};
        };
    }

    private double[] labelSize(List<String> lines, double s, Fonts f) {
        double w = 0;
        double h = 0.2 * s;
        for (int i = 0; i < lines.size(); i++) {
            javafx.scene.text.Font font = i == 0 ? f.name() : f.address();
            w = Math.max(w, widths.width(lines.get(i), font));
            h += widths.lineHeight(font);
        }
        return new double[] {w + 0.4 * s, h};
    }

    private double[] cableLabelSize(List<String> lines, double s, Fonts f) {
        double w = 0;
        for (String l : lines) {
            w = Math.max(w, widths.width(l, f.cable()));
        }
        return new double[] {w + 0.5 * s, lines.size() * widths.lineHeight(f.cable()) + 0.2 * s};
    }

    /** The smallest and largest x and y of the graph's 0..1 places, to stretch them over the pane. */
    private static double[] range(TopologyGraph g) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (TopologyGraph.Device d : g.devices()) {
            r[0] = Math.min(r[0], d.x());
            r[1] = Math.min(r[1], d.y());
            r[2] = Math.max(r[2], d.x());
            r[3] = Math.max(r[3], d.y());
        }
        return r;
    }

    /** Where the line from {@code c} towards {@code other} leaves the device's icon, a little outside it. */
    private static double[] edge(TopologyGraph.Device d, double[] c, Box icon, double[] other, double s) {
        double dx = other[0] - c[0];
        double dy = other[1] - c[1];
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        dx /= len;
        dy /= len;
        double t;
        if (d.kind() == TopologyGraph.Kind.ROUTER) {
            t = icon.w() / 2;
        } else {
            double tx = Math.abs(dx) < 1e-9 ? Double.MAX_VALUE : icon.w() / 2 / Math.abs(dx);
            double ty = Math.abs(dy) < 1e-9 ? Double.MAX_VALUE : icon.h() / 2 / Math.abs(dy);
            t = Math.min(tx, ty);
        }
        t = Math.min(t + 0.3 * s, len / 2);
        return new double[] {c[0] + dx * t, c[1] + dy * t};
    }
}
