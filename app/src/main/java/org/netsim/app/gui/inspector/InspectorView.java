package org.netsim.app.gui.inspector;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.netsim.app.gui.theme.ProtocolPalette;
import org.netsim.app.gui.theme.Theme;
import org.netsim.pdu.Protocol;

/**
 * Wireshark's two lower panes side by side: the layer tree (a coloured swatch and the protocol's title on every layer,
 * each field's explanation as its tooltip) with the selected field in full under it (name, value, bits, bytes,
 * explanation: for keyboard users and projectors, where a tooltip is out of reach), and the {@link HexPane}, with a
 * legend of the layer colours and a line saying which bytes (and bits) the selection covers. Under the hex, as in
 * Wireshark, one button per byte array when the tree has more than the frame's (a message reassembled from several
 * segments). Binds to an {@link InspectorViewModel}; selection goes both ways.
 */
public final class InspectorView extends BorderPane {
    private static final String CSS = InspectorView.class.getResource("inspector.css").toExternalForm();

    private final InspectorViewModel vm;
    private final ResourceBundle text;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final TreeView<InspectorRow> tree = new TreeView<>();
    private final HexPane hex;
    private final SplitPane split;
    private final Label malformed = new Label();
    private final Label selection = new Label();
    private final FlowPane legend = new FlowPane();
    private final FlowPane sourceTabs = new FlowPane(4, 4);
    private final ToggleGroup sourceGroup = new ToggleGroup();
    private final VBox detail = new VBox();
    private final Map<InspectorRow, TreeItem<InspectorRow>> items = new IdentityHashMap<>();
    private boolean syncing;

