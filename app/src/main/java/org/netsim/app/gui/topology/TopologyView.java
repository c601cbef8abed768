package org.netsim.app.gui.topology;

import java.util.List;
import java.util.ResourceBundle;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;

/**
 * The network map: a canvas with the devices and cables (drawn again when the layout changes); above it an image
 * with the frames in flight, composed again once per pulse in which the frames or the selection changed, of which
 * only the changed part goes to the renderer ({@link FrameLayer}); above that a canvas with the selection's rings,
 * drawn only when it has something; below them a caption with the broadcasts under way and the colour key. Three
 * nodes however many frames fly, no text laid out per pulse.
 *
 * <p>Clicking a frame selects its event everywhere; clicking a device picks it (for the stack view), clicking it
 * again or empty space picks none. With the focus here (Tab), Up and Down pick the previous or next device, Enter
 * the device of the selected event, Page Up and Page Down select the previous or next frame in flight, Escape picks
 * no device; Left and Right still step the time.
 */
public final class TopologyView extends Region {
    private static final String CSS = TopologyView.class.getResource("topology.css").toExternalForm();
    /** The frame colours the key names: the innermost layers a frame on a cable can have. */
    private static final List<Protocol> KEY = List.of(Protocol.ARP, Protocol.TCP, Protocol.HTTP, Protocol.WEBSOCKET,
            Protocol.ENGINEIO, Protocol.SOCKETIO);

    private final TopologyViewModel vm;
    private final ResourceBundle text;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** Devices and cables, redrawn only when the layout changes. */
    private final Canvas network = new Canvas();
    /** The frames in flight, composed again on every change of time. */
    private final FrameLayer frames = new FrameLayer();
    /** The selection's rings and the frames' few strokes, above the frames; drawn only when it has something. */
    private final Canvas overlay = new Canvas();
    /**
     * An opaque plain rectangle under the frames' image: the renderer starts each pulse's repaint at it (it covers the
     * dirty area) instead of repainting the split pane's and tab pane's layered backgrounds beneath, which the
     * software renderer draws slowly (stretched cached images).
     */
    private final javafx.scene.shape.Rectangle backdrop = new javafx.scene.shape.Rectangle();
    private boolean overlayUsed;
    private final TextWidths widths = new TextWidths();
    private final TopologyGeometry geometry;
    private final FramePlacement placement;
    private final TopologyPainter painter = new TopologyPainter(widths);
    private final Label caption = new Label();
    private final FlowPane key = new FlowPane();
    private final Region focusRing = new Region();
    /** Takes the root font size through CSS, so projector mode enlarges the drawing with everything else. */
    private final Label fontProbe = new Label();
    private final Tooltip tip = new Tooltip();
    private Drawing drawing = new Drawing(13, 0, 0, List.of(), List.of(), true);
    private List<FramePlacement.Placed> placed = List.of();
    private boolean networkDirty = true;
    private boolean framesDirty = true;
    private Object hovered;
    private final Runnable pulse = this::paint;

