package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Where a label goes: candidate places in order of preference, the first that is inside the canvas, off every icon
 * and placed label and clear of every cable keeps it; none clear, no label (an overlap is never the answer).
 */
final class LabelPlacement {
    private LabelPlacement() {
    }

    /** Candidate places around an icon: below, above, right, left, then the four corners. */
    private static final double[][] SIDES = {{0, 1}, {0, -1}, {1, 0}, {-1, 0}, {0.6, 1}, {-0.6, 1}, {0.6, -1},
            {-0.6, -1}};

    static Box deviceLabel(TopologyGraph g, TopologyGraph.Device d, double[][] centre,
                                        Map<String, Integer> at, Box icon, double[] size, double s, double w,
                                        double h, List<Box> icons, List<Box> placed, List<double[]> segments) {
        // the sides its cables leave by are the worst: a label there is struck through
        List<double[]> away = new ArrayList<>();
        double[] c = centre[at.get(d.name())];
        for (TopologyGraph.Cable cable : g.cables()) {
            String other = cable.a().equals(d.name()) ? cable.b() : cable.b().equals(d.name()) ? cable.a() : null;
            if (other != null) {
                double[] o = centre[at.get(other)];
                double len = Math.max(1e-9, Math.hypot(o[0] - c[0], o[1] - c[1]));
                away.add(new double[] {(o[0] - c[0]) / len, (o[1] - c[1]) / len});
            }
        }
        Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> cost(SIDES[i], away)));
        double gap = 0.15 * s;
        for (int i : order) {
            double[] side = SIDES[i];
            double x;
            double y;
            if (side[1] == 0) {
                x = side[0] > 0 ? icon.maxX() + gap : icon.x() - gap - size[0];
                y = icon.cy() - size[1] / 2;
            } else {
                x = side[0] == 0 ? icon.cx() - size[0] / 2 : side[0] > 0 ? icon.cx() - 0.2 * icon.w()
                        : icon.cx() + 0.2 * icon.w() - size[0];
                y = side[1] > 0 ? icon.maxY() + gap : icon.y() - gap - size[1];
            }
            Box b = new Box(x, y, size[0], size[1]);
            if (clear(b, w, h, icons, placed, segments, 0.15 * s)) {
                return b;
            }
        }
        return null;
    }

    private static double cost(double[] side, List<double[]> away) {
        double len = Math.hypot(side[0], side[1]);
        double worst = 0;
        for (double[] a : away) {
            worst = Math.max(worst, (side[0] * a[0] + side[1] * a[1]) / len);
        }
        return worst;
    }

    private static final double[] ALONG = {0.5, 0.38, 0.62, 0.28, 0.72};

    /** A box of {@code size} beside the cable from {@code a} to {@code b}, clear of everything, or null. */
    static Box cableLabel(double[] a, double[] b, double[] size, double s, double w, double h,
                                       List<Box> icons, List<Box> placed, List<double[]> segments) {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.hypot(dx, dy);
        if (len < 1) {
            return null;
        }
        double nx = -dy / len;
        double ny = dx / len;
        // preferred side: to the right of a steep cable, above a flat one
        double sign = Math.abs(dy) > Math.abs(dx) ? Math.signum(nx) : -Math.signum(ny);
        if (sign == 0) {
            sign = 1;
        }
        double support = Math.abs(nx) * size[0] / 2 + Math.abs(ny) * size[1] / 2;
        for (double t : ALONG) {
            for (double side : new double[] {sign, -sign}) {
                double cx = a[0] + dx * t + side * nx * (support + TopologyGeometry.FRAME_BAND * s + 0.1 * s);
                double cy = a[1] + dy * t + side * ny * (support + TopologyGeometry.FRAME_BAND * s + 0.1 * s);
                Box box = Box.centred(cx, cy, size[0], size[1]);
                if (clear(box, w, h, icons, placed, segments, TopologyGeometry.FRAME_BAND * s)) {
                    return box;
                }
            }
        }
        return null;
    }

    /** Inside the canvas, off every icon and placed label, and no cable within {@code band} of it. */
    private static boolean clear(Box b, double w, double h, List<Box> icons, List<Box> placed,
                                 List<double[]> segments, double band) {
        if (!b.within(w, h)) {
            return false;
        }
        Box near = b.grow(band * 0.2);
        for (Box i : icons) {
            if (near.intersects(i)) {
                return false;
            }
        }
        for (Box p : placed) {
            if (near.intersects(p)) {
                return false;
            }
        }
        Box banded = b.grow(band);
        for (double[] seg : segments) {
            if (banded.crosses(seg[0], seg[1], seg[2], seg[3])) {
                return false;
            }
        }
        return true;
    }
}
