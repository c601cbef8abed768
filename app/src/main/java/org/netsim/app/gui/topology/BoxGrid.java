package org.netsim.app.gui.topology;

import java.util.ArrayList;
import java.util.List;

/**
 * Boxes filed by the cells of a coarse grid, so "does this box hit any placed one" looks at its neighbours only: with
 * hundreds of frames in flight each pulse places hundreds of callouts against hundreds of icons.
 */
final class BoxGrid {
    private final double cell;
    private final int cols;
    private final int rows;
    private final List<List<Box>> cells;
    private final List<Box> all = new ArrayList<>();

    BoxGrid(double width, double height, double cell) {
        this.cell = Math.max(1, cell);
        this.cols = Math.max(1, (int) Math.ceil(width / this.cell));
        this.rows = Math.max(1, (int) Math.ceil(height / this.cell));
        cells = new ArrayList<>(cols * rows);
        for (int i = 0; i < cols * rows; i++) {
            cells.add(new ArrayList<>(2));
        }
    }

    void add(Box b) {
        all.add(b);
        int x0 = col(b.x());
        int x1 = col(b.maxX());
        int y0 = row(b.y());
        int y1 = row(b.maxY());
        for (int r = y0; r <= y1; r++) {
            for (int c = x0; c <= x1; c++) {
                cells.get(r * cols + c).add(b);
            }
        }
    }

    boolean hits(Box b) {
        int x0 = col(b.x());
        int x1 = col(b.maxX());
        int y0 = row(b.y());
        int y1 = row(b.maxY());
        for (int r = y0; r <= y1; r++) {
            for (int c = x0; c <= x1; c++) {
                for (Box o : cells.get(r * cols + c)) {
                    if (o.intersects(b)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    void clear() {
        for (Box b : all) {
            int x0 = col(b.x());
            int x1 = col(b.maxX());
            int y0 = row(b.y());
            int y1 = row(b.maxY());
            for (int r = y0; r <= y1; r++) {
                for (int c = x0; c <= x1; c++) {
                    cells.get(r * cols + c).clear();
                }
            }
        }
        all.clear();
    }

    private int col(double x) {
        return Math.max(0, Math.min(cols - 1, (int) (x / cell)));
    }

    private int row(double y) {
        return Math.max(0, Math.min(rows - 1, (int) (y / cell)));
    }
}
