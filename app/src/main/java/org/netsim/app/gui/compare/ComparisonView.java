package org.netsim.app.gui.compare;

import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.netsim.app.gui.Messages;
import org.netsim.app.gui.inspector.InspectorView;
import org.netsim.app.gui.theme.Theme;
import org.netsim.compare.FieldDifference;

/**
 * The comparison: the simulated frame's layers and bytes beside the captured one's, and under them every field that
 * differs with its reason; rows a real capture should not have are marked.
 */
public final class ComparisonView extends BorderPane {
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);

    public ComparisonView(ComparisonViewModel model) {
        getStyleClass().addAll("ns-panel", "comparison-view");
        setId("comparisonView");
        Label summary = new Label(Messages.get("compare.empty"));
        summary.setId("comparisonSummary");
        summary.setWrapText(true);
        model.summaryProperty().addListener((o, a, b) -> summary.setText(b));
        Label notes = new Label();
        notes.setWrapText(true);
        notes.getStyleClass().add("ns-note");
        notes.textProperty().bind(model.notesProperty());
        notes.visibleProperty().bind(model.notesProperty().isNotEmpty());
        notes.managedProperty().bind(notes.visibleProperty());
        setTop(new VBox(summary, notes));

        InspectorView simulated = new InspectorView(model.simulated(), Messages.bundle());
        InspectorView captured = new InspectorView(model.captured(), Messages.bundle());
        simulated.setStacked(true);
        captured.setStacked(true);
        simulated.themeProperty().bind(theme);
        captured.themeProperty().bind(theme);
        SplitPane trees = new SplitPane(titled("compare.simulated", simulated), titled("compare.captured", captured));

        TableView<FieldDifference> table = new TableView<>(model.differences());
        table.setId("comparisonDifferences");
        table.setPlaceholder(new Label(Messages.get("compare.none")));
        table.getColumns().add(column("compare.column.layer", d -> d.protocol().title(), 7));
        table.getColumns().add(column("compare.column.field", FieldDifference::name, 10));
        table.getColumns().add(column("compare.column.simulated", d -> d.simulated() == null ? "\u2014"
                : d.simulated(), 10));
        table.getColumns().add(column("compare.column.captured", d -> d.captured() == null ? "\u2014"
                : d.captured(), 10));
        table.getColumns().add(column("compare.column.why", FieldDifference::why, 40));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FieldDifference d, boolean empty) {
                super.updateItem(d, empty);
                getStyleClass().remove("comparison-unexpected");
                setTooltip(empty || d == null ? null : new Tooltip(d.why()));
                if (!empty && d != null && !d.expected()) {
                    getStyleClass().add("comparison-unexpected");
                }
            }
        });
        SplitPane split = new SplitPane(trees, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.6);
        setCenter(split);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    private static BorderPane titled(String key, javafx.scene.Node content) {
        Label title = new Label(Messages.get(key));
        title.getStyleClass().add("ns-panel-title");
        BorderPane p = new BorderPane(content);
        p.setTop(title);
        return p;
    }

    private static TableColumn<FieldDifference, String> column(String key, Function<FieldDifference, String> value,
                                                               double ems) {
        TableColumn<FieldDifference, String> c = new TableColumn<>(Messages.get(key));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(ems * Font.getDefault().getSize());
        return c;
    }
}
