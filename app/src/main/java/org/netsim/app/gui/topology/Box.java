package org.netsim.app.gui.topology;

/**
 * An axis-aligned rectangle in canvas pixels: what a label, an icon or a frame's callout covers. The layout keeps any
 * two of them apart, so this is the unit its checks (and the tests' checks) are made of.
 */
record Box(double x, double y, double w, double h) {

    static Box centred(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, w, h);
    }

    double maxX() {
        return x + w;
    }

    double maxY() {
        return y + h;
    }

    double cx() {
        return x + w / 2;
    }

    double cy() {
        return y + h / 2;
    }

    /** Whether the two overlap in an area (touching edges do not count). */
    boolean intersects(Box o) {
        return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
    }

    boolean contains(double px, double py) {
        return px >= x && px <= x + w && py >= y && py <= y + h;
    }

    /** Whether it lies within {@code [0, width] x [0, height]}. */
    boolean within(double width, double height) {
        return x >= 0 && y >= 0 && x + w <= width && y + h <= height;
    }

    Box grow(double d) {
        return new Box(x - d, y - d, w + 2 * d, h + 2 * d);
    }

    /** Whether the segment from (x1, y1) to (x2, y2) passes through the inside (Liang-Barsky clipping). */
    boolean crosses(double x1, double y1, double x2, double y2) {
        double[] t = {0, 1};
        double dx = x2 - x1;
        double dy = y2 - y1;
        return clip(-dx, x1 - x, t) && clip(dx, x + w - x1, t) && clip(-dy, y1 - y, t) && clip(dy, y + h - y1, t)
                && t[0] < t[1];
    }

    private static boolean clip(double p, double q, double[] t) {
        if (p == 0) {
            return q > 0;
        }
        double r = q / p;
        if (p < 0) {
            if (r > t[1]) {
                return false;
            }
            t[0] = Math.max(t[0], r);
        } else {
            if (r < t[0]) {
                return false;
            }
            t[1] = Math.min(t[1], r);
        }
        return true;
    }

    /** The point of this box nearest to (px, py). */
    double[] nearest(double px, double py) {
        return new double[] {Math.max(x, Math.min(x + w, px)), Math.max(y, Math.min(y + h, py))};
    }
}
