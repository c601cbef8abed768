package org.netsim.app.gui.topology;

import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;

/**
 * The network map: two canvases the size of the view, one with the devices and cables (redrawn when they change), one
 * above it with the frames in flight (redrawn whenever the view model's frames change); over them the notes on the
 * broadcasts under way, below them a one-line key. A canvas is one node however many frames fly, and the frames'
 * layer is all that a change of time redraws.
 */
public final class TopologyView extends Region {
    private static final String CSS = TopologyView.class.getResource("topology.css").toExternalForm();

    private final TopologyViewModel vm;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    /** Devices and cables, redrawn only when they change. */
    private final Canvas network = new Canvas();
    /** The frames in flight, redrawn on every change of time. */
    private final Canvas canvas = new Canvas();
    private final TopologyPainter painter;
    private final VBox notes = new VBox();
    private final Label legend;
    /** Takes the root font size through CSS, so projector mode enlarges the drawing with everything else. */
    private final Label fontProbe = new Label();

    public TopologyView(TopologyViewModel vm, ResourceBundle text) {
        this.vm = vm;
        this.painter = new TopologyPainter(text);
        getStyleClass().add("topology-view");
        setFocusTraversable(true);
        setAccessibleText(text.getString("topology.accessible"));
        legend = new Label(text.getString("topology.legend"));
        legend.getStyleClass().add("topology-legend");
        legend.setWrapText(true);
        notes.getStyleClass().add("topology-notes");
        notes.setAlignment(Pos.TOP_LEFT);
        notes.setMouseTransparent(true);
        fontProbe.setManaged(false);
        fontProbe.setVisible(false);
        getChildren().addAll(network, canvas, notes, legend, fontProbe);
        painter.setFontSize(fontProbe.getFont().getSize());
        fontProbe.fontProperty().addListener((o, a, f) -> {
            painter.setFontSize(f.getSize());
            redrawNetwork();
            redraw();
        });
        applyTheme();
        theme.addListener((o, a, b) -> {
            applyTheme();
            redrawNetwork();
            redraw();
        });
        vm.graphProperty().addListener((o, a, b) -> {
            redrawNetwork();
            redraw();
        });
        vm.inFlight().addListener((ListChangeListener<FrameInFlight>) c -> redraw());
        vm.notes().addListener((ListChangeListener<String>) c -> {
            notes.getChildren().clear();
            for (String n : vm.notes()) {
                Label l = new Label(n);
                l.setWrapText(true);
                l.getStyleClass().add("topology-note");
                notes.getChildren().add(l);
            }
        });
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The layer the frames in flight are drawn on (above the devices and cables). */
    public Canvas canvas() {
        return canvas;
    }

    private void applyTheme() {
        getStylesheets().setAll(ProtocolPalette.stylesheet(theme.get()), CSS);
        getStyleClass().removeAll("theme-light", "theme-dark");
        getStyleClass().add("theme-" + theme.get().key());
    }

    @Override
    protected double computePrefWidth(double height) {
        return painter.em() * 56;
    }

    @Override
    protected double computePrefHeight(double width) {
        return painter.em() * 34;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double lh = legend.prefHeight(w);
        legend.resizeRelocate(0, h - lh, w, lh);
        double noteWidth = Math.min(w, painter.em() * 30);
        notes.resizeRelocate(0, 0, noteWidth, notes.prefHeight(noteWidth));
        if (canvas.getWidth() != w || canvas.getHeight() != Math.max(0, h - lh)) {
            for (Canvas c : new Canvas[] {network, canvas}) {
                c.setWidth(w);
                c.setHeight(Math.max(0, h - lh));
            }
            redrawNetwork();
            redraw();
        }
    }

    private void redrawNetwork() {
        painter.paintNetwork(network.getGraphicsContext2D(), network.getWidth(), network.getHeight(), theme.get(),
                vm.graphProperty().get());
    }

    private void redraw() {
        painter.paintFrames(canvas.getGraphicsContext2D(), canvas.getWidth(), canvas.getHeight(), theme.get(),
                vm.graphProperty().get(), vm.inFlight());
    }
}