    public TopologyView(TopologyViewModel vm, ResourceBundle text) {
        this.vm = vm;
        this.text = text;
        CableLabels cableLabels = new CableLabels(text);
        geometry = new TopologyGeometry(widths, cableLabels);
        placement = new FramePlacement(widths, text.getString("topology.lost"));
        getStyleClass().add("topology-view");
        setFocusTraversable(true);
        setAccessibleText(text.getString("topology.accessible"));
        setAccessibleHelp(text.getString("topology.keys"));
        caption.getStyleClass().add("topology-caption");
        caption.setWrapText(true);
        caption.setTextOverrun(OverrunStyle.ELLIPSIS);
        Tooltip full = new Tooltip();
        full.textProperty().bind(caption.textProperty());
        caption.setTooltip(full);
        key.getStyleClass().add("topology-legend");
        focusRing.getStyleClass().add("topology-focus-ring");
        focusRing.setMouseTransparent(true);
        focusRing.visibleProperty().bind(focusedProperty());
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        overlay.setMouseTransparent(true);
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(500);
        // the network canvas stays out of the scene: its picture is the frames layer's background (one image to blend)
        getChildren().addAll(backdrop, frames.view(), overlay, caption, key, focusRing, fontProbe);
        overlay.setVisible(false);
        fontProbe.fontProperty().addListener((o, a, f) -> relayout());
        applyTheme();
        theme.addListener((o, a, b) -> {
            applyTheme();
            painter.clearSprites();
            relayout();
        });
        vm.graphProperty().addListener((o, a, b) -> relayout());
        vm.inFlight().addListener((ListChangeListener<FrameInFlight>) c -> framesChanged());
        vm.selectedEventProperty().addListener(o -> framesChanged());
        vm.eventDeviceProperty().addListener(o -> framesChanged());
        vm.pickedDeviceProperty().addListener(o -> framesChanged());
        caption.setVisible(false);
        vm.notes().addListener((ListChangeListener<String>) c -> {
            caption.setText(String.join("\n", vm.notes()));
            caption.setVisible(!vm.notes().isEmpty());
        });
        sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePreLayoutPulseListener(pulse);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(pulse);
            }
        });
        setOnMouseClicked(this::clicked);
        setOnMouseMoved(this::hover);
        setOnMouseExited(e -> {
            hovered = null;
            Tooltip.uninstall(this, tip);
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The layer the frames in flight are drawn on (above the devices and cables). */
    public javafx.scene.Node framesLayer() {
        return frames.view();
    }

    /** The current layout (tests check it for overlaps). */
    Drawing drawing() {
        return drawing;
    }

    /** The font size the view takes from the style sheets (larger in projector mode). */
    double fontSize() {
        return fontProbe.getFont().getSize();
    }

    /** The frames as last drawn. */
    List<FramePlacement.Placed> placed() {
        return placed;
    }

    private void applyTheme() {
        backdrop.setFill(TopologyPainter.background(theme.get()));
        getStylesheets().setAll(ProtocolPalette.stylesheet(theme.get()), CSS);
        getStyleClass().removeAll("theme-light", "theme-dark");
        getStyleClass().add("theme-" + theme.get().key());
        key.getChildren().clear();
        for (Protocol p : KEY) {
            Region swatch = new Region();
            swatch.getStyleClass().add("topology-swatch");
            swatch.setStyle("-fx-background-color: " + ProtocolPalette.web(p, theme.get()) + ";");
            Label l = new Label(p.title(), swatch);
            l.getStyleClass().add("topology-key");
            key.getChildren().add(l);
        }
        for (String k : new String[] {"topology.key.broadcast", "topology.key.lost"}) {
            Label l = new Label(text.getString(k));
            l.getStyleClass().add("topology-key");
            key.getChildren().add(l);
        }
    }

    private void relayout() {
        networkDirty = true;
        framesChanged();
        requestLayout();
    }

    private void framesChanged() {
        framesDirty = true;
        if (getScene() != null) {
            Platform.requestNextPulse();
        }
    }

    /** Time spent drawing, for the benchmark. */
    long paintNanos;
    long placeNanos;

    /** Draws what changed since the last pulse: the frames, and the network if its layout changed. */
    void paint() {
        long t0 = System.nanoTime();
        paintChanges();
        paintNanos += System.nanoTime() - t0;
    }

    private void paintChanges() {
        if (networkDirty) {
            networkDirty = false;
            painter.clearSprites();
            drawing = geometry.layout(vm.graphProperty().get(), network.getWidth(), network.getHeight(),
                    fontProbe.getFont().getSize());
            painter.paintNetwork(network.getGraphicsContext2D(), drawing, theme.get());
            frames.setBackground(network.snapshot(null, null));
            framesDirty = true;
        }
        if (framesDirty) {
            framesDirty = false;
            long p0 = System.nanoTime();
            placed = placement.place(drawing, vm.inFlight(), vm.selectedEventProperty().get());
            placeNanos += System.nanoTime() - p0;
            overlayUsed = painter.paintFrames(frames, overlay.getGraphicsContext2D(), overlayUsed, drawing, placed,
                    theme.get(), vm.eventDeviceProperty().get(), vm.pickedDeviceProperty().get());
            overlay.setVisible(overlayUsed);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return fontProbe.getFont().getSize() * 56;
    }

    @Override
    protected double computePrefHeight(double width) {
        return fontProbe.getFont().getSize() * 34;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double em = fontProbe.getFont().getSize();
        double kh = key.prefHeight(w);
        key.resizeRelocate(0, h - kh, w, kh);
        // two lines for the broadcasts under way, one where the drawing needs the height: fixed, so the drawing
        // does not move when a note comes and goes
        double ch = Math.ceil(caption.getFont().getSize() * 1.35 * (h > 26 * em ? 2 : 1) + em * 0.5);
        caption.resizeRelocate(0, h - kh - ch, w, ch);
        double dh = Math.max(0, h - kh - ch);
        focusRing.resizeRelocate(0, 0, w, h);
        if (network.getWidth() != w || network.getHeight() != dh) {
            for (Canvas c : new Canvas[] {network, overlay}) {
                c.setWidth(w);
                c.setHeight(dh);
            }
            frames.resize(w, dh);
            // it must cover the dirty area, the image (whole pixels) rounded out to whole pixels of the window
            backdrop.relocate(-1, -1);
            backdrop.setWidth(Math.ceil(w) + 2);
            backdrop.setHeight(Math.ceil(dh) + 2);
            overlayUsed = true;
            networkDirty = true;
            framesChanged();
        }
        paint();
    }

    /** The frame, device or cable under (x, y): a placed frame, a device place or a cable place; null for none. */
    Object hit(double x, double y) {
        double r = 0.6 * drawing.scale();
        for (int i = placed.size() - 1; i >= 0; i--) {
            FramePlacement.Placed p = placed.get(i);
            if (p.callout() != null && p.callout().contains(x, y) || Math.hypot(p.x() - x, p.y() - y) <= r) {
                return p;
            }
        }
        for (Drawing.DevicePlace d : drawing.devices()) {
            if (d.icon().grow(2).contains(x, y) || d.label() != null && d.label().contains(x, y)) {
                return d;
            }
        }
        for (Drawing.CablePlace c : drawing.cables()) {
            if (c.label() != null && c.label().contains(x, y) || distance(c, x, y) <= r) {
                return c;
            }
        }
        return null;
    }

    private static double distance(Drawing.CablePlace c, double x, double y) {
        double dx = c.bx() - c.ax();
        double dy = c.by() - c.ay();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - c.ax()) * dx + (y - c.ay()) * dy) / len2));
        return Math.hypot(c.ax() + t * dx - x, c.ay() + t * dy - y);
    }

    private void clicked(MouseEvent e) {
        requestFocus();
        Object h = hit(e.getX(), e.getY());
        if (h instanceof FramePlacement.Placed p) {
            vm.selectFrame(p.frame());
        } else if (h instanceof Drawing.DevicePlace d) {
            vm.pickDevice(d.device().name());
        } else if (h == null) {
            vm.pickDevice(null);
        }
    }

    private void hover(MouseEvent e) {
        Object h = hit(e.getX(), e.getY());
        Object what = h instanceof FramePlacement.Placed p ? p.frame() : h;
        if (what == hovered) {
            return;
        }
        hovered = what;
        String s = tooltip(h);
        if (s == null) {
            Tooltip.uninstall(this, tip);
        } else {
            tip.setText(s);
            Tooltip.install(this, tip);
        }
    }

    private String tooltip(Object h) {
        if (h instanceof FramePlacement.Placed p) {
            FrameInFlight f = p.frame();
            return java.text.MessageFormat.format(text.getString("topology.tip.frame"), f.label(), f.from(), f.to(),
                    f.bytes(), f.event());
        } else if (h instanceof Drawing.DevicePlace d) {
            String addresses = String.join(", ", d.device().addresses());
            return java.text.MessageFormat.format(text.getString("topology.tip.device"), d.device().name(),
                    addresses.isEmpty() ? text.getString("topology.tip.noAddress") : addresses);
        } else if (h instanceof Drawing.CablePlace c) {
            return new CableLabels(text).tooltip(c.cable().name(), c.cable().config());
        }
        return null;
    }

    private void key(KeyEvent e) {
        switch (e.getCode()) {
            case UP, KP_UP -> vm.pickNextDevice(-1);
            case DOWN, KP_DOWN -> vm.pickNextDevice(1);
            case PAGE_UP -> vm.selectNextFrame(-1);
            case PAGE_DOWN -> vm.selectNextFrame(1);
            case ENTER -> vm.pickSelectedEventDevice();
            case ESCAPE -> vm.pickDevice(null);
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** For tests: the scene the view is in draws on its next pulse; this draws now. */
    void paintNow() {
        layout();
        paint();
    }

}
