package org.netsim.app.gui.stack;

import org.netsim.app.gui.session.LayerModel;
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
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.OsiLayer;
import org.netsim.pdu.Protocol;

/**
 * Packet Tracer's "OSI model" tab for one frame: the sender's stack going down and the receiver's going up, one row
 * per layer of the chosen model, with a thin column showing how OSI's seven layers fold into TCP/IP's four. Each layer's
 * unit is a {@link BlockBar}; the animation drops the payload a layer at a time and wraps it, then unwraps it at the
 * receiver. With {@link #reduceMotionProperty() reduce motion} the end state shows at once.
 */
public final class StackView extends BorderPane {
    private static final String CSS = StackView.class.getResource("stack.css").toExternalForm();
    private static final Duration STEP = Duration.millis(650);

    private final StackViewModel vm;
    private final ResourceBundle text;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final BooleanProperty reduceMotion = new SimpleBooleanProperty(false);
    private final GridPane grid = new GridPane();
    private final Label path = new Label();
    private final List<Node> senderBars = new ArrayList<>();
    private final List<Node> receiverBars = new ArrayList<>();
    private Timeline player;

    public StackView(StackViewModel vm, ResourceBundle text) {
        this.vm = vm;
        this.text = text;
        getStyleClass().add("stack-view");
        applyTheme();
        theme.addListener((o, a, b) -> applyTheme());

        ToggleGroup models = new ToggleGroup();
        ToggleButton osi = new ToggleButton(text.getString("stack.model.osi"));
        ToggleButton tcpIp = new ToggleButton(text.getString("stack.model.tcpip"));
        osi.setId("stack-osi");
        tcpIp.setId("stack-tcpip");
        osi.setToggleGroup(models);
        tcpIp.setToggleGroup(models);
        models.selectToggle(vm.layerModelProperty().get() == LayerModel.OSI ? osi : tcpIp);
        models.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                models.selectToggle(a);
            } else {
                vm.layerModelProperty().set(b == osi ? LayerModel.OSI : LayerModel.TCP_IP);
            }
        });
        vm.layerModelProperty().addListener((o, a, b) -> models.selectToggle(b == LayerModel.OSI ? osi : tcpIp));
        Button replay = new Button(text.getString("stack.replay"));
        replay.setOnAction(e -> play());
        Button end = new Button(text.getString("stack.end"));
        end.setId("stack-end");
        end.setOnAction(e -> jumpToEnd());
        FlowPane bar = new FlowPane(osi, tcpIp, replay, end);
        bar.getStyleClass().add("stack-toolbar");
        setTop(bar);

        grid.getStyleClass().add("stack-grid");
        path.getStyleClass().add("stack-path");
        path.setWrapText(true);
        setCenter(new VBox(grid, path));

        vm.layerModelProperty().addListener((o, a, b) -> rebuild());
        vm.blocks().addListener((ListChangeListener<EncapsulationBlock>) c -> {
            rebuild();
            play();
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
        grid.getColumnConstraints().setAll(new ColumnConstraints(), new ColumnConstraints(),
                grow(), grow());
        senderBars.clear();
        receiverBars.clear();
        LayerModel model = vm.layerModelProperty().get();
        Transfer t = vm.transferProperty().get();
        boolean osi = model == LayerModel.OSI;
        grid.add(heading(text.getString(osi ? "stack.heading.osi" : "stack.heading.tcpip")), 0, 0);
        grid.add(heading(text.getString(osi ? "stack.heading.mapping.tcpip" : "stack.heading.mapping.osi")), 1, 0);
        if (t == null) {
            grid.add(new Label(text.getString("stack.empty")), 2, 0, 2, 1);
        } else {
            grid.add(heading(MessageFormat.format(text.getString("stack.sender"), t.sender())), 2, 0);
            grid.add(heading(MessageFormat.format(text.getString("stack.receiver"), t.receiver())), 3, 0);
        }
        List<LayerModel.LayerRow> rows = model.rows();
        for (int r = 0; r < rows.size(); r++) {
            LayerModel.LayerRow row = rows.get(r);
            Label name = new Label(row.number() + "  " + row.title());
            name.getStyleClass().add("stack-layer-name");
            name.setMaxHeight(Double.MAX_VALUE);
            grid.add(name, 0, r + 1);
            grid.add(cell(r, true), 2, r + 1);
            grid.add(cell(r, false), 3, r + 1);
        }
        addMapping(model, rows);
        List<EncapsulationBlock> blocks = vm.blocks();
        path.setText(t == null ? "" : MessageFormat.format(text.getString("stack.path"), String.join(" \u2192 ",
                t.path()), vm.frameLength(), blocks.size()));
        updateVisibility(vm.stepProperty().get(), vm.stepProperty().get());
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
                Label l = new Label(tcpIp.number() + " " + tcpIp.title());
                l.getStyleClass().add("stack-mapping");
                l.setWrapText(true);
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
                    folded.getChildren().add(new Label(o.number() + " " + o.title()));
                }
                grid.add(folded, 1, r + 1);
            }
        }
    }

    private VBox cell(int row, boolean sender) {
        VBox cell = new VBox();
        cell.getStyleClass().addAll("stack-cell", sender ? "stack-sender" : "stack-receiver");
        List<EncapsulationBlock> all = vm.blocks();
        for (EncapsulationBlock b : vm.blocksOnRow(row)) {
            int i = all.indexOf(b);
            if (!sender && !vm.receiverReaches(i)) {
                continue;
            }
            Protocol inner = i + 1 < all.size() ? all.get(i + 1).protocol() : b.protocol();
            BlockBar bar = new BlockBar(b, inner, b.protocol() == vm.eventProtocolProperty().get(), text);
            bar.setUserData(i);
            cell.getChildren().add(bar);
            (sender ? senderBars : receiverBars).add(bar);
        }
        return cell;
    }

    private void updateVisibility(int before, int now) {
        for (Node bar : senderBars) {
            int i = (Integer) bar.getUserData();
            show(bar, vm.senderShows(i), now > before, -1);
        }
        for (Node bar : receiverBars) {
            int i = (Integer) bar.getUserData();
            show(bar, vm.receiverShows(i), now > before, 1);
        }
    }

    /** Shows or hides a bar; a bar that just appeared slides in from the row it came from (above when sending). */
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
        Label l = new Label(s);
        l.getStyleClass().add("stack-heading");
        l.setWrapText(true);
        return l;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints c = new ColumnConstraints();
        c.setHgrow(Priority.ALWAYS);
        return c;
    }
}