    public InspectorView(InspectorViewModel vm, ResourceBundle text) {
        this.vm = vm;
        this.text = text;
        this.hex = new HexPane(vm);
        getStyleClass().add("inspector");
        hex.themeProperty().bind(theme);
        applyTheme();
        theme.addListener((o, a, b) -> applyTheme());

        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setCellFactory(t -> new RowCell());
        tree.setId("inspector-tree");
        hex.setId("inspector-hex");
        tree.setAccessibleText(text.getString("inspector.tree.accessible"));
        hex.setAccessibleText(text.getString("inspector.hex.accessible"));

        malformed.getStyleClass().add("inspector-malformed");
        malformed.setWrapText(true);
        malformed.textProperty().bind(vm.malformedProperty());
        malformed.visibleProperty().bind(vm.malformedProperty().isNotEmpty());
        malformed.managedProperty().bind(malformed.visibleProperty());
        selection.getStyleClass().add("inspector-selection");
        selection.setWrapText(true);
        selection.textProperty().bind(vm.selectionTextProperty());
        legend.getStyleClass().add("inspector-legend");
        Label legendTitle = new Label(text.getString("inspector.legend"));
        legendTitle.getStyleClass().add("inspector-legend-title");

        sourceTabs.setId("inspector-sources");
        sourceTabs.getStyleClass().add("inspector-sources");
        sourceTabs.setAccessibleText(text.getString("inspector.sources.accessible"));
        sourceTabs.managedProperty().bind(sourceTabs.visibleProperty());
        vm.sourceTitles().addListener((javafx.collections.ListChangeListener<String>) c -> rebuildSources());
        vm.sourceProperty().addListener((o, a, b) -> pressSource());
        VBox right = new VBox(hex, sourceTabs, selection, legendTitle, legend);
        right.getStyleClass().add("inspector-right");
        VBox.setVgrow(hex, javafx.scene.layout.Priority.ALWAYS);
        detail.setId("inspector-detail");
        detail.getStyleClass().add("inspector-detail");
        detail.setAccessibleText(text.getString("inspector.detail.accessible"));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        detailScroll.setMinHeight(0);
        vm.detailProperty().addListener((o, a, d) -> showDetail(d));
        showDetail(vm.detailProperty().get());
        // the tree above, the selected field in full below it: what a tooltip shows, without a mouse
        SplitPane left = new SplitPane(tree, detailScroll);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.62);
        // the hex pane keeps a few rows at least; below it the selection and the legend scroll in a short pane
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        rightScroll.setMinSize(0, 0);
        rightScroll.getStyleClass().add("inspector-right-scroll");
        split = new SplitPane(left, rightScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setTop(malformed);
        setCenter(split);

        vm.layers().addListener((javafx.collections.ListChangeListener<InspectorRow>) c -> rebuild());
        vm.legend().addListener((javafx.collections.ListChangeListener<Protocol>) c -> rebuildLegend());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (!syncing) {
                syncing = true;
                vm.select(item == null ? null : item.getValue());
                syncing = false;
            }
        });
        vm.selectedProperty().addListener((o, a, row) -> {
            if (!syncing) {
                syncing = true;
                reveal(row);
                syncing = false;
            }
        });
        rebuild();
        rebuildLegend();
        rebuildSources();
    }

    /** One button per byte array, the frame's first; none when the frame is the only one. */
    private void rebuildSources() {
        sourceTabs.getChildren().clear();
        sourceGroup.getToggles().clear();
        var titles = vm.sourceTitles();
        for (int i = 0; i < titles.size(); i++) {
            ToggleButton b = new ToggleButton(titles.get(i));
            b.setId("inspector-source-" + i);
            b.setToggleGroup(sourceGroup);
            b.setMinWidth(Region.USE_PREF_SIZE);
            int index = i;
            b.setOnAction(e -> {
                vm.showSource(index);
                pressSource();
            });
            sourceTabs.getChildren().add(b);
        }
        sourceTabs.setVisible(titles.size() > 1);
        pressSource();
    }

    private void pressSource() {
        int shown = vm.sourceProperty().get();
        for (int i = 0; i < sourceTabs.getChildren().size(); i++) {
            ((ToggleButton) sourceTabs.getChildren().get(i)).setSelected(i == shown);
        }
    }

    /** Tree above the hex instead of beside it, for a narrow place (the comparison's two halves). */
    public void setStacked(boolean stacked) {
        split.setOrientation(stacked ? Orientation.VERTICAL : Orientation.HORIZONTAL);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    public TreeView<InspectorRow> tree() {
        return tree;
    }

    public HexPane hexPane() {
        return hex;
    }

    private void applyTheme() {
        getStylesheets().setAll(ProtocolPalette.stylesheet(theme.get()), CSS);
        getStyleClass().removeAll("theme-light", "theme-dark");
        getStyleClass().add("theme-" + theme.get().key());
    }

    private void rebuild() {
        items.clear();
        TreeItem<InspectorRow> root = new TreeItem<>();
        for (InspectorRow layer : vm.layers()) {
            TreeItem<InspectorRow> li = new TreeItem<>(layer);
            items.put(layer, li);
            for (InspectorRow f : layer.children()) {
                TreeItem<InspectorRow> fi = new TreeItem<>(f);
                items.put(f, fi);
                li.getChildren().add(fi);
            }
            // the innermost layers are what the student follows: open them, leave the outer ones closed
            li.setExpanded(layer.protocol().osi().number() >= 5 || layer.pdu().isMalformed());
            root.getChildren().add(li);
        }
        tree.setRoot(root);
    }

    private void showDetail(FieldDetail d) {
        detail.getChildren().clear();
        if (d == null) {
            detail.getChildren().add(line(text.getString("inspector.detail.none"), "inspector-detail-none"));
            return;
        }
        detail.getChildren().add(line(d.title(), "inspector-detail-title"));
        for (String s : new String[] {d.value(), join(d.bits(), d.bytes())}) {
            if (!s.isEmpty()) {
                detail.getChildren().add(line(s, "inspector-detail-line"));
            }
        }
        detail.getChildren().add(line(d.explanation(), "inspector-detail-explanation"));
        if (!d.reference().isEmpty()) {
            detail.getChildren().add(line(d.reference(), "inspector-detail-reference"));
        }
    }

    private static String join(String bits, String bytes) {
        return bytes.isEmpty() ? bits : bits + " \u00b7 " + bytes;
    }

    private static Label line(String s, String styleClass) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.getStyleClass().add(styleClass);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private void rebuildLegend() {
        legend.getChildren().clear();
        for (Protocol p : vm.legend()) {
            Label l = new Label(p.title(), swatch(p));
            l.getStyleClass().add("inspector-legend-entry");
            legend.getChildren().add(l);
        }
    }

    /** Expands the tree to {@code row}, selects it and scrolls it into view. */
    private void reveal(InspectorRow row) {
        TreeItem<InspectorRow> item = row == null ? null : items.get(row);
        if (item == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        for (TreeItem<InspectorRow> p = item.getParent(); p != null; p = p.getParent()) {
            p.setExpanded(true);
        }
        tree.getSelectionModel().select(item);
        int index = tree.getRow(item);
        if (index >= 0) {
            tree.scrollTo(Math.max(0, index - 3));
        }
    }

    static Region swatch(Protocol p) {
        Region r = new Region();
        r.getStyleClass().addAll("proto-swatch", ProtocolPalette.styleClass(p));
        return r;
    }

    /** A layer row: swatch + text; a field: its line; both with the tooltip; problems marked. */
    private final class RowCell extends TreeCell<InspectorRow> {
        @Override
        protected void updateItem(InspectorRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("inspector-layer", "inspector-problem");
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(row.text());
            setGraphic(row.kind() == InspectorRow.Kind.LAYER ? swatch(row.protocol()) : null);
            if (row.kind() == InspectorRow.Kind.LAYER) {
                getStyleClass().add("inspector-layer");
            }
            if (row.isProblem()) {
                getStyleClass().add("inspector-problem");
            }
            Tooltip tip = new Tooltip(row.tooltip());
            tip.setWrapText(true);
            tip.setMaxWidth(480);
            setTooltip(tip);
        }
    }
}
