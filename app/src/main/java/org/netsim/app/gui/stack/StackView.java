package org.netsim.app.gui.stack;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import javafx.animation.FadeTransition;
import javafx.animation.KeyFrame;
import javafx.animation.ParallelTransition;
import javafx.animation.Timeline;
import javafx.animation.TranslateTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.netsim.app.gui.FieldTexts;
import org.netsim.app.gui.WrapLabel;
import org.netsim.app.gui.session.LayerModel;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;
import org.netsim.timeline.Direction;

/**
 * Packet Tracer's "OSI model" tab for one frame: two stacks side by side, one row per layer of the chosen model, with
 * a thin column showing how OSI's seven layers fold into TCP/IP's four. By default the sender's stack going down and
 * the receiver's going up; the device picker shows any device on the frame's path with its in- and out-stack (a
 * switch up to Ethernet and down again, a router up to IPv4 and down with what it rewrote). Each layer's unit is a
 * {@link BlockBar}; the animation drops the payload a layer at a time and wraps it, and unwraps it going up. With
 * {@link #reduceMotionProperty() reduce motion} the end state shows at once.
 *
 * <p>The toolbar stays on top; the stacks scroll when the pane is smaller than they can shrink to (projector mode on a
 * small screen, a longer language), and every text wraps between words rather than being cut.
 */
public final class StackView extends BorderPane {
    private static final String CSS = StackView.class.getResource("stack.css").toExternalForm();
    private static final Duration STEP = Duration.millis(650);

    private final StackViewModel vm;
    private final ResourceBundle text;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty reduceMotion = new SimpleBooleanProperty(false);
    private final StackToolbar toolbar;
    private final GridPane grid = new GridPane();
    private final Label note = new WrapLabel("");
    private final VBox rewrites = new VBox();
    private final Label path = new WrapLabel("");
    private final VBox content;
    private final ScrollPane scroll;
    private final List<Node> leftBars = new ArrayList<>();
    private final List<Node> rightBars = new ArrayList<>();
    private Timeline player;

