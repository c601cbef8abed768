package org.netsim.app.gui.inspector;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.geometry.VPos;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;

/**
 * The hex/ASCII pane: offset column, 16 bytes a row, ASCII column; each byte tinted with the colour of the layer that
 * owns it, the selected field's bytes filled. It draws only the rows in view on one canvas the size of the viewport, so
 * a 1500-byte frame and a 64 KiB message cost the same per repaint. Focusable: arrow keys move byte by byte (up and
 * down by rows), Page Up/Down by a screen, Home/End to the ends; a click selects the byte's field.
 */
public final class HexPane extends Region {
    static final int PER_ROW = 16;
    private static final int OFFSET_CHARS = 6;
    private static final String FOCUS_CLASS = "hex-pane";

    private final InspectorViewModel vm;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    /** Takes the root font size through CSS, so projector mode enlarges the pane with everything else. */
    private final Label fontProbe = new Label();
    private Font font = Font.font("Monospaced", 13);
    private double charWidth;
    private double rowHeight;

    public HexPane(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add(FOCUS_CLASS);
        setFocusTraversable(true);
        scroll.setOrientation(Orientation.VERTICAL);
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().addAll(canvas, scroll, fontProbe);
        measure(fontProbe.getFont().getSize());
        fontProbe.fontProperty().addListener((o, a, f) -> {
            measure(f.getSize());
            requestLayout();
        });
        vm.bytesProperty().addListener((o, a, b) -> {
            scroll.setValue(0);
            updateScroll();
            redraw();
        });
        vm.highlightStartProperty().addListener((o, a, b) -> {
            reveal(b.intValue());
            redraw();
        });
        vm.highlightEndProperty().addListener((o, a, b) -> redraw());
        vm.cursorProperty().addListener((o, a, b) -> {
            reveal(b.intValue());
            redraw();
        });
        theme.addListener((o, a, b) -> redraw());
        // the cursor shows only while focused
        focusedProperty().addListener((o, a, b) -> redraw());
        scroll.valueProperty().addListener((o, a, b) -> redraw());
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        addEventHandler(ScrollEvent.SCROLL, e -> {
            scroll.setValue(clamp(scroll.getValue() - Math.signum(e.getDeltaY()) * 3, scroll.getMin(), scroll.getMax()));
            e.consume();
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private void measure(double size) {
        font = Font.font("Monospaced", size);
        Text t = new Text("0123456789");
        t.setFont(font);
        charWidth = t.getLayoutBounds().getWidth() / 10;
        rowHeight = Math.ceil(t.getLayoutBounds().getHeight() * 1.25);
    }

    private int rows() {
        return (vm.bytesProperty().get().length + PER_ROW - 1) / PER_ROW;
    }

    private int visibleRows() {
        return Math.max(1, (int) (canvas.getHeight() / rowHeight));
    }

    private double hexX(int col) {
        return (OFFSET_CHARS + 1 + col * 3 + (col >= 8 ? 1 : 0)) * charWidth;
    }

    private double asciiX(int col) {
        return (OFFSET_CHARS + 1 + PER_ROW * 3 + 2 + col) * charWidth;
    }

    @Override
    protected double computePrefWidth(double height) {
        return asciiX(PER_ROW) + charWidth + scroll.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    /** Three rows at least, and room for the scroll bar's arrows and thumb. */
    @Override
    protected double computeMinHeight(double width) {
        return Math.max(rowHeight * 3, scroll.minHeight(-1)) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return rowHeight * Math.max(4, Math.min(rows(), 24)) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        double sw = scroll.prefWidth(-1);
        scroll.resizeRelocate(x + w - sw, y, sw, h);
        canvas.setWidth(Math.max(0, w - sw));
        canvas.setHeight(Math.max(0, h));
        canvas.relocate(x, y);
        updateScroll();
        redraw();
    }

    private void updateScroll() {
        int max = Math.max(0, rows() - visibleRows());
        scroll.setMin(0);
        scroll.setMax(max);
        scroll.setVisibleAmount(visibleRows());
        scroll.setBlockIncrement(visibleRows());
        scroll.setValue(clamp(scroll.getValue(), 0, max));
        scroll.setDisable(max == 0);
    }

    /** Scrolls so that byte {@code index} is in view. */
    private void reveal(int index) {
        if (index < 0) {
            return;
        }
        int row = index / PER_ROW;
        int top = (int) scroll.getValue();
        if (row < top) {
            scroll.setValue(row);
        } else if (row >= top + visibleRows()) {
            scroll.setValue(Math.min(scroll.getMax(), row - visibleRows() + 1));
        }
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        boolean dark = theme.get() == Theme.DARK;
        Color background = dark ? Color.web("#1e1e1e") : Color.WHITE;
        Color ink = dark ? Color.web("#e6e6e6") : Color.web("#1a1a1a");
        Color dim = dark ? Color.web("#9a9a9a") : Color.web("#6a6a6a");
        g.setFill(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        byte[] b = vm.bytesProperty().get();
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.LEFT);
        int top = (int) scroll.getValue();
        int hs = vm.highlightStartProperty().get();
        int he = vm.highlightEndProperty().get();
        int cursor = vm.cursorProperty().get();
        for (int r = 0; r <= visibleRows() && top + r < rows(); r++) {
            int row = top + r;
            double y = r * rowHeight;
            double mid = y + rowHeight / 2;
            g.setFill(dim);
            g.fillText(String.format("%04x", row * PER_ROW), charWidth, mid);
            for (int c = 0; c < PER_ROW && row * PER_ROW + c < b.length; c++) {
                int i = row * PER_ROW + c;
                Protocol owner = vm.ownerOf(i);
                Color colour = owner == null ? dim : ProtocolPalette.colour(owner, theme.get());
                boolean lit = i >= hs && i < he;
                Color cell = lit ? colour : colour.deriveColor(0, 1, 1, dark ? 0.30 : 0.18);
                double hx = hexX(c) - charWidth / 2;
                double cellWidth = 3 * charWidth + (c == 7 ? charWidth : 0);
                g.setFill(cell);
                g.fillRect(hx, y + 1, c == PER_ROW - 1 ? 3 * charWidth : cellWidth, rowHeight - 2);
                g.fillRect(asciiX(c), y + 1, charWidth, rowHeight - 2);
                Color text = lit ? onColour(colour) : ink;
                g.setFill(text);
                int v = b[i] & 0xff;
                g.fillText(HEX[v], hexX(c), mid);
                g.fillText(v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : "\u00b7", asciiX(c), mid);
                if (i == cursor && isFocused()) {
                    g.setStroke(ink);
                    g.setLineWidth(2);
                    g.strokeRect(hx + 1, y + 1, 3 * charWidth - 2, rowHeight - 2);
                    g.strokeRect(asciiX(c), y + 1, charWidth, rowHeight - 2);
                }
            }
        }
    }

    private void pressed(MouseEvent e) {
        requestFocus();
        // the click is the pane's own: a scroll pane around it would take the focus back
        e.consume();
        int index = byteAt(e.getX() - canvas.getLayoutX(), e.getY() - canvas.getLayoutY());
        if (index >= 0) {
            vm.selectByte(index);
        }
    }

    /** The byte drawn at canvas point (x, y), in the hex or the ASCII column, or -1. */
    int byteAt(double x, double y) {
        int row = (int) scroll.getValue() + (int) (y / rowHeight);
        int col = -1;
        for (int c = 0; c < PER_ROW; c++) {
            double hx = hexX(c) - charWidth / 2;
            if (x >= hx && x < hx + 3 * charWidth || x >= asciiX(c) && x < asciiX(c) + charWidth) {
                col = c;
            }
        }
        int index = row * PER_ROW + col;
        return col < 0 || y < 0 || index >= vm.bytesProperty().get().length ? -1 : index;
    }

    private void key(KeyEvent e) {
        int delta = switch (e.getCode()) {
            case LEFT -> -1;
            case RIGHT -> 1;
            case UP -> -PER_ROW;
            case DOWN -> PER_ROW;
            case PAGE_UP -> -PER_ROW * visibleRows();
            case PAGE_DOWN -> PER_ROW * visibleRows();
            case HOME -> Integer.MIN_VALUE / 2;
            case END -> Integer.MAX_VALUE / 2;
            default -> 0;
        };
        if (delta != 0) {
            vm.moveCursor(delta);
            e.consume();
        }
    }

    /** Black or white, whichever reads better on {@code c} (by its luminance, as WCAG weighs the channels). */
    static Color onColour(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance > 0.5 ? Color.BLACK : Color.WHITE;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    private static final String[] HEX = new String[256];

    static {
        for (int i = 0; i < 256; i++) {
            HEX[i] = String.format("%02x", i);
        }
    }
}