    public StackView(StackViewModel vm, ResourceBundle text) {
        this.vm = vm;
        this.text = text;
        getStyleClass().add("stack-view");
        applyTheme();
        theme.addListener((o, a, b) -> applyTheme());

        toolbar = new StackToolbar(vm, text, this::play, this::jumpToEnd);
        setTop(toolbar);

        grid.getStyleClass().add("stack-grid");
        note.getStyleClass().add("stack-note");
        rewrites.getStyleClass().add("stack-rewrites");
        path.getStyleClass().add("stack-path");
        content = new VBox(grid, note, rewrites, path);
        content.getStyleClass().add("stack-content");
        scroll = new ScrollPane(content);
        scroll.setId("stackScroll");
        scroll.setFitToWidth(true);
        scroll.setMinSize(0, 0);
        setCenter(scroll);
        setMinSize(0, 0);

        vm.layerModelProperty().addListener((o, a, b) -> rebuild());
        vm.revisionProperty().addListener((o, a, b) -> {
            rebuild();
            play();
            // in a short pane (projector mode) the rows above the event's layer are empty: bring its block into view
            javafx.application.Platform.runLater(this::revealCurrent);
        });
        vm.stepProperty().addListener((o, a, b) -> updateVisibility(a.intValue(), b.intValue()));
        rebuild();
        if (!vm.blocks().isEmpty()) {
            // made for an event selected before the view existed: show it whole, the animation was not watched
            jumpToEnd();
        }
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The OSI / TCP/IP switch and the device picker (a lesson step can point at it). */
    public Node layerSwitch() {
        return toolbar;
    }

    /** When set, no animation: every new selection shows the end state. */
    public BooleanProperty reduceMotionProperty() {
        return reduceMotion;
    }

    /** Runs the encapsulation from the start (or, with reduce motion, shows the end). */
    public void play() {
        stopPlayer();
        if (reduceMotion.get()) {
            vm.jumpToEnd();
            return;
        }
        vm.restart();
        player = new Timeline(new KeyFrame(STEP, e -> vm.stepProperty().set(vm.stepProperty().get() + 1)));
        player.setCycleCount(vm.stepCountProperty().get());
        player.play();
    }

    public void jumpToEnd() {
        stopPlayer();
        vm.jumpToEnd();
    }

    private void stopPlayer() {
        if (player != null) {
            player.stop();
            player = null;
        }
    }

    private void applyTheme() {
        getStylesheets().setAll(ProtocolPalette.stylesheet(theme.get()), CSS);
        getStyleClass().removeAll("theme-light", "theme-dark");
        getStyleClass().add("theme-" + theme.get().key());
    }

    private void rebuild() {
        grid.getChildren().clear();
        grid.getColumnConstraints().setAll(fixed(), fixed(), grow(), grow());
        leftBars.clear();
        rightBars.clear();
        LayerModel model = vm.layerModelProperty().get();
        Transfer t = vm.transferProperty().get();
        boolean osi = model == LayerModel.OSI;
        grid.add(heading(text.getString(osi ? "stack.heading.osi" : "stack.heading.tcpip")), 0, 0);
        grid.add(heading(text.getString(osi ? "stack.heading.mapping.tcpip" : "stack.heading.mapping.osi")), 1, 0);
        List<LayerModel.LayerRow> rows = model.rows();
        for (int r = 0; r < rows.size(); r++) {
            LayerModel.LayerRow row = rows.get(r);
            Label name = new Label(row.number() + "  " + layerTitle(model, row.number()));
            name.getStyleClass().add("stack-layer-name");
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(name, 0, r + 1);
        }
        addMapping(model, rows);
        StackColumn left = vm.leftProperty().get();
        StackColumn right = vm.rightProperty().get();
        if (t == null || left == null) {
            grid.add(new WrapLabel(text.getString("stack.empty")), 2, 0, 2, 1);
        } else {
            addColumn(left, true, 2, rows.size());
            addColumn(right, false, 3, rows.size());
        }
        String device = vm.shownDeviceProperty().get();
        String chosen = vm.deviceProperty().get();
        note.setText(t != null && chosen != null && device == null
                ? MessageFormat.format(text.getString("stack.device.notOnPath"), chosen) : "");
        showIfText(note);
        fillRewrites(device, left, right);
        path.setText(t == null ? "" : MessageFormat.format(text.getString("stack.path"), String.join(" \u2192 ",
                t.path()), vm.frameLength(), vm.blocks().size()));
        updateVisibility(vm.stepProperty().get(), vm.stepProperty().get());
    }

    /** One stack: its heading and a cell per layer row, or a sentence saying why there is no such stack here. */
    private void addColumn(StackColumn c, boolean isLeft, int col, int rowCount) {
        boolean out = c.direction() == Direction.DOWN;
        if (c.isEmpty()) {
            String key = c.node() == null ? "stack.receiver.none" : out ? "stack.out.none" : "stack.in.none";
            grid.add(heading(MessageFormat.format(text.getString(out ? "stack.sender" : "stack.receiver"),
                    c.node() == null ? "\u2013" : c.node())), col, 0);
            Label none = new WrapLabel(MessageFormat.format(text.getString(key), c.node()));
            none.getStyleClass().add("stack-none");
            grid.add(none, col, 1, 1, rowCount);
            return;
        }
        grid.add(heading(MessageFormat.format(text.getString(out ? "stack.sender" : "stack.receiver"), c.node())),
                col, 0);
        for (int r = 0; r < rowCount; r++) {
            grid.add(cell(c, isLeft, r), col, r + 1);
        }
    }

    /** Scrolls the stacks, if they scroll, so that the selected event's block is in view. */
    private void revealCurrent() {
        Node current = grid.lookup(".stack-current");
        double viewport = scroll.getViewportBounds().getHeight();
        double extra = content.getHeight() - viewport;
        if (current == null || extra <= 0 || current.getScene() == null) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(current.localToScene(current.getBoundsInLocal()));
        double top = extra * scroll.getVvalue();
        if (b.getMinY() < top || b.getMaxY() > top + viewport) {
            scroll.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - viewport / 3) / extra)));
        }
    }

    /** What the shown device rewrote (a router's new MACs, TTL and checksums), or that it changed nothing. */
    private void fillRewrites(String device, StackColumn in, StackColumn out) {
        rewrites.getChildren().clear();
        if (device == null || in == null || out == null || in.isEmpty() || out.isEmpty()
                || device.equals(vm.transferProperty().get().sender())) {
            showIfText(rewrites);
            return;
        }
        if (vm.rewrites().isEmpty()) {
            rewrites.getChildren().add(new WrapLabel(MessageFormat.format(text.getString("stack.rewrites.none"),
                    device)));
        } else {
            Label title = new WrapLabel(MessageFormat.format(text.getString("stack.rewrites"), device));
            title.getStyleClass().add("stack-heading");
            rewrites.getChildren().add(title);
            for (Rewrite w : vm.rewrites()) {
                Label line = new WrapLabel(MessageFormat.format(text.getString("stack.rewrite"), w.protocol().title(),
                        FieldTexts.name(w.field()), w.before(), w.after()));
                line.getStyleClass().addAll("stack-rewrite", ProtocolPalette.styleClass(w.protocol()));
                rewrites.getChildren().add(line);
            }
        }
        showIfText(rewrites);
    }

    private static void showIfText(Node n) {
        boolean on = n instanceof Label l ? !l.getText().isEmpty() : !((VBox) n).getChildren().isEmpty();
        n.setVisible(on);
        n.setManaged(on);
    }

    /** A layer's name in the window's language: {@code Transport}, {@code Internet}. */
    private String layerTitle(LayerModel model, int number) {
        return text.getString((model == LayerModel.OSI ? "events.osi." : "events.tcpip.") + number);
    }

    /** The thin column: in OSI mode the TCP/IP layer each OSI row folds into, in TCP/IP mode the OSI rows folded. */
    private void addMapping(LayerModel model, List<LayerModel.LayerRow> rows) {
        if (model == LayerModel.OSI) {
            for (int r = 0; r < rows.size(); ) {
                var tcpIp = rows.get(r).osi().get(0).tcpIp();
                int span = 1;
                while (r + span < rows.size() && rows.get(r + span).osi().get(0).tcpIp() == tcpIp) {
                    span++;
                }
                Label l = new Label(tcpIp.number() + " " + layerTitle(LayerModel.TCP_IP, tcpIp.number()));
                l.getStyleClass().add("stack-mapping");
                l.setMinWidth(Region.USE_PREF_SIZE);
                l.setMaxHeight(Double.MAX_VALUE);
                l.setMaxWidth(Double.MAX_VALUE);
                grid.add(l, 1, r + 1, 1, span);
                r += span;
            }
        } else {
            for (int r = 0; r < rows.size(); r++) {
                VBox folded = new VBox();
                folded.getStyleClass().add("stack-mapping");
                folded.setMaxWidth(Double.MAX_VALUE);
                for (OsiLayer o : rows.get(r).osi()) {
                    Label l = new Label(o.number() + " " + layerTitle(LayerModel.OSI, o.number()));
                    l.setMinWidth(Region.USE_PREF_SIZE);
                    folded.getChildren().add(l);
                }
                grid.add(folded, 1, r + 1);
            }
        }
    }

    private VBox cell(StackColumn c, boolean isLeft, int row) {
        VBox cell = new VBox();
        cell.getStyleClass().addAll("stack-cell", isLeft ? "stack-left" : "stack-right",
                c.direction() == Direction.DOWN ? "stack-out" : "stack-in");
        List<EncapsulationBlock> all = c.blocks();
        for (EncapsulationBlock b : vm.blocksOnRow(c, row)) {
            int i = all.indexOf(b);
            if (!c.reaches(i)) {
                continue;
            }
            Protocol inner = i + 1 < all.size() ? all.get(i + 1).protocol() : b.protocol();
            BlockBar bar = new BlockBar(b, inner, b.protocol() == vm.eventProtocolProperty().get(), text);
            bar.setUserData(i);
            cell.getChildren().add(bar);
            (isLeft ? leftBars : rightBars).add(bar);
        }
        return cell;
    }

    private void updateVisibility(int before, int now) {
        StackColumn left = vm.leftProperty().get();
        StackColumn right = vm.rightProperty().get();
        for (Node bar : leftBars) {
            show(bar, vm.shows(true, (Integer) bar.getUserData()), now > before, slideFrom(left));
        }
        for (Node bar : rightBars) {
            show(bar, vm.shows(false, (Integer) bar.getUserData()), now > before, slideFrom(right));
        }
    }

    /** Going down a unit comes from the row above; going up, from the row below. */
    private static int slideFrom(StackColumn c) {
        return c != null && c.direction() == Direction.UP ? 1 : -1;
    }

    /** Shows or hides a bar; a bar that just appeared slides in from the row it came from. */
    private void show(Node bar, boolean visible, boolean forward, int from) {
        boolean appeared = visible && !bar.isVisible();
        bar.setVisible(visible);
        if (appeared && forward && !reduceMotion.get() && player != null) {
            TranslateTransition slide = new TranslateTransition(STEP.multiply(0.8), bar);
            slide.setFromY(from * bar.getBoundsInLocal().getHeight() * 1.5);
            slide.setToY(0);
            FadeTransition fade = new FadeTransition(STEP.multiply(0.8), bar);
            fade.setFromValue(0.2);
            fade.setToValue(1);
            new ParallelTransition(slide, fade).play();
        } else if (!visible || !forward) {
            bar.setTranslateY(0);
            bar.setOpacity(1);
        }
    }

    private static Label heading(String s) {
        Label l = new WrapLabel(s);
        l.getStyleClass().add("stack-heading");
        return l;
    }

    private static ColumnConstraints fixed() {
        ColumnConstraints c = new ColumnConstraints();
        c.setMinWidth(Region.USE_PREF_SIZE);
        return c;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
